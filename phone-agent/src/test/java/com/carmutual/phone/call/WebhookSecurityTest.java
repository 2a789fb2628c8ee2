package com.carmutual.phone.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.phone.SignedTwilio;
import com.carmutual.phone.twilio.TwilioSignature;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Webhooks: signatures checked, replays answered idempotently, the first prompt's disclosure. */
@MicronautTest(environments = "test")
class WebhookSecurityTest {
  @Inject
  @Client("/")
  HttpClient client;

  @Inject
  CallStore store;

  @Test
  void missingSignatureGets403AndCreatesNoCall() {
    HttpResponse<String> r = new SignedTwilio(client).post("/voice/fnol", SignedTwilio.callParams("CAnosig"), null);
    assertEquals(403, r.code());
    assertTrue(r.getContentType().orElseThrow().toString().contains("problem+json"));
    assertTrue(store.find("CAnosig").isEmpty());
  }

  @Test
  void badSignatureGets403AndCreatesNoCall() {
    HttpResponse<String> r = new SignedTwilio(client).post("/voice/fnol", SignedTwilio.callParams("CAbadsig"), "RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    assertEquals(403, r.code());
    assertTrue(store.find("CAbadsig").isEmpty());
  }

  @Test
  void signatureForAnotherUrlIsRefused() {
    Map<String, String> p = SignedTwilio.callParams("CAotherurl");
    String sig = TwilioSignature.sign(SignedTwilio.TOKEN, SignedTwilio.PUBLIC_BASE + "/voice/csat", p);
    assertEquals(403, new SignedTwilio(client).post("/voice/fnol", p, sig).code());
    assertTrue(store.find("CAotherurl").isEmpty());
  }

  @Test
  void firstPromptDisclosesTheAssistantAndTheRecordingInTheCallersLanguage() {
    SignedTwilio twilio = new SignedTwilio(client);
    String en = twilio.post("/voice/fnol", SignedTwilio.callParams("CAdisclose1")).body();
    assertTrue(en.contains("automated assistant") && en.contains("recorded"), en);
    assertTrue(en.contains("<Gather input=\"speech dtmf\"") && en.contains("language=\"en-US\""), en);
    assertTrue(en.contains("<Redirect"), en);
    String zh = twilio.post("/voice/csat?lang=zh", SignedTwilio.callParams("CAdisclose2")).body();
    assertTrue(zh.contains("自动语音助手") && zh.contains("录音"), zh);
    assertTrue(zh.contains("language=\"cmn-Hans-CN\""), zh);
  }

  @Test
  void replayedTurnGetsTheSameAnswerAndChangesNothing() {
    SignedTwilio twilio = new SignedTwilio(client);
    String first = twilio.post("/voice/fnol", SignedTwilio.callParams("CAreplay")).body();
    String action = SignedTwilio.action(first);
    Map<String, String> p = SignedTwilio.callParams("CAreplay");
    p.put("SpeechResult", "M one two three four five six");
    String answer = twilio.post(action, p).body();
    StoredCall after = store.find("CAreplay").orElseThrow();
    String again = twilio.post(action, p).body();
    StoredCall afterReplay = store.find("CAreplay").orElseThrow();
    assertEquals(answer, again);
    assertEquals(after.turn(), afterReplay.turn());
    assertEquals(after.state().transcript().size(), afterReplay.state().transcript().size());
    assertEquals("M123456", afterReplay.state().values().get("member_id"));
    // the call's first request repeated is the first answer again, not a new call
    assertEquals(first, twilio.post("/voice/fnol", SignedTwilio.callParams("CAreplay")).body());
  }

  @Test
  void tamperedReplayIsRefused() {
    SignedTwilio twilio = new SignedTwilio(client);
    String action = SignedTwilio.action(twilio.post("/voice/fnol", SignedTwilio.callParams("CAtamper")).body());
    Map<String, String> p = SignedTwilio.callParams("CAtamper");
    p.put("SpeechResult", "M one two three four five six");
    String sig = TwilioSignature.sign(SignedTwilio.TOKEN, SignedTwilio.PUBLIC_BASE + action, p);
    assertEquals(200, twilio.post(action, p, sig).code());
    p.put("SpeechResult", "M nine nine nine nine nine nine");
    assertEquals(403, twilio.post(action, p, sig).code());
    assertEquals("M123456", store.find("CAtamper").orElseThrow().state().values().get("member_id"));
  }

  @Test
  void concurrentDuplicatesOfATurnApplyOnce() throws Exception {
    SignedTwilio twilio = new SignedTwilio(client);
    String action = SignedTwilio.action(twilio.post("/voice/csat", SignedTwilio.callParams("CAconcurrent")).body());
    Map<String, String> p = SignedTwilio.callParams("CAconcurrent");
    p.put("SpeechResult", "Four");
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
    for (int i = 0; i < 8; i++) {
      answers.add(pool.submit(() -> twilio.post(action, p).body()));
    }
    java.util.Set<String> distinct = new java.util.HashSet<>();
    for (var f : answers) {
      String body = f.get();
      if (body != null && body.startsWith("<?xml")) {
        distinct.add(body);
      }
    }
    pool.shutdown();
    assertEquals(1, distinct.size(), distinct.toString());
    StoredCall call = store.find("CAconcurrent").orElseThrow();
    assertEquals(2, call.turn());
    assertEquals(1, call.state().transcript().stream().filter(t -> t.speaker().equals("caller")).count());
  }

  @Test
  void statusCallbackUpdatesTheCallRecord() {
    SignedTwilio twilio = new SignedTwilio(client);
    twilio.post("/voice/csat", SignedTwilio.callParams("CAstatus"));
    Map<String, String> p = SignedTwilio.callParams("CAstatus");
    p.put("CallStatus", "completed");
    p.put("CallDuration", "42");
    assertEquals(204, twilio.post("/voice/callbacks/status", p).code());
    StoredCall call = store.find("CAstatus").orElseThrow();
    assertEquals("completed", call.status());
    assertEquals(42, call.durationSeconds());
    p.put("CallDuration", "43");
    assertEquals(403, twilio.post("/voice/callbacks/status", p, "bogus").code());
    assertEquals(42, store.find("CAstatus").orElseThrow().durationSeconds());
  }

  @Test
  void unknownScriptIs404() {
    HttpResponse<String> r = new SignedTwilio(client).post("/voice/nosuch", SignedTwilio.callParams("CAnoscript"));
    assertEquals(404, r.code());
    assertFalse(store.find("CAnoscript").isPresent());
    assertNotNull(r.body());
  }
}
