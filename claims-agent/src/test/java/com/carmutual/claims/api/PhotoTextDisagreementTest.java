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
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Photos and report disagree: the fake vision provider sees the hood and the left headlamp, the
 * report names the front bumper and the left headlamp. The estimate keeps every part with its
 * source and flags the two parts that only one side names.
 */
class PhotoTextDisagreementTest {
  private static final String VISION_ANSWER = """
      {"damages":[{"partCode":"HOOD","side":"CENTER","damageType":"dent","severity":"moderate","source":null,"confidence":0.9,"evidencePhoto":"front.jpg","evidence":"crease in the hood"},
                  {"partCode":"HEADLAMP","side":"LEFT","damageType":"broken","severity":"severe","source":null,"confidence":0.9,"evidencePhoto":"front.jpg","evidence":"lens smashed"}]}""";

  @Test
  void estimateKeepsBothSourcesAndFlagsEachPartOnlyOneOfThemNames() throws Exception {
    try (FakeVisionProvider fake = new FakeVisionProvider(VISION_ANSWER); ApplicationContext context = fake.startClaimsAgent("claims-disagree")) {
      JsonNode estimate = estimateFor(context, "Hit a bollard pulling out of the car park: the front bumper is scuffed and the driver side headlight is smashed.");

      Map<String, String> sources = new HashMap<>();
      for (JsonNode d : estimate.get("damages").values()) {
        sources.put(d.get("partCode").getStringValue() + "/" + d.get("side").getStringValue(), d.get("source").getStringValue());
      }
      assertEquals(Map.of("HOOD/CENTER", "vision", "FRT_BUMPER_COVER/CENTER", "text", "HEADLAMP/LEFT", "vision+text"), sources);

      Map<String, String> flagged = new HashMap<>();
      for (JsonNode f : estimate.get("flags").values()) {
        if ("PHOTO_TEXT_DISAGREE".equals(f.get("code").getStringValue())) {
          flagged.put(f.get("subject").getStringValue(), f.get("evidence").getStringValue());
        }
      }
      assertEquals(2, flagged.size(), flagged.toString());
      assertTrue(flagged.get("HOOD").contains("photos show") && flagged.get("HOOD").contains("front.jpg"), flagged.get("HOOD"));
      assertTrue(flagged.get("FRT_BUMPER_COVER").contains("the report names"), flagged.get("FRT_BUMPER_COVER"));

      boolean hoodLine = false;
      boolean bumperLine = false;
      for (JsonNode l : estimate.get("lines").values()) {
        String part = l.get("partCode") == null || l.get("partCode").isNull() ? "" : l.get("partCode").getStringValue();
        hoodLine |= part.equals("HOOD") && "vision".equals(l.get("source").getStringValue());
        bumperLine |= part.equals("FRT_BUMPER_COVER") && "text".equals(l.get("source").getStringValue());
      }
      assertTrue(hoodLine && bumperLine, "both parts are priced, each with its source: " + estimate.get("lines"));
    }
  }

  @Test
  void aReportThatOnlyPointsToThePhotosIsNotADisagreement() throws Exception {
    try (FakeVisionProvider fake = new FakeVisionProvider(VISION_ANSWER); ApplicationContext context = fake.startClaimsAgent("claims-agree")) {
      JsonNode estimate = estimateFor(context, "车停在路边被撞了，看照片。");
      for (JsonNode f : estimate.get("flags").values()) {
        assertTrue(!"PHOTO_TEXT_DISAGREE".equals(f.get("code").getStringValue()), f.toString());
      }
      assertEquals(2, estimate.get("damages").size());
    }
  }

  private static JsonNode estimateFor(ApplicationContext context, String description) throws Exception {
    EmbeddedServer server = context.getBean(EmbeddedServer.class);
    JsonMapper mapper = context.getBean(JsonMapper.class);
    String report = """
        {"memberId":"M-8","vehicle":{"year":2020,"make":"Honda","model":"Civic"},"lossDate":"2025-06-10","lossLocation":"Shanghai","description":"%s"}"""
        .formatted(description);
    MultipartBody body = MultipartBody.builder()
        .addPart("report", "report.json", MediaType.APPLICATION_JSON_TYPE, report.getBytes(StandardCharsets.UTF_8))
        .addPart("photos", "front.jpg", MediaType.IMAGE_JPEG_TYPE, TestImages.jpeg(TestImages.picture(5, 640, 480), 0.85f))
        .build();
    try (HttpClient http = HttpClient.create(server.getURL())) {
      String created = http.toBlocking().retrieve(HttpRequest.POST("/v1/claims", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth("test-key"));
      String id = mapper.readValue(created, JsonNode.class).get("claimId").getStringValue();
      return mapper.readValue(http.toBlocking().retrieve(HttpRequest.GET("/v1/claims/" + id + "/estimate").bearerAuth("test-key")), JsonNode.class);
    }
  }
}
