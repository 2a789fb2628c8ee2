package com.carmutual.phone.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.phone.SignedTwilio;
import com.carmutual.phone.TestClock;
import com.carmutual.phone.eval.LabelledCalls;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ConversationRelay transport, with a real WebSocket client over loopback: the dev calls give the
 * same fields as over Gather webhooks; handshake signatures; language switch; keys; interrupt; a
 * reconnect continuing the call. Calls to +15550002222 run over relay, the rest over Gather.
 */
@MicronautTest(environments = "test")
@Property(name = "phone.transport.overrides", value = "+15550002222=relay")
// its own database: the claims these fnol calls file stay out of other tests' outbox
@Property(name = "datasources.default.url", value = "jdbc:h2:mem:phone-relay-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class RelayOverWebSocketTest {
  static final String RELAY_NUMBER = "+15550002222";

  @Inject
  EmbeddedServer server;

  @Inject
  @Client("/")
  io.micronaut.http.client.HttpClient client;

  @Inject
  TestClock clock;

  final HttpClient http = HttpClient.newHttpClient();

  static List<String> sets() {
    return LabelledCalls.sets();
  }

  /** Starts a relay call with the signed webhook; returns the WebSocket path and query of its TwiML. */
  String startRelayCall(String script, String lang, String callSid) {
    Map<String, String> p = SignedTwilio.callParams(callSid);
    p.put("To", RELAY_NUMBER);
    String twiml = new SignedTwilio(client).post("/voice/" + script + "?lang=" + lang, p).body();
    Matcher m = Pattern.compile("<ConversationRelay url=\"wss://phone\\.example\\.test([^\"]+)\"").matcher(twiml);
    assertTrue(m.find(), twiml);
    return m.group(1).replace("&amp;", "&");
  }

  Map<String, Object> fields(String callSid) {
    try {
      JsonNode call = RelayClient.JSON.readTree(client.toBlocking().retrieve(HttpRequest.GET("/v1/calls/" + callSid).bearerAuth("test-key")));
      Map<String, Object> out = new LinkedHashMap<>();
      call.get("fields").fields().forEachRemaining(e -> out.put(e.getKey(), LabelledCalls.value(e.getValue())));
      return out;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sets")
  void labelledCallsOverTheWebSocketGiveTheSameFieldsAsOverWebhooks(String set) {
    SignedTwilio twilio = new SignedTwilio(client);
    String run = Long.toString(System.nanoTime(), 36);
    LabelledCalls.Score score = LabelledCalls.score(set, (call, i) -> {
      clock.set(call.start());
      String relaySid = "CArelay" + run + call.id();
      String path = startRelayCall(call.script(), call.lang(), relaySid);
      try (RelayClient ws = new RelayClient(http, server.getPort(), path, null)) {
        ws.setup(relaySid);
        for (String turn : call.turns()) {
          List<JsonNode> reply = ws.prompt(turn, "zh".equals(call.lang()) ? "zh-CN" : "en-US").reply();
          assertFalse(RelayClient.text(reply).isBlank(), "every prompt is answered");
          if (RelayClient.ends(reply)) {
            break;
          }
        }
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      String gatherSid = "CAgather" + run + call.id();
      twilio.converse(call.script(), "lang=" + call.lang(), gatherSid, call.turns());
      Map<String, Object> overRelay = fields(relaySid);
      assertEquals(fields(gatherSid), overRelay, call.id() + ": the same fields over both transports");
      return overRelay;
    });
    score.misses().forEach(m -> System.out.println("MISS " + m));
    System.out.println("over ConversationRelay " + score);
    assertTrue(score.fieldAccuracy() >= 0.97, score.toString());
    assertTrue(score.callAccuracy() >= 0.90, score.toString());
  }

  @Test
  void aHandshakeWithoutAValidSignatureIsClosed() throws Exception {
    String path = startRelayCall("csat", "en", "CArelaybadsig");
    for (String signature : new String[] {"", "RSOYDt4T1cUTdK1PDd93/VVr8B8="}) {
      RelayClient ws = new RelayClient(http, server.getPort(), path, signature);
      assertEquals(1008, ws.closed.get(5, TimeUnit.SECONDS), "policy violation");
    }
    // signed for another script's URL
    String other = com.carmutual.phone.twilio.TwilioSignature.sign(SignedTwilio.TOKEN, "wss://phone.example.test/voice/relay/fnol?lang=en", Map.of());
    RelayClient ws = new RelayClient(http, server.getPort(), path, other);
    assertEquals(1008, ws.closed.get(5, TimeUnit.SECONDS));
  }

  @Test
  void aCallerSpeakingChineseSwitchesTheLanguageAndTheReplyFollows() throws Exception {
    String path = startRelayCall("csat", "en", "CArelayzh");
    try (RelayClient ws = new RelayClient(http, server.getPort(), path, null)) {
      ws.setup("CArelayzh");
      List<JsonNode> reply = ws.prompt("四分", "zh-CN").reply();
      assertEquals("language", reply.get(0).path("type").asText(), reply.toString());
      assertEquals("zh-CN", reply.get(0).path("ttsLanguage").asText());
      assertTrue(RelayClient.text(reply).contains("推荐"), RelayClient.text(reply));
    }
  }

  @Test
  void keysAnswerAKeysOnlyQuestionOneDigitAtATime() throws Exception {
    String path = startRelayCall("fnol", "en", "CArelaykeys");
    try (RelayClient ws = new RelayClient(http, server.getPort(), path, null)) {
      ws.setup("CArelaykeys");
      ws.prompt("I have no idea", "en-US").reply();
      ws.prompt("it's on a card somewhere", "en-US").reply();
      String keysPrompt = RelayClient.text(ws.prompt("hmm", "en-US").reply());
      assertTrue(keysPrompt.contains("key in"), keysPrompt);
      for (char c : "48291".toCharArray()) {
        ws.send(Map.of("type", "dtmf", "digit", String.valueOf(c)));
      }
      ws.send(Map.of("type", "dtmf", "digit", "7"));
      assertTrue(RelayClient.text(ws.reply()).contains("full name"), "six keys answer the member number");
      Map<String, Object> stored = fields("CArelaykeys");
      for (int i = 0; i < 50 && stored.get("member_id") == null; i++) {
        Thread.sleep(100); // the reply is sent before the turn is stored
        stored = fields("CArelaykeys");
      }
      assertEquals("M482917", stored.get("member_id"));
    }
  }

  @Test
  void afterAnInterruptTheNextPromptIsAnswered() throws Exception {
    String path = startRelayCall("csat", "en", "CArelayinterrupt");
    try (RelayClient ws = new RelayClient(http, server.getPort(), path, null)) {
      ws.setup("CArelayinterrupt");
      ws.send(Map.of("type", "interrupt", "utteranceUntilInterrupt", "On a scale", "durationUntilInterruptMs", 800));
      String reply = RelayClient.text(ws.prompt("Five", "en-US").reply());
      assertTrue(reply.contains("recommend"), reply);
    }
  }

  @Test
  void aReconnectContinuesTheCallFromItsStoredState() throws Exception {
    String path = startRelayCall("csat", "en", "CArelayreconnect");
    try (RelayClient ws = new RelayClient(http, server.getPort(), path, null)) {
      ws.setup("CArelayreconnect");
      ws.prompt("Two", "en-US").reply();
    }
    try (RelayClient again = new RelayClient(http, server.getPort(), path, null)) {
      again.setup("CArelayreconnect");
      String reply = RelayClient.text(again.prompt("Six", "en-US").reply());
      assertTrue(reply.contains("anything you would like to tell us"), "the comment question comes next: " + reply);
    }
    Map<String, Object> f = fields("CArelayreconnect");
    for (int i = 0; i < 50 && f.get("nps") == null; i++) {
      Thread.sleep(100); // the reply is sent before the turn is stored
      f = fields("CArelayreconnect");
    }
    assertEquals(2, ((Number) f.get("csat")).intValue());
    assertEquals(6, ((Number) f.get("nps")).intValue());
  }

  @Test
  void theEndOfACallIsSentAndTheCallShowsItsTranscript() throws Exception {
    String path = startRelayCall("screening", "en", "CArelayend");
    try (RelayClient ws = new RelayClient(http, server.getPort(), path, null)) {
      ws.setup("CArelayend");
      List<JsonNode> reply = ws.prompt("No thanks, I don't want to do this", "en-US").reply(5_000);
      assertTrue(RelayClient.ends(reply), reply.toString());
    }
    // the reply is sent before the turn is stored (lowest latency), so the stored call may trail it briefly
    JsonNode call = null;
    for (int i = 0; i < 50; i++) {
      call = RelayClient.JSON.readTree(client.toBlocking().retrieve(HttpRequest.GET("/v1/calls/CArelayend").bearerAuth("test-key")));
      if ("declined".equals(call.path("outcome").asText())) {
        break;
      }
      Thread.sleep(100);
    }
    assertEquals("declined", call.path("outcome").asText());
    assertTrue(call.path("transcript").toString().contains("I don't want to do this"), call.toString());
    String after = new SignedTwilio(client).post("/voice/screening/relay-ended", SignedTwilio.callParams("CArelayend")).body();
    assertTrue(after.contains("<Hangup/>"), after);
  }
}
