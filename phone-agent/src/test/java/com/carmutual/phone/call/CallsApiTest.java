package com.carmutual.phone.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.phone.SignedTwilio;
import com.carmutual.phone.TestClock;
import com.carmutual.shared.llmops.eval.EvalTarget;
import com.carmutual.shared.llmops.eval.Scorer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /v1/calls, people's corrections, the phone.extract node endpoint and the evaluation target. */
@MicronautTest(environments = "test")
class CallsApiTest {
  @Inject
  @Client("/")
  HttpClient client;

  @Inject
  TestClock clock;

  @Inject
  List<EvalTarget> targets;

  @Inject
  List<Scorer> scorers;

  @Inject
  JsonMapper json;

  @SuppressWarnings("unchecked")
  Map<String, Object> getCall(String sid) {
    return client.toBlocking().retrieve(HttpRequest.GET("/v1/calls/" + sid).bearerAuth("test-key"), Map.class);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aFinishedCallShowsScriptStatusFieldsTranscriptAndSummary() {
    clock.set(Instant.parse("2025-06-18T09:00:00Z"));
    new SignedTwilio(client).converse("screening", "lang=zh", "CAapi1", List.of("同意", "可以", "有", "三年", "下周一", "十万", "对"));
    Map<String, Object> call = getCall("CAapi1");
    assertEquals("screening", call.get("script"));
    assertEquals("completed", call.get("outcome"));
    Map<String, Object> fields = (Map<String, Object>) call.get("fields");
    assertEquals(true, fields.get("knockout_passed"));
    assertEquals("2025-06-23", fields.get("available_start_date"));
    assertEquals(100000, ((Number) fields.get("salary_expectation")).intValue());
    List<Map<String, Object>> transcript = (List<Map<String, Object>>) call.get("transcript");
    assertEquals("agent", transcript.get(0).get("speaker"));
    assertEquals("同意", transcript.get(1).get("text"));
    assertTrue(transcript.get(1).get("at").toString().startsWith("2025-06-18T09:00"));
    assertTrue(call.get("summary").toString().startsWith("completed"));
  }

  @Test
  void callsNeedAnApiKeyAndUnknownCallsAre404() {
    var e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().retrieve(HttpRequest.GET("/v1/calls/CAx")));
    assertEquals(401, e.getStatus().getCode());
    var e2 = assertThrows(HttpClientResponseException.class, () -> getCall("CAdoesnotexist"));
    assertEquals(404, e2.getStatus().getCode());
  }

  @Test
  @SuppressWarnings("unchecked")
  void aCorrectionUpdatesTheFieldsAndInvalidOnesAreRefused() {
    clock.set(Instant.parse("2025-06-18T09:00:00Z"));
    new SignedTwilio(client).converse("csat", null, "CAfix1", List.of("Three", "Five", "Slow", "No", "Yes"));
    Map<String, Object> fixed = client.toBlocking().retrieve(HttpRequest.POST("/v1/calls/CAfix1/corrections",
        Map.of("fields", Map.of("nps", 6), "comment", "caller said six")).bearerAuth("test-key"), Map.class);
    assertEquals(6, ((Map<String, Object>) fixed.get("fields")).get("nps"));
    var e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().retrieve(
        HttpRequest.POST("/v1/calls/CAfix1/corrections", Map.of("fields", Map.of("csat", 9))).bearerAuth("test-key")));
    assertEquals(400, e.getStatus().getCode());
    assertEquals(6, ((Map<String, Object>) getCall("CAfix1").get("fields")).get("nps"));
    assertEquals(3, ((Map<String, Object>) getCall("CAfix1").get("fields")).get("csat"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theExtractNodeAnswersTypedAndRefusesBadInput() {
    Map<String, Object> in = Map.of("script", "csat", "lang", "en", "today", "2025-06-18", "expecting", "nps",
        "slots", List.of(Map.of("name", "nps", "type", "score", "min", 0, "max", 10, "nullable", false)),
        "filled", List.of(), "utterance", "nine out of ten");
    Map<String, Object> out = client.toBlocking().retrieve(HttpRequest.POST("/v1/nodes/phone.extract", in).bearerAuth("test-key"), Map.class);
    assertEquals("answer", out.get("intent"));
    assertEquals("9", ((List<Map<String, Object>>) out.get("values")).get(0).get("value"));
    Map<String, Object> bad = new java.util.HashMap<>(in);
    bad.put("expecting", "nothing");
    var e = assertThrows(HttpClientResponseException.class, () ->
        client.toBlocking().retrieve(HttpRequest.POST("/v1/nodes/phone.extract", bad).bearerAuth("test-key")));
    assertEquals(400, e.getStatus().getCode());
  }

  @Test
  void theEvalTargetPlaysAWholeLabelledCallAndTheScorerJudgesIt() throws Exception {
    EvalTarget target = targets.stream().filter(t -> t.task().equals("phone.extract")).findFirst().orElseThrow();
    String line = new String(getClass().getResourceAsStream("/eval/phone.extract/dev.jsonl").readAllBytes(), StandardCharsets.UTF_8).split("\n")[1];
    JsonNode item = json.readValue(line, JsonNode.class);
    Object out = target.run(item.get("input"));
    JsonNode actual = json.readValue(json.writeValueAsBytes(out), JsonNode.class);
    Scorer scorer = scorers.stream().filter(s -> s.name().equals(target.defaultScorer())).findFirst().orElseThrow();
    assertEquals(1.0, scorer.score(item.get("expected"), actual).value(), scorer.score(item.get("expected"), actual).detail());
  }
}
