package com.carmutual.claims.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.claims.intake.ClaimService;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract with phone-agent: the fixture {@code contract/phone-fnol-claim.json} is exactly the
 * payload produced by {@code com.carmutual.phone.claims.ClaimOutbox#report} (phone-agent) and sent
 * by its {@code HttpClaimFiler} with {@code Idempotency-Key: phone-<CallSid>}. phone-agent's
 * {@code ClaimPayloadContractTest} checks that it still produces these field names. A phone claim
 * names the vehicle by plate only, so it must be accepted, flagged and estimated.
 */
@MicronautTest(environments = "test")
class PhoneFnolContractTest {
  @Inject
  @Client("/")
  HttpClient http;

  @Inject JsonMapper mapper;
  @Inject ClaimService claims;

  static String fixture() throws IOException {
    try (InputStream in = PhoneFnolContractTest.class.getResourceAsStream("/contract/phone-fnol-claim.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  HttpResponse<String> post(String body, String key) {
    return http.toBlocking().exchange(
        HttpRequest.POST("/v1/claims", body).contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth("test-key").header("Idempotency-Key", key),
        String.class);
  }

  JsonNode get(String path) throws IOException {
    return mapper.readValue(http.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth("test-key")), JsonNode.class);
  }

  static List<String> codes(JsonNode flags) {
    List<String> out = new ArrayList<>();
    flags.values().forEach(f -> out.add(f.get("code").getStringValue()));
    return out;
  }

  @Test
  void phoneFnolPayloadIsFiledStoredFlaggedAndEstimated() throws Exception {
    JsonNode sent = mapper.readValue(fixture(), JsonNode.class);
    HttpResponse<String> created = post(fixture(), "phone-" + sent.get("callSid").getStringValue());
    assertEquals(201, created.code(), created.body());
    String id = mapper.readValue(created.body(), JsonNode.class).get("claimId").getStringValue();

    JsonNode claim = get("/v1/claims/" + id);
    JsonNode report = claim.get("report");
    for (String field : List.of("memberId", "reporterName", "lossDate", "lossTime", "lossPlace", "description", "plate", "language", "source", "callSid")) {
      assertEquals(sent.get(field).getStringValue(), report.get(field).getStringValue(), field);
    }
    for (String field : List.of("injuries", "policeReport", "otherPartyInvolved", "vehicleDrivable")) {
      assertEquals(sent.get(field).getBooleanValue(), report.get(field).getBooleanValue(), field);
    }
    JsonNode flag = null;
    for (JsonNode f : claim.get("flags").values()) {
      if ("VEHICLE_UNIDENTIFIED".equals(f.get("code").getStringValue())) {
        flag = f;
      }
    }
    assertNotNull(flag, "plate-only claims are flagged for adjusters: " + claim.get("flags"));
    assertEquals("ABC123", flag.get("subject").getStringValue());
    assertTrue(flag.get("evidence").getStringValue().contains("ABC123"));

    JsonNode estimate = get("/v1/claims/" + id + "/estimate");
    assertEquals(1, estimate.get("version").getIntValue());
    assertTrue(estimate.get("lines").values().iterator().hasNext(), "the description's damage is priced");
    assertTrue(codes(estimate.get("flags")).contains("VEHICLE_UNIDENTIFIED"), estimate.get("flags").toString());
    assertTrue(get("/v1/claims?flag=vehicle_unidentified").values().iterator().hasNext(), "adjusters can queue by the flag");
  }

  @Test
  void outboxRetryWithTheSameKeyReturnsTheSameClaim() throws Exception {
    String body = fixture().replace("CA0123456789abcdef0123456789abcdef", "CAretry");
    String first = mapper.readValue(post(body, "phone-CAretry").body(), JsonNode.class).get("claimId").getStringValue();
    String again = mapper.readValue(post(body, "phone-CAretry").body(), JsonNode.class).get("claimId").getStringValue();
    assertEquals(first, again);
  }

  @Test
  void aReportWithNoVinMakeOrPlateIsStillRefusedAndStoresNothing() throws Exception {
    String body = fixture().replace("\"plate\": \"ABC123\",", "").replace("CA0123456789abcdef0123456789abcdef", "CAnoplate");
    long before = claims.counts()[0];
    HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> post(body, "phone-CAnoplate"));
    assertEquals(400, e.getStatus().getCode());
    assertTrue(e.getResponse().getBody(String.class).orElse("").contains("plate"), "the problem names what is missing");
    assertEquals(before, claims.counts()[0]);
  }

  @Test
  void unknownFieldsDoNotMakeIntakeFail() throws Exception {
    String body = fixture().replace("CA0123456789abcdef0123456789abcdef", "CAunknown").replace("\"source\"", "\"callerMood\": \"calm\", \"extra\": {\"a\": [1]}, \"source\"");
    assertEquals(201, post(body, "phone-CAunknown").code());
  }
}
