package com.carmutual.phone.call;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.phone.SignedTwilio;
import com.carmutual.phone.TestClock;
import com.carmutual.phone.eval.LabelledCalls;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The quality bar: the labelled callers' turns played as signed Twilio webhooks, offline, on both
 * dev sets (one answer per turn, and natural callers), or on every set in {@code -Dphone.eval.dir};
 * the fields read back from GET /v1/calls/{callSid}. Prints and asserts field and call accuracy.
 */
@MicronautTest(environments = "test")
// its own database: the claims these fnol calls file stay out of other tests' outbox
@Property(name = "datasources.default.url", value = "jdbc:h2:mem:phone-labelled-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class LabelledCallsOverWebhooksTest {
  @Inject
  @Client("/")
  HttpClient client;

  @Inject
  TestClock clock;

  static List<String> sets() {
    return LabelledCalls.sets();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sets")
  void labelledCallsMeetTheQualityBarOverWebhooks(String set) {
    SignedTwilio twilio = new SignedTwilio(client);
    ObjectMapper json = new ObjectMapper();
    String run = Long.toString(System.nanoTime(), 36);
    LabelledCalls.Score score = LabelledCalls.score(set, (call, i) -> {
      clock.set(call.start());
      String callSid = "CAlabelled" + run + call.id().replaceAll("[^A-Za-z0-9]", "");
      twilio.converse(call.script(), "lang=" + call.lang(), callSid, call.turns());
      try {
        JsonNode fields = json.readTree(client.toBlocking().retrieve(
            HttpRequest.GET("/v1/calls/" + callSid).bearerAuth("test-key"))).get("fields");
        Map<String, Object> got = new LinkedHashMap<>();
        fields.fields().forEachRemaining(e -> got.put(e.getKey(), LabelledCalls.value(e.getValue())));
        return got;
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    score.misses().forEach(m -> System.out.println("MISS " + m));
    System.out.println("over webhooks " + score);
    assertTrue(score.fieldAccuracy() >= 0.97, score.toString());
    assertTrue(score.callAccuracy() >= 0.90, score.toString());
  }
}
