package com.carmutual.claims.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.claims.testing.FakeVisionProvider;
import com.carmutual.claims.testing.TestImages;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import com.carmutual.claims.testing.TestImages.Exif;
import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The vision path: task claims.damage routed to an OpenAI-compatible provider, here a fake server
 * on loopback that checks the photo was sent and answers damages the text never mentions.
 */
class VisionPathTest {
  private FakeVisionProvider fake;
  private ApplicationContext context;

  @BeforeEach
  void start() throws IOException {
    fake = new FakeVisionProvider("""
        {"damages":[{"partCode":"QUARTER_PANEL","side":"RIGHT","damageType":"dent","severity":"moderate","source":null,"confidence":0.91,"evidencePhoto":"side.jpg","evidence":"crease above the wheel arch"},
                    {"partCode":"TAIL_LAMP","side":"RIGHT","damageType":"broken","severity":"severe","source":null,"confidence":0.88,"evidencePhoto":"side.jpg","evidence":"lens missing"},
                    {"partCode":"FLUX_CAPACITOR","side":"CENTER","damageType":"dent","severity":"minor","source":null,"confidence":0.2,"evidencePhoto":null,"evidence":"made up"}]}""");
    context = fake.startClaimsAgent("claims-vision");
  }

  @AfterEach
  void stop() {
    context.close();
    fake.close();
  }

  /** A client that waits as long as a busy CI machine may need for intake and the first estimate. */
  private static HttpClient client(EmbeddedServer server) {
    DefaultHttpClientConfiguration config = new DefaultHttpClientConfiguration();
    config.setReadTimeout(Duration.ofSeconds(90));
    return HttpClient.create(server.getURL(), config);
  }

  @Test
  void photoSentToTheModelIsAResizedJpegWithoutExifOrGps() throws Exception {
    EmbeddedServer server = context.getBean(EmbeddedServer.class);
    byte[] original = TestImages.withExif(TestImages.jpeg(TestImages.picture(12, 3200, 2400), 0.9f),
        new Exif(LocalDateTime.of(2025, 6, 10, 15, 0), 31.2304, 121.4737, "Apple", null));
    assertTrue(new String(original, StandardCharsets.ISO_8859_1).contains("Exif\0\0"), "the upload carries EXIF");
    assertTrue(ImageMetadataReader.readMetadata(new ByteArrayInputStream(original)).containsDirectoryOfType(GpsDirectory.class), "and GPS");
    String report = """
        {"memberId":"M-8","vehicle":{"year":2021,"make":"Toyota","model":"Camry"},"lossDate":"2025-06-10","lossLocation":"Shanghai",
         "description":"Scraped along a wall."}""";
    MultipartBody body = MultipartBody.builder()
        .addPart("report", "report.json", MediaType.APPLICATION_JSON_TYPE, report.getBytes(StandardCharsets.UTF_8))
        .addPart("photos", "gps.jpg", MediaType.IMAGE_JPEG_TYPE, original)
        .build();
    try (HttpClient http = client(server)) {
      http.toBlocking().retrieve(HttpRequest.POST("/v1/claims", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth("test-key"));
    }

    assertEquals(1, fake.requests().size());
    Matcher image = Pattern.compile("data:image/jpeg;base64,([A-Za-z0-9+/=]+)").matcher(fake.requests().get(0));
    assertTrue(image.find(), "an image part was sent");
    byte[] sent = Base64.getDecoder().decode(image.group(1));
    assertTrue(image.group(1).length() < 2_000_000, "a resized copy, not the original");
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(sent));
    assertEquals(1568, Math.max(decoded.getWidth(), decoded.getHeight()), "long side at the configured 1568 px");
    assertEquals(1176, Math.min(decoded.getWidth(), decoded.getHeight()), "aspect ratio kept");
    assertFalse(new String(sent, StandardCharsets.ISO_8859_1).contains("Exif"), "no EXIF segment in the bytes sent");
    Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(sent));
    assertFalse(metadata.containsDirectoryOfType(GpsDirectory.class), "no GPS");
    assertFalse(metadata.containsDirectoryOfType(ExifIFD0Directory.class), "no EXIF");
    assertFalse(fake.requests().get(0).contains("121.47"), "the position is not in the request text either");
  }

  @Test
  void uploadedPhotosGoToTheVisionModelAndItsDamagesBecomeVisionLines() throws Exception {
    EmbeddedServer server = context.getBean(EmbeddedServer.class);
    byte[] photo = TestImages.jpeg(TestImages.picture(11, 640, 480), 0.85f);
    String report = """
        {"memberId":"M-7","vehicle":{"year":2021,"make":"Toyota","model":"Camry"},"lossDate":"2025-06-10","lossLocation":"Shanghai",
         "description":"Someone hit the car in the car park, see photos."}""";
    MultipartBody body = MultipartBody.builder()
        .addPart("report", "report.json", MediaType.APPLICATION_JSON_TYPE, report.getBytes(StandardCharsets.UTF_8))
        .addPart("photos", "side.jpg", MediaType.IMAGE_JPEG_TYPE, photo)
        .build();
    try (HttpClient http = client(server)) {
      JsonMapper mapper = context.getBean(JsonMapper.class);
      String created = http.toBlocking().retrieve(HttpRequest.POST("/v1/claims", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth("test-key"));
      String id = mapper.readValue(created, JsonNode.class).get("claimId").getStringValue();
      JsonNode estimate = mapper.readValue(http.toBlocking().retrieve(HttpRequest.GET("/v1/claims/" + id + "/estimate").bearerAuth("test-key")), JsonNode.class);

      assertTrue(fake.requests().size() >= 1, "the fake provider was called");
      assertTrue(fake.requests().get(0).contains("data:image/jpeg;base64,"), "the photo was sent as an image part");
      assertEquals(2, estimate.get("damages").size(), "unknown part codes from the model are dropped");
      for (JsonNode d : estimate.get("damages").values()) {
        assertEquals("vision", d.get("source").getStringValue());
        assertEquals("side.jpg", d.get("evidencePhoto").getStringValue());
      }
      boolean quarterLine = false;
      for (JsonNode l : estimate.get("lines").values()) {
        if (l.get("partCode") != null && "QUARTER_PANEL".equals(l.get("partCode").getStringValue()) && "vision".equals(l.get("source").getStringValue())) {
          quarterLine = true;
          assertEquals("repair", l.get("operation").getStringValue());
        }
      }
      assertTrue(quarterLine, estimate.get("lines").toString());
    }
  }
}
