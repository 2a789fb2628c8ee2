package com.carmutual.text2data.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(environments = "test")
class AskApiTest {
  @Inject
  @Client("/")
  HttpClient client;

  @SuppressWarnings("unchecked")
  Map<String, Object> post(String path, Object body) {
    return client.toBlocking().retrieve(HttpRequest.POST(path, body).bearerAuth("test-key"), Map.class);
  }

  @Test
  @SuppressWarnings("unchecked")
  void answersADatePartBreakdownThroughTheWholeWorkflow() {
    Map<String, Object> a = post("/v1/ask", Map.of("question", "上个月来电按星期几分布", "asOf", "2025-06-18"));
    assertEquals("answered", a.get("status"), String.valueOf(a));
    assertEquals(List.of("iso_dow", "day_name", "call_count"), a.get("columns"));
    List<List<Object>> rows = (List<List<Object>>) a.get("rows");
    assertEquals(7, rows.size());
    assertTrue(String.valueOf(a.get("reading")).contains("星期几"), String.valueOf(a.get("reading")));
  }

  @Test
  void answersAnEnglishQuestionWithSqlRowsExplanationAndChart() {
    Map<String, Object> a = post("/v1/ask", Map.of("question", "Claim count by claim type for last quarter", "asOf", "2025-06-18"));
    assertEquals("answered", a.get("status"));
    assertEquals("en", a.get("language"));
    assertTrue(((String) a.get("sql")).startsWith("WITH"), String.valueOf(a.get("sql")));
    assertEquals(List.of("claim_type", "claim_count"), a.get("columns"));
    List<List<Object>> rows = (List<List<Object>>) a.get("rows");
    assertEquals(6, rows.size());
    long total = rows.stream().mapToLong(r -> ((Number) r.get(1)).longValue()).sum();
    assertEquals(229, total, "claims filed in Q1 2025 (sum of the dev set's E20 breakdown)");
    assertTrue(((String) a.get("explanation")).contains("2025-01-01"), String.valueOf(a.get("explanation")));
    assertEquals("bar", ((Map<String, Object>) a.get("chart")).get("type"));
  }

  @Test
  void explainsAChineseQuestionInChinese() {
    Map<String, Object> a = post("/v1/ask", Map.of("question", "上个月每个省份的理赔申请数量是多少？", "asOf", "2025-06-18"));
    assertEquals("answered", a.get("status"));
    assertEquals("zh", a.get("language"));
    assertTrue(((String) a.get("explanation")).contains("按省份"), String.valueOf(a.get("explanation")));
  }

  @Test
  void followUpRefinesThePreviousQueryOfTheConversation() {
    String conversation = "conv-" + System.nanoTime();
    Map<String, Object> first = post("/v1/ask", Map.of("question", "How many active members do we have right now?", "asOf", "2025-06-18", "conversationId", conversation));
    assertEquals("answered", first.get("status"));
    assertEquals(1, ((List<?>) first.get("rows")).size());
    Map<String, Object> second = post("/v1/ask", Map.of("question", "and by plan?", "asOf", "2025-06-18", "conversationId", conversation));
    assertEquals("answered", second.get("status"), String.valueOf(second));
    assertEquals(List.of("plan_code", "active_members"), second.get("columns"));
    assertEquals(3, ((List<?>) second.get("rows")).size());
  }

  @Test
  @SuppressWarnings("unchecked")
  void savedCorrectionAnswersTheSameQuestionDirectly() {
    String question = "How are claims doing by brand " + System.nanoTime() + "?";
    Map<String, Object> first = post("/v1/ask", Map.of("question", question, "asOf", "2025-06-18"));
    Map<String, Object> corrected = Map.of("kind", "metrics", "metrics", List.of("approval_rate"), "dimensions", List.of("vehicle.brand"),
        "time", Map.of("start", "2024-01-01", "end", "2025-01-01"));
    Map<String, Object> fb = post("/v1/answers/" + first.get("id") + "/feedback", Map.of("correct", false, "correctedQuery", corrected, "comment", "we mean approval rate"));
    assertEquals(true, fb.get("correctionSaved"));
    assertNotNull(fb.get("annotationId"));
    Map<String, Object> again = post("/v1/ask", Map.of("question", question, "asOf", "2025-06-18"));
    assertEquals("answered", again.get("status"));
    assertEquals("correction", again.get("source"));
    assertEquals(List.of("brand", "approval_rate"), again.get("columns"));
  }

  @Test
  void runsASemanticQueryGivenAsJson() {
    Map<String, Object> a = post("/v1/query", Map.of("query", Map.of("kind", "metrics", "metrics", List.of("claim_count"),
        "time", Map.of("start", "2024-01-01", "end", "2025-01-01", "grain", "month"))));
    assertEquals("answered", a.get("status"));
    assertEquals(12, ((List<?>) a.get("rows")).size());
  }

  @Test
  void invalidSemanticQueryIsAProblemAndChangesNothing() {
    var e = assertThrows(HttpClientResponseException.class, () -> post("/v1/query", Map.of("query", Map.of("metrics", List.of("revenue_per_unicorn")))));
    assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
    assertTrue(e.getResponse().getContentType().map(Object::toString).orElse("").contains("problem+json"));
  }

  @Test
  void blankQuestionIsRejected() {
    var e = assertThrows(HttpClientResponseException.class, () -> post("/v1/ask", Map.of("question", " ")));
    assertEquals(HttpStatus.BAD_REQUEST, e.getStatus());
  }

  @Test
  void questionOutsideTheModelIsNotAnsweredWithNumbers() {
    Map<String, Object> a = post("/v1/ask", Map.of("question", "What is the weather forecast for Shanghai tomorrow?", "asOf", "2025-06-18"));
    assertFalse("answered".equals(a.get("status")), String.valueOf(a));
    assertTrue(a.get("rows") == null || ((List<?>) a.get("rows")).isEmpty(), String.valueOf(a));
    assertNotNull(a.get("reason"));
  }

  @Test
  void unknownBreakdownAsksForClarificationListingKnownDimensions() {
    Map<String, Object> a = post("/v1/ask", Map.of("question", "Claim count last month by weather condition", "asOf", "2025-06-18"));
    assertEquals("clarify", a.get("status"), String.valueOf(a));
    assertFalse(((List<?>) a.get("suggestions")).isEmpty());
  }

  @Test
  @SuppressWarnings("unchecked")
  void servesTheSemanticModelAndTheNodes() {
    Map<String, Object> model = client.toBlocking().retrieve(HttpRequest.GET("/v1/semantic-model").bearerAuth("test-key"), Map.class);
    assertTrue(((List<Map<String, Object>>) model.get("metrics")).stream().anyMatch(m -> m.get("name").equals("loss_ratio")));
    Map<String, Object> parsed = post("/v1/nodes/text2data.parse", Map.of("question", "2024年赔付率最高的三个省份", "asOf", "2025-06-18"));
    assertEquals("answered", parsed.get("status"));
    Map<String, Object> compiled = post("/v1/nodes/text2data.compile", Map.of("query", parsed.get("query"), "asOf", "2025-06-18"));
    assertTrue(((String) compiled.get("sql")).contains("LIMIT 3"), String.valueOf(compiled.get("sql")));
  }

  @Test
  void needsAnApiKey() {
    var e = assertThrows(HttpClientResponseException.class,
        () -> client.toBlocking().retrieve(HttpRequest.POST("/v1/ask", Map.of("question", "claims"))));
    assertEquals(HttpStatus.UNAUTHORIZED, e.getStatus());
  }
}
