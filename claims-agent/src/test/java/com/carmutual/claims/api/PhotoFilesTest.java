package com.carmutual.claims.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.claims.testing.TestImages;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * A camera-sized photo (about 6 MB) goes to disk as it arrives: the stored file, the claim's
 * SHA-256 and the photo answered back are the bytes sent; its thumbnail and vision copy lie beside
 * it; many photo requests at once are all answered.
 */
@MicronautTest(environments = "test")
class PhotoFilesTest {
  @Inject
  @Client("/")
  HttpClient http;

  @Inject JsonMapper mapper;

  @Value("${claims.photo-dir}")
  String photoDir;

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void aCameraPhotoIsStoredAsSentWithItsThumbnailAndVisionCopyBesideIt() throws Exception {
    byte[] photo = TestImages.withComment(TestImages.cameraPhoto(), "photo-files-test " + System.nanoTime());
    byte[] second = TestImages.withComment(TestImages.cameraPhoto(), "photo-files-test second " + System.nanoTime());
    MultipartBody body = MultipartBody.builder()
        .addPart("report", "report.json", MediaType.APPLICATION_JSON_TYPE, ClaimsApiTest.report("Rear bumper dented.").getBytes())
        .addPart("photos", "camera.jpg", MediaType.IMAGE_JPEG_TYPE, photo)
        .addPart("photos", "camera-2.jpg", MediaType.IMAGE_JPEG_TYPE, second)
        .build();
    HttpResponse<String> created =
        http.toBlocking().exchange(HttpRequest.POST("/v1/claims", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth("test-key"), String.class);
    assertEquals(201, created.code());
    String id = mapper.readValue(created.body(), JsonNode.class).get("claimId").getStringValue();
    JsonNode claim = mapper.readValue(get("/v1/claims/" + id, String.class), JsonNode.class);
    String sha = sha256(photo);
    assertEquals(sha, claim.get("photos").get(0).get("sha256").getStringValue(), "hash of the bytes sent");
    assertEquals(photo.length, claim.get("photos").get(0).get("sizeBytes").getLongValue());
    assertEquals(4000, claim.get("photos").get(0).get("width").getIntValue());

    Path stored = Path.of(photoDir).resolve(sha.substring(0, 2)).resolve(sha);
    assertArrayEquals(photo, Files.readAllBytes(stored), "the stored file is the upload");
    assertArrayEquals(photo, get("/v1/claims/" + id + "/photos/0", byte[].class), "the photo answered is the upload");
    assertEquals(1568, longSide(Files.readAllBytes(stored.resolveSibling(sha + ".vision.jpg"))), "vision copy beside it");
    byte[] thumbnail = get("/v1/claims/" + id + "/photos/0/thumbnail", byte[].class);
    assertEquals(320, longSide(thumbnail), "thumbnail for the page");
    assertTrue(thumbnail.length < 60_000, "a thumbnail is small: " + thumbnail.length);
    assertArrayEquals(Files.readAllBytes(stored.resolveSibling(sha + ".thumb.jpg")), thumbnail, "made once at intake and served from disk");

    List<CompletableFuture<String>> answers = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      String path = "/v1/claims/" + id + "/photos/" + (i % 2) + (i % 4 < 2 ? "" : "/thumbnail");
      answers.add(CompletableFuture.supplyAsync(() -> {
        try {
          return sha256(get(path, byte[].class));
        } catch (Exception e) {
          throw new IllegalStateException(path + ": " + e, e);
        }
      }));
    }
    for (int i = 0; i < 16; i++) {
      String expected = i % 4 < 2 ? sha256(i % 2 == 0 ? photo : second) : null;
      String got = answers.get(i).get();
      if (expected != null) {
        assertEquals(expected, got, "photo request " + i);
      }
    }
    var missing = org.junit.jupiter.api.Assertions.assertThrows(io.micronaut.http.client.exceptions.HttpClientResponseException.class,
        () -> get("/v1/claims/" + id + "/photos/2", byte[].class));
    assertEquals(404, missing.getStatus().getCode());
  }

  private <T> T get(String path, Class<T> type) {
    return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth("test-key"), type);
  }

  private static int longSide(byte[] jpeg) throws Exception {
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(jpeg));
    return Math.max(img.getWidth(), img.getHeight());
  }
}
