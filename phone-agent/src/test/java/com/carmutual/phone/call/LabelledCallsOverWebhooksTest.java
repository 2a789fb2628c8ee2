package com.carmutual.phone.call;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.phone.SignedTwilio;
import com.carmutual.phone.TestClock;
import com.carmutual.phone.eval.FieldMatch;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The quality bar: the labelled callers' turns played as signed Twilio webhooks, offline; the
 * fields read back from GET /v1/calls/{callSid}. Prints and asserts field and conversation accuracy.
 */
@MicronautTest(environments = "test")
class LabelledCallsOverWebhooksTest {
  @Inject
  @Client("/")
  HttpClient client;

  @Inject
  TestClock clock;

  @Test
  void labelledConversationsMeetTheQualityBarOffline() throws Exception {
    SignedTwilio twilio = new SignedTwilio(client);
    ObjectMapper json = new ObjectMapper();
    int fields = 0;
    int fieldsRight = 0;
    int calls = 0;
    int callsRight = 0;
    List<String> misses = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        getClass().getResourceAsStream("/eval/phone.extract/dev.jsonl"), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        JsonNode item = json.readTree(line);
        JsonNode input = item.get("input");
        clock.set(LocalDate.parse(input.get("callDate").asText()).atTime(9, 0).toInstant(ZoneOffset.UTC));
        List<String> turns = new ArrayList<>();
        input.get("callerTurns").forEach(t -> turns.add(t.asText()));
        String callSid = "CAlabelled" + item.get("id").asText();
        twilio.converse(input.get("script").asText(), "lang=" + input.get("lang").asText(), callSid, turns);
        JsonNode call = json.readTree(client.toBlocking().retrieve(
            HttpRequest.GET("/v1/calls/" + callSid).bearerAuth("test-key")));
        JsonNode got = call.get("fields");
        boolean all = true;
        var it = item.get("expected").fields();
        while (it.hasNext()) {
          var e = it.next();
          Object expected = value(e.getValue());
          Object actual = value(got.get(e.getKey()));
          fields++;
          if (FieldMatch.matches(e.getKey(), expected, actual)) {
            fieldsRight++;
          } else {
            all = false;
            misses.add(item.get("id").asText() + " " + e.getKey() + ": expected " + expected + ", got " + actual);
          }
        }
        calls++;
        if (all) {
          callsRight++;
        }
      }
    }
    misses.forEach(m -> System.out.println("MISS " + m));
    System.out.printf("phone.extract over webhooks: fields %d/%d (%.1f%%), conversations %d/%d (%.1f%%)%n",
        fieldsRight, fields, 100.0 * fieldsRight / fields, callsRight, calls, 100.0 * callsRight / calls);
    assertTrue(fieldsRight >= 0.95 * fields, "field accuracy " + fieldsRight + "/" + fields);
    assertTrue(callsRight >= 0.85 * calls, "conversation accuracy " + callsRight + "/" + calls);
  }

  private static Object value(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isNumber()) {
      return n.numberValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    return n.asText();
  }
}
