package com.carmutual.shared.llmops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.shared.gateway.LlmCallQuery;
import com.carmutual.shared.gateway.LlmCalls;
import com.carmutual.shared.gateway.LlmGateway;
import com.carmutual.shared.llmops.testapp.Echo;
import com.carmutual.shared.llmops.testapp.EchoTask;
import com.carmutual.shared.llmops.testapp.EchoWorkflow;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 7's acceptance: a prompt version switched at run time, an experiment on both versions
 * against a fake provider that answers differently per version compared item by item; an
 * annotated input answered from the annotation; a workflow run read as a node tree.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LlmOpsDoneWhenTest {
  private FakeOpenAi provider;
  private EmbeddedServer server;
  private HttpClient http;
  private BlockingHttpClient client;

  @BeforeAll
  void start() throws Exception {
    provider = new FakeOpenAi();
    Map<String, Object> p = new HashMap<>();
    p.put(
        "datasources.default.url",
        "jdbc:h2:mem:done-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    p.put("llm.providers.openai.base-url", provider.baseUrl());
    p.put("llm.providers.openai.api-key", "fake-key");
    p.put("llm.routes.echo.task", EchoTask.TASK);
    p.put("llm.routes.echo.prompt-version", "v1");
    p.put("llm.routes.echo.targets", List.of(Map.of("provider", "openai", "model", "fake-model")));
    server = ApplicationContext.run(EmbeddedServer.class, p, "test", "llmops");
    http = HttpClient.create(server.getURL());
    client = http.toBlocking();
  }

  @AfterAll
  void stop() {
    http.close();
    server.close();
    provider.close();
  }

  private Map<String, Object> send(io.micronaut.http.MutableHttpRequest<?> request) {
    return client.retrieve(request.bearerAuth("test-key"), Argument.mapOf(String.class, Object.class));
  }

  private Map<String, Object> experiment(Map<String, Object> body) throws InterruptedException {
    Map<String, Object> e = send(HttpRequest.POST("/v1/llmops/experiments", body));
    String id = (String) e.get("id");
    for (int i = 0; i < 600 && !List.of("done", "failed").contains(e.get("status")); i++) {
      Thread.sleep(50);
      e = send(HttpRequest.GET("/v1/llmops/experiments/" + id));
    }
    assertEquals("done", e.get("status"), e.toString());
    return e;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> itemsById(Map<String, Object> comparison) {
    Map<String, Map<String, Object>> out = new HashMap<>();
    ((List<Map<String, Object>>) comparison.get("items")).forEach(i -> out.put((String) i.get("itemId"), i));
    return out;
  }

  @Test
  @SuppressWarnings("unchecked")
  void aPromptSwitchedAtRunTimeIsComparedItemByItemAgainstTheVersionBefore() throws Exception {
    Map<String, Object> before = experiment(Map.of("task", EchoTask.TASK, "set", "dev"));

    send(HttpRequest.PUT("/v1/llmops/tasks/" + EchoTask.TASK + "/active", Map.of("promptVersion", "v2")));
    Map<String, Object> after = experiment(Map.of("task", EchoTask.TASK, "set", "dev"));

    Map<String, Object> cmp =
        send(HttpRequest.GET("/v1/llmops/experiments/compare?a=" + before.get("id") + "&b=" + after.get("id")));
    Map<String, Map<String, Object>> items = itemsById(cmp);
    // v1 upper-cases, v2 also reverses the words: every two-word item gets worse, "hood" does not change
    assertEquals(Map.of("text", "REAR BUMPER"), items.get("e1").get("aOutput"));
    assertEquals(Map.of("text", "BUMPER REAR"), items.get("e1").get("bOutput"));
    assertEquals(-1.0, ((Number) items.get("e1").get("delta")).doubleValue());
    assertEquals(true, items.get("e4").get("sameOutput"));
    assertEquals(3, cmp.get("worse"));
    assertEquals(1, cmp.get("same"));
    Map<String, Object> aSummary = (Map<String, Object>) ((Map<String, Object>) cmp.get("a")).get("summary");
    Map<String, Object> bSummary = (Map<String, Object>) ((Map<String, Object>) cmp.get("b")).get("summary");
    assertEquals(0.75, ((Number) aSummary.get("meanScore")).doubleValue(), 1e-9);
    assertEquals(0.0, ((Number) bSummary.get("meanScore")).doubleValue(), 1e-9);
    // tokens and cost come from the gateway's traces of each item
    assertEquals(4 * 120, ((Number) aSummary.get("inputTokens")).intValue());
    assertEquals(4, ((Number) aSummary.get("calls")).intValue());

    // the same two versions side by side in one experiment, whatever is active
    Map<String, Object> both =
        experiment(
            Map.of(
                "task", EchoTask.TASK,
                "set", "dev",
                "configurations",
                    List.of(
                        Map.of("name", "prompt-v1", "versions", Map.of(EchoTask.TASK, Map.of("promptVersion", "v1"))),
                        Map.of("name", "prompt-v2", "versions", Map.of(EchoTask.TASK, Map.of("promptVersion", "v2"))))));
    Map<String, Object> sideBySide =
        send(
            HttpRequest.GET(
                "/v1/llmops/experiments/compare?a=" + both.get("id") + ":prompt-v1&b=" + both.get("id") + ":prompt-v2"));
    assertEquals(Map.of("text", "TRUNK LID"), itemsById(sideBySide).get("e2").get("aOutput"));
    assertEquals(Map.of("text", "LID TRUNK"), itemsById(sideBySide).get("e2").get("bOutput"));
    assertEquals(3, sideBySide.get("worse"));

    send(HttpRequest.POST("/v1/llmops/tasks/" + EchoTask.TASK + "/rollback", Map.of()));
  }

  @Test
  void anAnnotatedInputIsAnsweredFromTheAnnotationWithoutCallingTheModel() {
    LlmGateway gateway = server.getApplicationContext().getBean(LlmGateway.class);
    Map<String, Object> body = new HashMap<>();
    body.put("task", EchoTask.TASK);
    body.put("input", Map.of("text", "door mirror"));
    body.put("output", Map.of("text", "DOOR MIRROR"));
    body.put("correctedOutput", Map.of("text", "LEFT DOOR MIRROR"));
    body.put("correct", false);
    String id = (String) send(HttpRequest.POST("/v1/llmops/annotations", body)).get("id");

    int calls = provider.requests.get();
    assertEquals(new Echo("LEFT DOOR MIRROR"), gateway.structured(EchoTask.TASK, new Echo("door mirror"), Echo.class));
    assertEquals(new Echo("LEFT DOOR MIRROR"), gateway.structured(EchoTask.TASK, new Echo("Door mirror."), Echo.class));
    assertEquals(calls, provider.requests.get(), "the model was not called");
    assertEquals(new Echo("ROOF"), gateway.structured(EchoTask.TASK, new Echo("roof"), Echo.class));
    assertEquals(calls + 1, provider.requests.get());

    LlmCalls traces = server.getApplicationContext().getBean(LlmCalls.class);
    traces.flush(Duration.ofSeconds(5));
    assertTrue(
        traces.list(new LlmCallQuery(EchoTask.TASK, "answered_by_source", null, null, 10)).stream()
            .anyMatch(c -> ("annotation:" + id).equals(c.model())));
    assertEquals(2, ((Number) send(HttpRequest.GET("/v1/llmops/annotations/" + id)).get("hits")).intValue());
  }

  @Test
  @SuppressWarnings("unchecked")
  void aWorkflowRunReadsAsANodeTreeWithItsModelCallsAndReplaysUnderAnotherPrompt() {
    EchoWorkflow workflow = server.getApplicationContext().getBean(EchoWorkflow.class);
    var result = workflow.run(new Echo("front wing"));
    server.getApplicationContext().getBean(LlmCalls.class).flush(Duration.ofSeconds(5));
    Map<String, Object> run = send(HttpRequest.GET("/v1/llmops/runs/" + result.runId()));
    List<Map<String, Object>> nodes = (List<Map<String, Object>>) run.get("nodes");
    Map<String, Object> answer = nodes.get(1);
    assertEquals("answer", answer.get("name"));
    List<Map<String, Object>> llmCalls = (List<Map<String, Object>>) answer.get("llmCalls");
    assertEquals(1, llmCalls.size());
    assertEquals("openai", llmCalls.get(0).get("provider"));
    assertEquals(120, ((Number) llmCalls.get(0).get("inputTokens")).intValue());
    List<Map<String, Object>> traced = (List<Map<String, Object>>) run.get("calls");
    assertEquals(List.of("answer"), traced.stream().map(c -> c.get("node")).toList());
    assertEquals(llmCalls.get(0).get("callId"), traced.get(0).get("id"));
    Map<String, Object> versions = (Map<String, Object>) run.get("versions");
    assertTrue(versions.containsKey(EchoTask.TASK), versions.toString());

    Map<String, Object> replay =
        send(
            HttpRequest.POST(
                "/v1/llmops/runs/" + result.runId() + "/replay",
                Map.of("versions", Map.of(EchoTask.TASK, Map.of("promptVersion", "v2")))));
    assertFalse((Boolean) replay.get("outputSame"));
    Map<String, Object> answerDiff =
        ((List<Map<String, Object>>) replay.get("nodes")).stream()
            .filter(n -> "answer".equals(n.get("name")))
            .findFirst()
            .orElseThrow();
    assertEquals(false, answerDiff.get("same"));
    assertEquals(Map.of("text", "WING FRONT"), answerDiff.get("replayOutput"));
    Map<String, Object> normalise = ((List<Map<String, Object>>) replay.get("nodes")).get(0);
    assertEquals(true, normalise.get("same"));
  }
}
