package com.carmutual.phone.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.phone.FakeServer;
import com.carmutual.phone.SignedTwilio;
import com.carmutual.phone.TestClock;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Outbound campaigns against a fake Twilio REST API on loopback, with a fixed clock: calling window
 * in the callee's zone, do-not-call list, retries of busy lines, answering machines.
 */
@MicronautTest(environments = "test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CampaignTest implements TestPropertyProvider {
  FakeServer twilioApi;

  @Inject
  @Client("/")
  HttpClient client;

  @Inject
  Campaigns campaigns;

  @Inject
  TestClock clock;

  @Override
  public Map<String, String> getProperties() {
    try {
      twilioApi = new FakeServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    twilioApi.answer(201, "{\"sid\":\"CAout{n}\",\"status\":\"queued\"}");
    return Map.of("phone.twilio.api-base-url", twilioApi.url());
  }

  @AfterAll
  void stop() {
    twilioApi.close();
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> post(String path, Object body) {
    return client.toBlocking().retrieve(HttpRequest.POST(path, body).bearerAuth("test-key"), Map.class);
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> get(String path) {
    return client.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth("test-key"), Map.class);
  }

  @SuppressWarnings("unchecked")
  String targetStatus(Map<String, Object> campaign, int seq) {
    return (String) ((List<Map<String, Object>>) campaign.get("targets")).get(seq).get("status");
  }

  @Test
  void callsOnlyInsideTheCalleesWindowNeverDoNotCallNumbersAndRetriesBusyAndMachines() {
    clock.set(Instant.parse("2025-06-18T09:00:00Z")); // 05:00 in New York, 17:00 in Shanghai
    post("/v1/do-not-call", Map.of("number", "+86 138 0013 8001", "reason", "asked not to be called"));
    Map<String, Object> created = post("/v1/campaigns", Map.of(
        "script", "csat",
        "numbers", List.of(
            Map.of("number", "+12125550101", "timeZone", "America/New_York"),
            Map.of("number", "+8613800138000", "timeZone", "Asia/Shanghai"),
            Map.of("number", "+8613800138001", "timeZone", "Asia/Shanghai")),
        "maxAttempts", 2,
        "retryMinutes", 30));
    String id = (String) created.get("id");
    assertEquals("skipped-dnc", targetStatus(created, 2));
    int before = twilioApi.received().size();
    assertEquals(1, campaigns.dialDue());
    List<FakeServer.Received> sent = twilioApi.received().subList(before, twilioApi.received().size());
    assertEquals(1, sent.size());
    String form = URLDecoder.decode(sent.get(0).body(), StandardCharsets.UTF_8);
    assertTrue(form.contains("To=+8613800138000"), form);
    assertTrue(form.contains("MachineDetection=Enable"), form);
    assertTrue(form.contains("StatusCallback=https://phone.example.test/voice/callbacks/status"), form);
    assertTrue(sent.get(0).path().startsWith("/2010-04-01/Accounts/ACtest00000000000000000000000000/Calls.json"));
    assertTrue(sent.get(0).header("Authorization").startsWith("Basic "));
    Map<String, Object> view = get("/v1/campaigns/" + id);
    assertEquals("pending", targetStatus(view, 0));
    assertEquals("calling", targetStatus(view, 1));

    // New York opens at 08:00 EDT = 12:00 UTC; nothing earlier
    clock.set(Instant.parse("2025-06-18T11:59:00Z"));
    assertEquals(0, campaigns.dialDue());
    clock.set(Instant.parse("2025-06-18T12:00:00Z"));
    assertEquals(1, campaigns.dialDue());
    String nyCall = callSidOf(get("/v1/campaigns/" + id), 0);
    String shCall = callSidOf(get("/v1/campaigns/" + id), 1);

    // Shanghai's line was busy (reported at 20:45 there): 30 minutes later is past 21:00 -> next morning 08:00
    clock.set(Instant.parse("2025-06-18T12:45:00Z"));
    SignedTwilio twilio = new SignedTwilio(client);
    Map<String, String> busy = SignedTwilio.callParams(shCall);
    busy.put("CallStatus", "busy");
    assertEquals(204, twilio.post("/voice/callbacks/status", busy).code());
    view = get("/v1/campaigns/" + id);
    assertEquals("pending", targetStatus(view, 1));
    assertEquals("2025-06-19T00:00:00Z", nextAttempt(view, 1));

    // New York's call reached an answering machine: a short message, hang up, retried later
    Map<String, String> machine = SignedTwilio.callParams(nyCall);
    machine.put("AnsweredBy", "machine_end_beep");
    machine.put("Direction", "outbound-api");
    String twiml = twilio.post("/voice/csat?lang=en&zone=America%2FNew_York&campaign=" + id, machine).body();
    assertTrue(twiml.contains("<Hangup/>") && !twiml.contains("<Gather"), twiml);
    view = get("/v1/campaigns/" + id);
    assertEquals("pending", targetStatus(view, 0));

    // a number put on the do-not-call list after the campaign started is not called again
    post("/v1/do-not-call", Map.of("number", "+12125550101"));
    clock.set(Instant.parse("2025-06-19T01:00:00Z"));
    int beforeRetry = twilioApi.received().size();
    assertEquals(1, campaigns.dialDue());
    view = get("/v1/campaigns/" + id);
    assertEquals("skipped-dnc", targetStatus(view, 0));
    assertEquals("calling", targetStatus(view, 1));
    assertEquals(beforeRetry + 1, twilioApi.received().size());
    assertTrue(URLDecoder.decode(twilioApi.received().get(beforeRetry).body(), StandardCharsets.UTF_8).contains("To=+8613800138000"));

    // the retried Shanghai call completes its survey: the target is done
    String shCall2 = callSidOf(view, 1);
    twilio.converse("csat", "lang=en&zone=Asia%2FShanghai&campaign=" + id, shCall2, List.of("Five", "Ten", "Great", "No", "Yes"));
    view = get("/v1/campaigns/" + id);
    assertEquals("done", targetStatus(view, 1));
    @SuppressWarnings("unchecked")
    Map<String, Object> progress = (Map<String, Object>) view.get("progress");
    assertEquals(3, progress.get("total"));
    assertEquals(2, progress.get("skipped-dnc"));
    assertEquals(1, progress.get("done"));
    String list = client.toBlocking().retrieve(HttpRequest.GET("/v1/do-not-call").bearerAuth("test-key"));
    assertTrue(list.contains("+12125550101") && list.contains("+8613800138001"), list);
  }

  @Test
  void invalidNumbersAndUnknownScriptsAreRefusedWithProblems() {
    var e = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class, () -> post("/v1/campaigns",
        Map.of("script", "csat", "numbers", List.of(Map.of("number", "12345", "timeZone", "Mars/Olympus")))));
    assertEquals(400, e.getStatus().getCode());
    String body = e.getResponse().getBody(String.class).orElse("");
    assertTrue(body.contains("numbers[0].number") && body.contains("numbers[0].timeZone"), body);
    var e2 = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class, () -> post("/v1/campaigns",
        Map.of("script", "nope", "numbers", List.of(Map.of("number", "+12125550199", "timeZone", "UTC")))));
    assertEquals(400, e2.getStatus().getCode());
  }

  @SuppressWarnings("unchecked")
  static String callSidOf(Map<String, Object> campaign, int seq) {
    return (String) ((List<Map<String, Object>>) campaign.get("targets")).get(seq).get("callSid");
  }

  @SuppressWarnings("unchecked")
  static String nextAttempt(Map<String, Object> campaign, int seq) {
    return Instant.parse(String.valueOf(((List<Map<String, Object>>) campaign.get("targets")).get(seq).get("nextAttemptAt"))).toString();
  }

  static HttpResponse<?> unused() {
    return null;
  }
}
