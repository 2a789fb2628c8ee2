package com.carmutual.shared.llmops.shadow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.shared.gateway.LlmCallRecord;
import com.carmutual.shared.gateway.LlmCalls;
import com.carmutual.shared.gateway.LlmGateway;
import com.carmutual.shared.llmops.testapp.Echo;
import com.carmutual.shared.testing.ChampionChallengerApp;
import com.carmutual.shared.testing.FakeModels;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A challenger in shadow against the fake provider: callers get the champion's answers only; the
 * challenger's are stored beside them, scored against them and against annotations, traced as
 * shadow and left out of the champion's metrics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShadowChallengerTest {
  private static final String TASK = ChampionChallengerApp.TASK;
  private FakeModels models;
  private EmbeddedServer server;
  private HttpClient http;
  private BlockingHttpClient client;

  @BeforeAll
  void start() throws Exception {
    models = new FakeModels().model("reverse-model", FakeModels.Mode.REVERSE, 0).model("slow-model", FakeModels.Mode.UPPER, 1000);
    Map<String, Object> p = new java.util.HashMap<>(ChampionChallengerApp.properties(models));
    p.put("suite.llmops.shadow.queue-size", 3);
    p.put("suite.llmops.shadow.threads", 1);
    server = ApplicationContext.run(EmbeddedServer.class, p, "test", "llmops");
    http = HttpClient.create(server.getURL());
    client = http.toBlocking();
  }

  @AfterAll
  void stop() {
    http.close();
    server.close();
    models.close();
  }

  private Map<String, Object> send(MutableHttpRequest<?> request) {
    return client.retrieve(request.bearerAuth("test-key"), Argument.mapOf(String.class, Object.class));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> m, String key) {
    return (Map<String, Object>) m.get(key);
  }

  private static double number(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).doubleValue();
  }

  @Test
  void aChallengerIsScoredInShadowWithoutTouchingAnswers() throws Exception {
    LlmGateway gateway = server.getApplicationContext().getBean(LlmGateway.class);
    Map<String, Object> started = send(HttpRequest.PUT("/v1/llmops/tasks/" + TASK + "/challenger",
        Map.of("route", "reverse", "sampleRate", 1.0)));
    assertEquals("active", started.get("status"));

    List<String> inputs = List.of("rear bumper", "hood", "trunk lid", "grille", "left mirror", "roof");
    ShadowRunner runner = server.getApplicationContext().getBean(ShadowRunner.class);
    for (String text : inputs) {
      // the caller always gets the champion's (upper-case) answer, never the challenger's reversed one
      assertEquals(new Echo(text.toUpperCase()), gateway.structured(TASK, new Echo(text), Echo.class));
      drained(runner); // the queue is tiny in this test; see the test below for a full one
    }
    Map<String, Object> view = waitForRuns(6);
    Map<String, Object> counts = map(view, "counts");
    assertEquals(6, number(counts, "sampled"));
    assertEquals(0, number(counts, "dropped"));
    assertEquals(0, number(counts, "failed"));
    // one-word inputs agree, two-word inputs do not: 3 of 6
    Map<String, Object> agreement = map(view, "agreement");
    assertEquals(0.5, number(agreement, "value"), 1e-9);
    assertTrue(number(agreement, "ci95Low") < 0.5 && number(agreement, "ci95High") > 0.5, agreement.toString());
    assertEquals(0.5, number(map(view, "score"), "value"), 1e-9);
    assertEquals("exact", view.get("scorer"));
    // both sides' costs from the traced usage: 120 in at 1 USD/M + 8 out at 2 USD/M, six times
    assertEquals(0.000816, number(map(view, "champion"), "costUsd"), 1e-9);
    assertEquals(0.000816, number(map(view, "challengerFigures"), "costUsd"), 1e-9);
    assertNotNull(map(view, "challengerFigures").get("latencyP95Ms"));

    // a person labels one input: both sides are scored against the label
    send(HttpRequest.POST("/v1/llmops/annotations", Map.of("task", TASK, "input", Map.of("text", "rear bumper"),
        "correctedOutput", Map.of("text", "REAR BUMPER"), "author", "adjuster-1")));
    Map<String, Object> labelled = map(send(HttpRequest.GET("/v1/llmops/tasks/" + TASK + "/challenger")), "annotations");
    assertEquals(1, number(labelled, "items"));
    assertEquals(1.0, number(map(labelled, "champion"), "value"), 1e-9);
    assertEquals(0.0, number(map(labelled, "challenger"), "value"), 1e-9);

    // the challenger's calls are traced under a shadow run and do not count in the metrics
    LlmCalls traces = server.getApplicationContext().getBean(LlmCalls.class);
    traces.flush(Duration.ofSeconds(5));
    List<LlmCallRecord> shadowCalls = traces.list(new com.carmutual.shared.gateway.LlmCallQuery(TASK, null, null, null, 100)).stream().filter(c -> "reverse".equals(c.routeVersion())).toList();
    assertEquals(6, shadowCalls.size());
    assertTrue(shadowCalls.stream().allMatch(c -> c.runId().startsWith("shadow-") && c.node().startsWith("shadow:")));
    MeterRegistry metrics = server.getApplicationContext().getBean(MeterRegistry.class);
    assertTrue(metrics.find("llm.calls").tag("route_version", "reverse").counters().isEmpty());
    assertEquals(6.0, metrics.find("llm.calls").tag("route_version", "champion").counter().count());

    Map<String, Object> ended = send(HttpRequest.DELETE("/v1/llmops/tasks/" + TASK + "/challenger"));
    assertEquals("ended", ended.get("status"));
    gateway.structured(TASK, new Echo("door"), Echo.class);
    Thread.sleep(100);
    assertEquals(6, number(map(send(HttpRequest.GET("/v1/llmops/tasks/" + TASK + "/challenger")), "counts"), "sampled"));
  }

  @Test
  void aFullShadowQueueDropsAndCountsItemsWithoutSlowingTheCaller() throws Exception {
    LlmGateway gateway = server.getApplicationContext().getBean(LlmGateway.class);
    send(HttpRequest.PUT("/v1/llmops/tasks/" + TASK + "/challenger", Map.of("route", "slow", "sampleRate", 1.0)));
    long t0 = System.nanoTime();
    for (int i = 0; i < 12; i++) {
      assertEquals(new Echo("PART " + i), gateway.structured(TASK, new Echo("part " + i), Echo.class));
    }
    // each challenger call takes 1 s: a caller waiting for them would need 12 s, or 4 s for the queued ones
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(millis < 4_000, "the callers waited for the challenger: " + millis + " ms");
    drained(server.getApplicationContext().getBean(ShadowRunner.class));
    Map<String, Object> counts = map(send(HttpRequest.GET("/v1/llmops/tasks/" + TASK + "/challenger")), "counts");
    assertEquals(12, number(counts, "sampled"));
    assertTrue(number(counts, "dropped") >= 1, counts.toString());
    assertEquals(12, number(counts, "run") + number(counts, "failed") + number(counts, "dropped"), counts.toString());
    send(HttpRequest.DELETE("/v1/llmops/tasks/" + TASK + "/challenger"));
  }

  private static void drained(ShadowRunner runner) throws InterruptedException {
    for (int i = 0; i < 1000 && runner.queued() > 0; i++) {
      Thread.sleep(10);
    }
    assertEquals(0, runner.queued());
  }

  @Test
  void badChallengerRequestsAreRefusedAndChangeNothing() {
    HttpClientResponseException e = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
        () -> send(HttpRequest.PUT("/v1/llmops/tasks/" + TASK + "/challenger", Map.of("route", "reverse", "sampleRate", 1.5))));
    assertEquals(400, e.getStatus().getCode());
    e = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
        () -> send(HttpRequest.PUT("/v1/llmops/tasks/" + TASK + "/challenger", Map.of("route", "nope", "sampleRate", 0.5))));
    assertEquals(400, e.getStatus().getCode());
    assertTrue(e.getResponse().getBody(String.class).orElse("").contains("nope"));
  }

  private Map<String, Object> waitForRuns(int runs) throws InterruptedException {
    Map<String, Object> view = Map.of();
    for (int i = 0; i < 200; i++) {
      view = send(HttpRequest.GET("/v1/llmops/tasks/" + TASK + "/challenger"));
      if (number(map(view, "counts"), "run") + number(map(view, "counts"), "failed") >= runs) {
        return view;
      }
      Thread.sleep(25);
    }
    throw new AssertionError("the challenger did not run " + runs + " times: " + view);
  }
}
