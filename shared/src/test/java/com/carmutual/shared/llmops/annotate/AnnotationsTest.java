package com.carmutual.shared.llmops.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.shared.gateway.AnswerSource;
import com.carmutual.shared.llmops.Annotations;
import com.carmutual.shared.llmops.Annotations.Annotation;
import com.carmutual.shared.llmops.testapp.Echo;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@MicronautTest(environments = {"test", "llmops"}, transactional = false)
class AnnotationsTest {
  @Inject Annotations annotations;
  @Inject List<AnswerSource> sources;

  @Inject
  @Client("/")
  HttpClient client;

  private Optional<AnswerSource.PresetAnswer> ask(String task, String inputJson) {
    for (AnswerSource s : sources) {
      Optional<AnswerSource.PresetAnswer> a = s.answer(task, inputJson);
      if (a.isPresent()) {
        return a;
      }
    }
    return Optional.empty();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> post(String path, Object body) {
    return client.toBlocking().retrieve(HttpRequest.POST(path, body).bearerAuth("test-key"), Map.class);
  }

  @Test
  @SuppressWarnings("unchecked")
  void anAnnotationIsStoredWithItsInputOutputAuthorAndVersions() {
    Map<String, Object> body = new HashMap<>();
    body.put("task", "test.echo");
    body.put("input", Map.of("text", "trunk lid"));
    body.put("output", Map.of("text", "TRUNK"));
    body.put("correctedOutput", Map.of("text", "TRUNK LID"));
    body.put("correct", false);
    body.put("comment", "cut short");
    Map<String, Object> created = post("/v1/llmops/annotations", body);
    assertEquals("tester", created.get("author"));
    assertEquals(Map.of("text", "TRUNK LID"), created.get("correctedOutput"));
    assertNotNull(((Map<String, Object>) created.get("versions")).get("code"));
    List<Map<String, Object>> listed =
        client.toBlocking()
            .retrieve(HttpRequest.GET("/v1/llmops/annotations?task=test.echo").bearerAuth("test-key"), Argument.listOf(Argument.mapOf(String.class, Object.class)));
    assertTrue(listed.stream().anyMatch(a -> a.get("id").equals(created.get("id"))));
  }

  @Test
  void anExactOrCloseEnoughInputIsAnsweredFromTheAnnotationAndCounted() {
    String id =
        annotations.record(
            new Annotation(
                "test.echo",
                new Echo("rear bumper cracked"),
                new Echo("REAR BUMPER"),
                new Echo("REAR BUMPER CRACKED"),
                false,
                null,
                "adjuster-1",
                null));
    var exact = ask("test.echo", "{\"text\":\"rear bumper cracked\"}").orElseThrow();
    assertEquals("annotation:" + id, exact.source());
    assertTrue(exact.outputJson().contains("REAR BUMPER CRACKED"), exact.outputJson());

    var similar = ask("test.echo", "{\"text\":\"Rear bumper cracked.\"}").orElseThrow();
    assertEquals("annotation:" + id, similar.source());

    assertTrue(ask("test.echo", "{\"text\":\"the left wing mirror glass is missing\"}").isEmpty());
    assertTrue(ask("other.task", "{\"text\":\"rear bumper cracked\"}").isEmpty());
    assertEquals(2L, ((StoredAnnotations) annotations).find(id).orElseThrow().hits());
  }

  @Test
  void anAnnotationThatApprovesNothingNeverAnswers() {
    annotations.record(
        new Annotation("test.echo", new Echo("bonnet dent"), new Echo("X"), null, false, "wrong", "a", null));
    assertTrue(ask("test.echo", "{\"text\":\"bonnet dent\"}").isEmpty());
  }

  @Test
  @SuppressWarnings("unchecked")
  void annotationsBecomeEvaluationItemsAsANewSetVersion() {
    String a =
        annotations.record(
            new Annotation("test.echo", new Echo("door"), new Echo("DOOR"), null, true, null, "a", null));
    String b =
        annotations.record(
            new Annotation("test.echo", new Echo("wing"), null, new Echo("WING"), null, null, "a", null));
    Map<String, Object> v1 = post("/v1/llmops/annotations/" + a + "/to-eval", Map.of("set", "reviewed"));
    assertEquals(1, v1.get("version"));
    List<Map<String, Object>> v2 =
        client.toBlocking()
            .retrieve(
                HttpRequest.POST("/v1/llmops/annotations/to-eval", Map.of("ids", List.of(b), "set", "reviewed"))
                    .bearerAuth("test-key"),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
    assertEquals(2, v2.get(0).get("version"));
    assertEquals(2, v2.get(0).get("itemCount"));
    Map<String, Object> set =
        client.toBlocking()
            .retrieve(HttpRequest.GET("/v1/llmops/eval-sets/test.echo/reviewed").bearerAuth("test-key"), Map.class);
    List<Map<String, Object>> items = (List<Map<String, Object>>) set.get("items");
    assertEquals(Map.of("text", "DOOR"), items.get(0).get("expected"));
    assertEquals(Map.of("text", "WING"), items.get(1).get("expected"));
    Map<String, Object> first =
        client.toBlocking()
            .retrieve(
                HttpRequest.GET("/v1/llmops/eval-sets/test.echo/reviewed?version=1").bearerAuth("test-key"), Map.class);
    assertEquals(1, ((List<?>) first.get("items")).size());
  }

  @Test
  void aWrongAnnotationWithoutCorrectionCannotBecomeAnItem() {
    String id =
        annotations.record(
            new Annotation("test.echo", new Echo("roof"), new Echo("R"), null, false, null, "a", null));
    var e =
        assertThrows(
            HttpClientResponseException.class,
            () -> post("/v1/llmops/annotations/" + id + "/to-eval", Map.of()));
    assertEquals(400, e.getStatus().getCode());
  }
}
