package com.carmutual.shared.llmops.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.shared.llmops.testapp.Echo;
import com.carmutual.shared.llmops.testapp.EchoWorkflow;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(environments = {"test", "llmops"}, transactional = false)
class WorkflowRunsTest {
  @Inject EchoWorkflow workflow;

  @Inject
  @Client("/")
  HttpClient client;

  @SuppressWarnings("unchecked")
  private Map<String, Object> get(String path) {
    return client.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth("test-key"), Map.class);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aRunReadsAsANodeTreeWithInputsOutputsAndKinds() {
    var result = workflow.run(new Echo("  rear bumper "));
    assertEquals("REAR BUMPER!", result.output().text());

    Map<String, Object> run = get("/v1/llmops/runs/" + result.runId());
    assertEquals(EchoWorkflow.NAME, run.get("workflow"));
    assertEquals("ok", run.get("status"));
    assertEquals(Map.of("text", "REAR BUMPER!"), run.get("output"));
    assertNotNull(run.get("codeVersion"));
    List<Map<String, Object>> nodes = (List<Map<String, Object>>) run.get("nodes");
    assertEquals(List.of("normalise", "answer", "finish"), nodes.stream().map(n -> n.get("name")).toList());
    assertEquals("LLM", nodes.get(1).get("kind"));
    assertEquals(Map.of("text", "rear bumper"), nodes.get(1).get("input"));
    assertEquals(Map.of("text", "REAR BUMPER"), nodes.get(1).get("output"));
    List<Map<String, Object>> children = (List<Map<String, Object>>) nodes.get(2).get("children");
    assertEquals(1, children.size());
    assertEquals("check", children.get(0).get("name"));
    assertNull(nodes.get(0).get("children"), "a leaf node has no children (empty lists are omitted)");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aFailingNodeIsStoredWithItsErrorAndTheRunAsFailed() {
    var e = assertThrows(IllegalStateException.class, () -> workflow.run(new Echo("fail")));
    assertEquals("refused text FAIL", e.getMessage());
    List<Map<String, Object>> runs =
        client.toBlocking()
            .retrieve(
                HttpRequest.GET("/v1/llmops/runs?workflow=" + EchoWorkflow.NAME).bearerAuth("test-key"),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
    Map<String, Object> failed =
        runs.stream().filter(r -> "error".equals(r.get("status"))).findFirst().orElseThrow();
    Map<String, Object> run = get("/v1/llmops/runs/" + failed.get("id"));
    assertTrue(run.get("error").toString().contains("refused text FAIL"));
    Map<String, Object> finish = ((List<Map<String, Object>>) run.get("nodes")).get(2);
    Map<String, Object> check = ((List<Map<String, Object>>) finish.get("children")).get(0);
    assertTrue(check.get("error").toString().contains("IllegalStateException"));
    assertNull(check.get("output"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void replayRerunsTheStoredInputAndComparesNodeByNode() {
    var original = workflow.run(new Echo("trunk lid"));
    Map<String, Object> replay =
        client.toBlocking()
            .retrieve(
                HttpRequest.POST(
                        "/v1/llmops/runs/" + original.runId() + "/replay",
                        Map.of("versions", Map.of("test.echo", Map.of("routeVersion", "local"))))
                    .bearerAuth("test-key"),
                Map.class);
    assertEquals(original.runId(), replay.get("originalRunId"));
    String replayId = (String) replay.get("replayRunId");
    assertNotNull(replayId);
    assertNotEquals(original.runId(), replayId);
    assertEquals(true, replay.get("outputSame"));
    List<Map<String, Object>> nodes = (List<Map<String, Object>>) replay.get("nodes");
    assertEquals(4, nodes.size());
    assertTrue(nodes.stream().allMatch(n -> Boolean.TRUE.equals(n.get("same"))), nodes.toString());
    assertEquals(original.runId(), get("/v1/llmops/runs/" + replayId).get("replayOf"));
  }

  @Test
  void unknownRunIs404Problem() {
    var e =
        assertThrows(
            HttpClientResponseException.class, () -> get("/v1/llmops/runs/no-such-run"));
    assertEquals(404, e.getStatus().getCode());
  }
}
