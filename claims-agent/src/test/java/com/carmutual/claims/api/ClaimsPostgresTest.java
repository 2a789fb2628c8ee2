package com.carmutual.claims.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.claims.testing.TestImages;
import com.carmutual.shared.testing.PostgresSupport;
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

/** The claim tables, photo rows and estimate versions on PostgreSQL (skipped, visibly, when none is reachable). */
class ClaimsPostgresTest {
  @Test
  void claimPhotosAndEstimateVersionsPersistOnPostgres() throws Exception {
    PostgresSupport.assumeAvailable();
    Map<String, Object> props = new HashMap<>(PostgresSupport.freshDatabase("claims"));
    try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props, "test");
        HttpClient http = HttpClient.create(server.getURL())) {
      JsonMapper mapper = server.getApplicationContext().getBean(JsonMapper.class);
      String report = """
          {"memberId":"M-9","vehicle":{"year":2020,"make":"Honda","model":"Civic"},"lossDate":"2025-06-01","lossLocation":"31.23,121.47",
           "description":"左前叶子板被刮了一道,左后视镜壳子裂了。","deductible":300}""";
      MultipartBody body = MultipartBody.builder()
          .addPart("report", "report.json", MediaType.APPLICATION_JSON_TYPE, report.getBytes(StandardCharsets.UTF_8))
          .addPart("photos", "a.jpg", MediaType.IMAGE_JPEG_TYPE, TestImages.jpeg(TestImages.picture(9, 320, 240), 0.8f))
          .build();
      var req = HttpRequest.POST("/v1/claims", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth("test-key").header("Idempotency-Key", "pg-1");
      String id = mapper.readValue(http.toBlocking().retrieve(req), JsonNode.class).get("claimId").getStringValue();
      String again = mapper.readValue(http.toBlocking().retrieve(req), JsonNode.class).get("claimId").getStringValue();
      assertEquals(id, again);
      JsonNode claim = mapper.readValue(http.toBlocking().retrieve(HttpRequest.GET("/v1/claims/" + id).bearerAuth("test-key")), JsonNode.class);
      assertEquals(1, claim.get("photos").size());
      JsonNode est = mapper.readValue(http.toBlocking().retrieve(HttpRequest.GET("/v1/claims/" + id + "/estimate").bearerAuth("test-key")), JsonNode.class);
      assertEquals(0, new java.math.BigDecimal("300").compareTo(new java.math.BigDecimal(est.get("totals").get("deductible").coerceStringValue())));
      String lineId = est.get("lines").get(0).get("lineId").getStringValue();
      http.toBlocking().retrieve(HttpRequest.PATCH("/v1/claims/" + id + "/estimate/lines/" + lineId, "{\"laborHours\":2.5}").bearerAuth("test-key"));
      JsonNode versions = mapper.readValue(http.toBlocking().retrieve(HttpRequest.GET("/v1/claims/" + id + "/estimate/versions").bearerAuth("test-key")), JsonNode.class);
      assertEquals(2, versions.size());
      assertTrue(http.toBlocking().retrieve(HttpRequest.GET("/v1/claims?status=in_review").bearerAuth("test-key")).contains(id));
    }
  }
}
