package com.carmutual.claims.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.io.IOException;
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
    try (HttpClient http = HttpClient.create(server.getURL())) {
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
