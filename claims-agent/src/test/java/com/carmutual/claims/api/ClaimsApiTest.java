package com.carmutual.claims.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.claims.intake.ClaimService;
import com.carmutual.claims.testing.RecordingAnnotations;
import com.carmutual.claims.testing.TestImages;
import com.carmutual.claims.testing.TestImages.Exif;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@MicronautTest(environments = "test")
class ClaimsApiTest {
  @Inject
  @Client("/")
  HttpClient http;

  @Inject JsonMapper mapper;
  @Inject ClaimService claims;
  @Inject RecordingAnnotations annotations;

  static String report(String description) {
    return """
        {"memberId":"M-100234","vin":"1FTFW5L86RFB45612","vehicle":{"year":2024,"make":"Ford","model":"F-150"},
         "lossDate":"2025-06-10","lossLocation":"Austin, TX","description":"%s"}""".formatted(description);
  }

  JsonNode json(String body) throws Exception {
    return mapper.readValue(body, JsonNode.class);
  }

  HttpResponse<String> post(String body, String key) {
    var req = HttpRequest.POST("/v1/claims", body).contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth("test-key");
    if (key != null) {
      req = req.header("Idempotency-Key", key);
    }
    return http.toBlocking().exchange(req, String.class);
  }

  String get(String path) {
    return http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth("test-key"));
  }

  HttpClientResponseException failure(Runnable call) {
    return assertThrows(HttpClientResponseException.class, call::run);
  }

  static BigDecimal dec(JsonNode n) {
    return new BigDecimal(n.coerceStringValue());
  }

  @Test
  void jsonClaimGets201AndAPricedEstimateWhoseTotalsAreTheSumOfItsLines() throws Exception {
    HttpResponse<String> created = post(report("Rear-ended at a light, rear bumper cracked and the tailgate dented. LR tail light smashed."), null);
    assertEquals(201, created.code());
    String id = json(created.body()).get("claimId").getStringValue();
    JsonNode est = json(get("/v1/claims/" + id + "/estimate"));
    assertEquals(1, est.get("version").getIntValue());
    List<String> parts = new ArrayList<>();
    BigDecimal sum = BigDecimal.ZERO;
    for (JsonNode line : est.get("lines").values()) {
      sum = sum.add(dec(line.get("amount")));
      if (line.get("partCode") != null && !line.get("partCode").isNull()) {
        parts.add(line.get("partCode").getStringValue() + ":" + line.get("operation").getStringValue() + ":" + line.get("source").getStringValue());
      }
    }
    assertTrue(parts.contains("REAR_BUMPER_COVER:repair:text"), parts.toString());
    assertTrue(parts.contains("TAILGATE_PICKUP:repair:text"), parts.toString());
    assertTrue(parts.contains("TAIL_LAMP:replace:text"), parts.toString());
    assertTrue(parts.stream().anyMatch(p -> p.endsWith(":blend:rule")), parts.toString());
    JsonNode totals = est.get("totals");
    assertEquals(0, sum.compareTo(dec(totals.get("linesTotal"))), "lines total = sum of lines");
    BigDecimal components = dec(totals.get("partsTotal")).add(dec(totals.get("laborTotal"))).add(dec(totals.get("paintMaterialsTotal"))).add(dec(totals.get("subletTotal")));
    assertEquals(0, components.compareTo(dec(totals.get("linesTotal"))), "parts + labour + materials + sublet = lines total");
    assertEquals(0, dec(totals.get("linesTotal")).add(dec(totals.get("tax"))).compareTo(dec(totals.get("grossTotal"))));
    assertEquals(2, dec(totals.get("grossTotal")).scale());
    List<String> flags = new ArrayList<>();
    est.get("flags").values().forEach(f -> flags.add(f.get("code").getStringValue()));
    assertTrue(flags.contains("LIKELY_SUPPLEMENT"), flags.toString());
    assertEquals("TX", est.get("totalLoss").get("state").getStringValue());
    assertEquals("report", est.get("vehicle").get("source").getStringValue(), "vin-matching is not running in this test: fallback to the report");
  }

  @Test
  void sameInputGivesTheSameEstimate() throws Exception {
    String body = report("Hit a pole: front bumper smashed, hood badly dented, both headlights broken, grille missing.");
    JsonNode a = json(get("/v1/claims/" + json(post(body, null).body()).get("claimId").getStringValue() + "/estimate"));
    JsonNode b = json(get("/v1/claims/" + json(post(body, null).body()).get("claimId").getStringValue() + "/estimate"));
    assertEquals(mapper.writeValueAsString(a.get("lines")), mapper.writeValueAsString(b.get("lines")));
    assertEquals(mapper.writeValueAsString(a.get("totals")), mapper.writeValueAsString(b.get("totals")));
    assertEquals(mapper.writeValueAsString(a.get("totalLoss")), mapper.writeValueAsString(b.get("totalLoss")));
  }

  @Test
  void idempotencyKeyReplaysTheSameClaimAndRefusesADifferentBody() throws Exception {
    String key = UUID.randomUUID().toString();
    String first = json(post(report("Driver door dented."), key).body()).get("claimId").getStringValue();
    long[] before = claims.counts();
    HttpResponse<String> again = post(report("Driver door dented."), key);
    assertEquals(first, json(again.body()).get("claimId").getStringValue());
    assertEquals("true", again.header("Idempotent-Replayed"));
    var conflict = failure(() -> post(report("Passenger door dented."), key));
    assertEquals(409, conflict.getStatus().getCode());
    assertTrue(conflict.getResponse().getBody(String.class).orElse("").contains("idempotency-key-reused"));
    assertFalse(conflict.getResponse().getBody(String.class).orElse("").contains(first), "the conflict names no claim");
    assertEquals(before[0], claims.counts()[0]);
  }

  @Test
  void vinFailingItsCheckDigitIs400AndStoresNothing() {
    long[] before = claims.counts();
    var e = failure(() -> post(report("Hood dented.").replace("1FTFW5L86RFB45612", "1FTFW5L87RFB45612"), null));
    assertEquals(400, e.getStatus().getCode());
    String body = e.getResponse().getBody(String.class).orElse("");
    assertTrue(body.contains("vin-check-digit"), body);
    assertTrue(e.getResponse().getContentType().map(MediaType::toString).orElse("").contains("problem+json"));
    assertEquals(before[0], claims.counts()[0]);
  }

  @Test
  void malformedReportsAre400() {
    long[] before = claims.counts();
    assertEquals(400, failure(() -> post("{\"memberId\": \"M-1\", \"lossDate\": ", null)).getStatus().getCode());
    assertEquals(400, failure(() -> post("{\"memberId\": \"M-1\", \"lossDate\": \"yesterday\"}", null)).getStatus().getCode());
    var missing = failure(() -> post("{\"lossDate\": \"2025-06-10\", \"description\": \"hood dented\"}", null));
    assertEquals(400, missing.getStatus().getCode());
    assertTrue(missing.getResponse().getBody(String.class).orElse("").contains("memberId"));
    var badPart = failure(() -> post(report("x").replace("\"description\"", "\"damages\":[{\"partCode\":\"WARP_DRIVE\",\"side\":\"LEFT\"}],\"description\""), null));
    assertEquals(400, badPart.getStatus().getCode());
    MultipartBody bad = MultipartBody.builder().addPart("report", "report.json", MediaType.APPLICATION_JSON_TYPE, "{not json".getBytes()).build();
    var multipart = failure(() -> http.toBlocking().exchange(HttpRequest.POST("/v1/claims", bad).contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth("test-key"), String.class));
    assertEquals(400, multipart.getStatus().getCode());
    assertTrue(multipart.getResponse().getBody(String.class).orElse("").contains("report-malformed"));
    assertEquals(before[0], claims.counts()[0]);
    assertEquals(before[1], claims.counts()[1]);
  }

  HttpResponse<String> postMultipart(String report, Map<String, byte[]> photos) {
    MultipartBody.Builder b = MultipartBody.builder().addPart("report", "report.json", MediaType.APPLICATION_JSON_TYPE, report.getBytes());
    photos.forEach((name, bytes) -> b.addPart("photos", name, MediaType.IMAGE_JPEG_TYPE, bytes));
    return http.toBlocking().exchange(HttpRequest.POST("/v1/claims", b.build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth("test-key"), String.class);
  }

  @Test
  void photosAreStoredWithFlagsAndANearDuplicateInAnotherClaimIsFlagged() throws Exception {
    var picture = TestImages.picture(42, 800, 600);
    byte[] edited = TestImages.withExif(TestImages.jpeg(picture, 0.9f), new Exif(LocalDateTime.of(2025, 6, 10, 15, 0), 40.7128, -74.0060, "Apple", "Adobe Photoshop 25.1"));
    byte[] plain = TestImages.png(TestImages.picture(43, 640, 480));
    var first = postMultipart(report("Rear bumper dented."), new java.util.LinkedHashMap<>(Map.of("rear.jpg", edited)));
    assertEquals(201, first.code());
    String id = json(first.body()).get("claimId").getStringValue();
    JsonNode claim = json(get("/v1/claims/" + id));
    assertEquals(1, claim.get("photos").size());
    assertEquals("image/jpeg", claim.get("photos").get(0).get("mediaType").getStringValue());
    List<String> flags = new ArrayList<>();
    claim.get("flags").values().forEach(f -> flags.add(f.get("code").getStringValue()));
    assertTrue(flags.contains("PHOTO_EDITED"), flags.toString());
    assertTrue(flags.contains("PHOTO_FAR_FROM_LOSS"), flags.toString());

    byte[] resent = TestImages.jpeg(TestImages.resized(picture, 400, 300), 0.7f);
    var second = postMultipart(report("Rear bumper dented, different member story."), new java.util.LinkedHashMap<>(Map.of("again.jpg", resent, "other.png", plain)));
    JsonNode claim2 = json(get("/v1/claims/" + json(second.body()).get("claimId").getStringValue()));
    String flags2 = mapper.writeValueAsString(claim2.get("flags"));
    assertTrue(flags2.contains("PHOTO_NEAR_DUPLICATE") && flags2.contains(id), flags2);
    assertTrue(flags2.contains("PHOTO_METADATA_MISSING"), flags2);
    String queue = get("/v1/claims?flag=PHOTO_NEAR_DUPLICATE");
    assertTrue(queue.contains(json(second.body()).get("claimId").getStringValue()), queue);
  }

  @Test
  void badPhotosAreRefusedWithA4xxAndNothingIsHalfStored() {
    long[] before = claims.counts();
    byte[] good = TestImages.jpeg(TestImages.picture(1, 320, 240), 0.8f);
    var text = failure(() -> postMultipart(report("Hood dented."), new java.util.LinkedHashMap<>(Map.of("ok.jpg", good, "notes.jpg", "this is a text file".repeat(50).getBytes()))));
    assertEquals(415, text.getStatus().getCode());
    assertTrue(text.getResponse().getBody(String.class).orElse("").contains("notes.jpg"));
    var bomb = failure(() -> postMultipart(report("Hood dented."), new java.util.LinkedHashMap<>(Map.of("ok.jpg", good, "bomb.png", TestImages.pngBomb(50_000, 50_000)))));
    assertEquals(422, bomb.getStatus().getCode());
    byte[] huge = new byte[50 * 1024 * 1024];
    System.arraycopy(good, 0, huge, 0, good.length);
    var big = failure(() -> postMultipart(report("Hood dented."), new java.util.LinkedHashMap<>(Map.of("ok.jpg", good, "huge.jpg", huge))));
    assertEquals(413, big.getStatus().getCode());
    assertEquals(before[0], claims.counts()[0], "no claim row");
    assertEquals(before[1], claims.counts()[1], "no photo row");
  }

  @Test
  void adjusterEditsMakeVersionsAreAnnotatedAndTheApprovedEstimateExports() throws Exception {
    String id = json(post(report("LF fender dented, LF headlamp cracked."), null).body()).get("claimId").getStringValue();
    JsonNode v1 = json(get("/v1/claims/" + id + "/estimate"));
    String fenderLine = null;
    for (JsonNode l : v1.get("lines").values()) {
      if (l.get("partCode") != null && "FENDER".equals(l.get("partCode").getStringValue()) && "repair".equals(l.get("operation").getStringValue())) {
        fenderLine = l.get("lineId").getStringValue();
      }
    }
    assertTrue(fenderLine != null, mapper.writeValueAsString(v1.get("lines")));
    var notApproved = failure(() -> get("/v1/claims/" + id + "/estimate/export?format=bms"));
    assertEquals(409, notApproved.getStatus().getCode());
    int before = annotations.recorded.size();

    String patched = http.toBlocking().retrieve(HttpRequest.PATCH("/v1/claims/" + id + "/estimate/lines/" + fenderLine,
        "{\"operation\":\"replace\",\"severity\":\"severe\",\"comment\":\"crease on the body line\"}").header("If-Match", "1").bearerAuth("test-key"));
    JsonNode v2 = json(patched);
    assertEquals(2, v2.get("version").getIntValue());
    var stale = failure(() -> http.toBlocking().retrieve(HttpRequest.PATCH("/v1/claims/" + id + "/estimate/lines/" + "L01", "{\"laborHours\":1}").header("If-Match", "1").bearerAuth("test-key")));
    assertEquals(412, stale.getStatus().getCode());
    JsonNode v3 = json(http.toBlocking().retrieve(HttpRequest.POST("/v1/claims/" + id + "/estimate/lines",
        "{\"partCode\":\"FENDER_LINER\",\"side\":\"LEFT\",\"operation\":\"replace\",\"damageType\":\"torn\",\"severity\":\"severe\"}").bearerAuth("test-key")));
    assertEquals(3, v3.get("version").getIntValue());
    String addedId = null;
    for (JsonNode l : v3.get("lines").values()) {
      if ("adjuster".equals(l.get("source").getStringValue()) && l.get("partCode") != null && "FENDER_LINER".equals(l.get("partCode").getStringValue())) {
        addedId = l.get("lineId").getStringValue();
        assertTrue(dec(l.get("partPrice")).signum() > 0, "added part is priced");
      }
    }
    JsonNode v4 = json(http.toBlocking().retrieve(HttpRequest.DELETE("/v1/claims/" + id + "/estimate/lines/" + addedId + "?comment=duplicate").bearerAuth("test-key")));
    assertEquals(4, v4.get("version").getIntValue());
    JsonNode v5 = json(http.toBlocking().retrieve(HttpRequest.POST("/v1/claims/" + id + "/estimate/approve", "{\"comment\":\"ok\"}").bearerAuth("test-key")));
    assertEquals("approved", v5.get("status").getStringValue());
    JsonNode history = json(get("/v1/claims/" + id + "/estimate/versions"));
    assertEquals(5, history.size());
    assertEquals("draft", history.get(0).get("status").getStringValue());
    assertNotEquals(mapper.writeValueAsString(history.get(0).get("totals")), mapper.writeValueAsString(history.get(1).get("totals")));
    BigDecimal sum = BigDecimal.ZERO;
    for (JsonNode l : v5.get("lines").values()) {
      sum = sum.add(dec(l.get("amount")));
    }
    assertEquals(0, sum.compareTo(dec(v5.get("totals").get("linesTotal"))));
    assertEquals(before + 4, annotations.recorded.size());
    assertTrue(annotations.recorded.stream().skip(before).anyMatch(a -> a.task().equals("claims.damage")));
    assertTrue(annotations.recorded.stream().skip(before).anyMatch(a -> a.task().equals("claims.estimate")));

    JsonNode bms = json(get("/v1/claims/" + id + "/estimate/export?format=bms"));
    JsonNode rq = bms.get("VehicleDamageEstimateAddRq");
    assertEquals(v5.get("lines").size(), rq.get("DamageLineInfo").size());
    assertTrue(mapper.writeValueAsString(rq).contains("\"LaborOperation\":\"OP11\""));
    String html = http.toBlocking().retrieve(HttpRequest.GET("/v1/claims/" + id + "/estimate/export?format=html").bearerAuth("test-key"));
    assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains(v5.get("totals").get("grossTotal").coerceStringValue()), html);
    assertFalse(get("/v1/claims?status=approved").isEmpty());
  }

  @Test
  void nodeEndpointsAreTyped() throws Exception {
    JsonNode damages = json(http.toBlocking().retrieve(HttpRequest.POST("/v1/nodes/claims.damage", "{\"description\":\"右前大灯碎了\"}").bearerAuth("test-key")));
    assertEquals("HEADLAMP", damages.get("damages").get(0).get("partCode").getStringValue());
    assertEquals("RIGHT", damages.get("damages").get(0).get("side").getStringValue());
    String vehicle = "{\"year\":2020,\"make\":\"Honda\",\"model\":\"Civic\",\"vehicleClass\":\"CAR\",\"source\":\"report\",\"warnings\":[]}";
    JsonNode plan = json(http.toBlocking().retrieve(HttpRequest.POST("/v1/nodes/claims.plan",
        "{\"vehicle\":" + vehicle + ",\"lossDate\":\"2025-06-10\",\"damages\":" + mapper.writeValueAsString(damages.get("damages")) + "}").bearerAuth("test-key")));
    assertEquals("replace", plan.get("lines").get(0).get("operation").getStringValue());
    JsonNode priced = json(http.toBlocking().retrieve(HttpRequest.POST("/v1/nodes/claims.price",
        "{\"vehicle\":" + vehicle + ",\"lines\":" + mapper.writeValueAsString(plan.get("lines")) + "}").bearerAuth("test-key")));
    assertTrue(dec(priced.get("totals").get("grossTotal")).signum() > 0);
  }

  @Test
  void queueIsPagedInSqlAndBadPageParametersAre400ProblemsNamingTheParameter() throws Exception {
    for (int i = 0; i < 4; i++) {
      post(report("Hood dented " + i + "."), null);
    }
    JsonNode first = json(get("/v1/claims?limit=2"));
    JsonNode second = json(get("/v1/claims?limit=2&offset=2"));
    assertEquals(2, first.size());
    assertEquals(2, second.size());
    List<String> ids = new ArrayList<>();
    for (JsonNode page : List.of(first, second)) {
      page.values().forEach(c -> ids.add(c.get("id").getStringValue()));
    }
    assertEquals(4, ids.stream().distinct().count(), "pages do not overlap: " + ids);
    assertTrue(first.get(0).get("createdAt").getStringValue().compareTo(second.get(1).get("createdAt").getStringValue()) >= 0, "newest first");
    JsonNode oldest = json(get("/v1/claims?sort=oldest&limit=1"));
    assertTrue(oldest.get(0).get("createdAt").getStringValue().compareTo(first.get(0).get("createdAt").getStringValue()) <= 0);
    assertEquals(0, json(get("/v1/claims?status=approved&flag=NO_SUCH_FLAG")).size());

    for (String bad : List.of("limit=0", "limit=501", "limit=abc", "offset=-1", "offset=100001", "sort=cheapest", "status=lost", "flag=DROP%20TABLE")) {
      var e = failure(() -> get("/v1/claims?" + bad));
      assertEquals(400, e.getStatus().getCode(), bad);
      assertTrue(e.getResponse().getContentType().map(MediaType::toString).orElse("").contains("problem+json"), bad);
      String name = bad.substring(0, bad.indexOf('='));
      assertTrue(e.getResponse().getBody(String.class).orElse("").contains("\"" + name + "\""), bad + " names " + name);
    }
  }
}
