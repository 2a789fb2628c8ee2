package com.carmutual.phone.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.phone.FakeServer;
import com.carmutual.phone.SignedTwilio;
import com.carmutual.phone.TestClock;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A completed fnol call files its claim in a fake claims-agent: retried after failures, never twice. */
@MicronautTest(environments = "test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClaimFilingTest implements TestPropertyProvider {
  static final List<String> TURNS = List.of("M one two three four five six", "John Smith", "Yesterday", "About 5 pm",
      "Main Street in Springfield", "I got rear-ended at a stop sign", "No", "Yes", "Yes", "Yes",
      "Alpha Bravo Charlie one two three", "Yes");

  FakeServer claimsAgent;

  @Inject
  @Client("/")
  HttpClient client;

  @Inject
  ClaimOutbox outbox;

  @Inject
  TestClock clock;

  @Inject
  JsonMapper mapper;

  @Override
  public Map<String, String> getProperties() {
    try {
      claimsAgent = new FakeServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.of("phone.claims.url", claimsAgent.url(), "phone.claims.api-key", "claims-key");
  }

  @AfterAll
  void stop() {
    claimsAgent.close();
  }

  @Test
  void completedFnolCallFilesItsClaimExactlyOnceEvenWhenClaimsAgentFailsFirst() {
    clock.set(Instant.parse("2025-06-18T09:00:00Z"));
    claimsAgent.answer(503, "{\"title\":\"unavailable\"}").answer(201, "{\"id\":\"CL-42\"}");
    SignedTwilio twilio = new SignedTwilio(client);
    List<String> twiml = twilio.converse("fnol", null, "CAclaim1", TURNS);
    assertTrue(twiml.get(twiml.size() - 1).contains("<Hangup/>"));

    assertEquals(0, outbox.deliverDue());
    ClaimOutbox.Entry afterFailure = outbox.find("CAclaim1").orElseThrow();
    assertEquals("pending", afterFailure.status());
    assertEquals(1, afterFailure.attempts());
    assertEquals(0, outbox.deliverDue(), "not due again before its backoff");

    clock.set(Instant.parse("2025-06-18T09:00:00Z").plus(Duration.ofMinutes(5)));
    assertEquals(1, outbox.deliverDue());
    assertEquals(0, outbox.deliverDue());
    ClaimOutbox.Entry filed = outbox.find("CAclaim1").orElseThrow();
    assertEquals("filed", filed.status());
    assertEquals("CL-42", filed.claimId());

    // Twilio repeating the last webhook neither re-queues nor re-sends the claim
    var p = SignedTwilio.callParams("CAclaim1");
    p.put("SpeechResult", "Yes");
    twilio.post("/voice/fnol?turn=12", p);
    clock.set(Instant.parse("2025-06-18T10:00:00Z"));
    assertEquals(0, outbox.deliverDue());

    List<FakeServer.Received> sent = sentFor("CAclaim1");
    assertEquals(2, sent.size());
    assertEquals("phone-CAclaim1", sent.get(0).header("Idempotency-Key"));
    assertEquals(sent.get(0).header("Idempotency-Key"), sent.get(1).header("Idempotency-Key"));
    assertEquals("Bearer claims-key", sent.get(1).header("Authorization"));
    assertEquals("/v1/claims", sent.get(1).path());
    assertTrue(sent.get(1).body().contains("\"memberId\":\"M123456\""), sent.get(1).body());
    assertTrue(sent.get(1).body().contains("\"lossDate\":\"2025-06-17\""), sent.get(1).body());
  }

  List<FakeServer.Received> sentFor(String callSid) {
    return claimsAgent.received().stream().filter(r -> ("phone-" + callSid).equals(r.header("Idempotency-Key"))).toList();
  }

  @Test
  void aPermanentRefusalStopsRetryingAndShowsTheProblemOnTheCall() throws Exception {
    clock.set(Instant.parse("2025-06-19T09:00:00Z"));
    claimsAgent.answer(422, "{\"type\":\"https://carmutual.example/problems/invalid\",\"status\":422,\"detail\":\"the claim report is invalid: vin required\"}");
    SignedTwilio twilio = new SignedTwilio(client);
    twilio.converse("fnol", null, "CArefused", TURNS);

    assertEquals(0, outbox.deliverDue());
    ClaimOutbox.Entry refused = outbox.find("CArefused").orElseThrow();
    assertEquals("rejected", refused.status());
    assertEquals(1, refused.attempts());
    assertTrue(refused.lastError().contains("422") && refused.lastError().contains("vin required"), refused.lastError());

    clock.set(Instant.parse("2025-06-20T09:00:00Z"));
    assertEquals(0, outbox.deliverDue(), "a rejected claim is not sent again");
    assertEquals(1, sentFor("CArefused").size());
    assertEquals("rejected", outbox.find("CArefused").orElseThrow().status());

    JsonNode view = mapper.readValue(
        client.toBlocking().retrieve(HttpRequest.GET("/v1/calls/CArefused").bearerAuth("test-key")), JsonNode.class);
    assertEquals("rejected", view.get("claimFiling").get("status").getStringValue());
    assertTrue(view.get("claimFiling").get("lastError").getStringValue().contains("vin required"));
  }

  @Test
  void tooManyRequestsKeepsRetryingWithBackoff() {
    clock.set(Instant.parse("2025-06-21T09:00:00Z"));
    claimsAgent.answer(429, "{\"title\":\"slow down\"}").answer(201, "{\"id\":\"CL-43\"}");
    new SignedTwilio(client).converse("fnol", null, "CAbusy", TURNS);
    assertEquals(0, outbox.deliverDue());
    ClaimOutbox.Entry waiting = outbox.find("CAbusy").orElseThrow();
    assertEquals("pending", waiting.status());
    assertTrue(waiting.nextAttemptAt().isAfter(Instant.parse("2025-06-21T09:00:00Z")));
    clock.set(Instant.parse("2025-06-21T10:00:00Z"));
    assertEquals(1, outbox.deliverDue());
    assertEquals("CL-43", outbox.find("CAbusy").orElseThrow().claimId());
  }

  @Test
  void surveyCallsFileNoClaim() {
    clock.set(Instant.parse("2025-06-18T09:00:00Z"));
    new SignedTwilio(client).converse("csat", null, "CAnoclaim", List.of("Five", "Ten", "Great service", "No", "Yes"));
    assertTrue(outbox.find("CAnoclaim").isEmpty());
  }
}
