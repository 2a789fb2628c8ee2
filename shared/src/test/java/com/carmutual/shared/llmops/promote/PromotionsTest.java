package com.carmutual.shared.llmops.promote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.shared.gateway.LlmException;
import com.carmutual.shared.gateway.LlmGateway;
import com.carmutual.shared.gateway.TaskVersion;
import com.carmutual.shared.llmops.testapp.Echo;
import com.carmutual.shared.llmops.version.TaskVersions;
import com.carmutual.shared.testing.ChampionChallengerApp;
import com.carmutual.shared.testing.FakeModels;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Promotions against the fake provider on the {@code test.echo} dev set (the champion scores
 * 0.75): one passes every gate and switches the version, one is rejected by each gate and switches
 * nothing, every decision is in the version audit; after a promotion, injected failures roll the
 * task back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PromotionsTest {
  private static final String TASK = ChampionChallengerApp.TASK;
  private FakeModels models;
  private EmbeddedServer server;
  private HttpClient http;
  private BlockingHttpClient client;

  @BeforeAll
  void start() throws Exception {
    models = new FakeModels()
        .model("reverse-model", FakeModels.Mode.REVERSE, 0)
        .model("slow-model", FakeModels.Mode.UPPER, 400);
    Map<String, Object> p = new HashMap<>(ChampionChallengerApp.properties(models));
    p.put("suite.llmops.guardrails.min-calls", 10);
    p.put("suite.llmops.guardrails.window-calls", 20);
    p.put("suite.admin-clients", "tester");
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

  @BeforeEach
  void championActive() {
    models.model("good-model", FakeModels.Mode.UPPER, 0);
    server.getApplicationContext().getBean(TaskVersions.class)
        .switchTo(TASK, new TaskVersion(null, null), "test", "back to the configured champion");
  }

  private Map<String, Object> send(MutableHttpRequest<?> request) {
    return client.retrieve(request.bearerAuth("test-key"), Argument.mapOf(String.class, Object.class));
  }

  private Map<String, Object> promote(String route, Map<String, Object> gates) throws InterruptedException {
    var response = client.exchange(HttpRequest.POST("/v1/llmops/tasks/" + TASK + "/promotions",
        Map.of("candidate", Map.of("route", route), "evalSets", List.of("dev"), "gates", gates))
        .bearerAuth("test-key"), Argument.mapOf(String.class, Object.class));
    assertEquals(202, response.getStatus().getCode());
    Map<String, Object> p = response.body();
    assertEquals("running", p.get("status"));
    for (int i = 0; i < 600 && "running".equals(p.get("status")); i++) {
      Thread.sleep(50);
      p = send(HttpRequest.GET("/v1/llmops/promotions/" + p.get("id")));
    }
    return p;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> gate(Map<String, Object> promotion, String name) {
    return ((List<Map<String, Object>>) promotion.get("results")).stream()
        .filter(g -> name.equals(g.get("gate"))).findFirst().orElseThrow(() -> new AssertionError(promotion));
  }

  private String activeRoute() {
    Map<String, Object> task = send(HttpRequest.GET("/v1/llmops/tasks/" + TASK));
    @SuppressWarnings("unchecked")
    Map<String, Object> active = (Map<String, Object>) task.get("active");
    return active == null ? null : (String) active.get("routeVersion");
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> history() {
    return client.retrieve(HttpRequest.GET("/v1/llmops/tasks/" + TASK + "/history").bearerAuth("test-key"),
        Argument.listOf(Argument.mapOf(String.class, Object.class)));
  }

  private static final Map<String, Object> LAX = Map.of(
      "minScore", 0.5, "maxRegression", 0.01, "maxCostRatio", 1.5, "maxP95LatencyMs", 3000);

  @Test
  void aCandidatePassingEveryGateIsPromotedAndAudited() throws Exception {
    Map<String, Object> p = promote("good", LAX);
    assertEquals("promoted", p.get("status"), p.toString());
    assertEquals(0.75, ((Number) gate(p, "minScore").get("measured")).doubleValue(), 1e-9);
    assertEquals(0.0, ((Number) gate(p, "maxRegression").get("measured")).doubleValue(), 1e-9);
    assertEquals(1.0, ((Number) gate(p, "maxCostRatio").get("measured")).doubleValue(), 1e-9);
    assertTrue((Boolean) gate(p, "maxP95LatencyMs").get("passed"));
    assertEquals(1, ((List<?>) p.get("experimentIds")).size());
    assertEquals("good", activeRoute());
    Map<String, Object> last = history().get(0);
    assertEquals("promote", last.get("action"));
    assertTrue(((String) last.get("reason")).contains((String) p.get("id")));
    // the experiment behind it compared champion and candidate on the set
    Map<String, Object> experiment = send(HttpRequest.GET("/v1/llmops/experiments/" + ((List<?>) p.get("experimentIds")).get(0)));
    assertEquals(2, ((List<?>) experiment.get("summary")).size());
  }

  @Test
  void minScoreRejects() throws Exception {
    rejected("good", Map.of("minScore", 0.9), "minScore", 0.75);
  }

  @Test
  void maxRegressionRejects() throws Exception {
    rejected("reverse", Map.of("maxRegression", 0.01), "maxRegression", 0.75);
  }

  @Test
  void maxCostRatioRejects() throws Exception {
    rejected("pricey", Map.of("maxCostRatio", 1.5), "maxCostRatio", 10.0);
  }

  @Test
  void maxP95LatencyRejects() throws Exception {
    Map<String, Object> p = rejected("slow", Map.of("maxP95LatencyMs", 300), "maxP95LatencyMs", null);
    assertTrue(((Number) gate(p, "maxP95LatencyMs").get("measured")).doubleValue() >= 400, p.toString());
  }

  private Map<String, Object> rejected(String route, Map<String, Object> gates, String failing, Double measured)
      throws Exception {
    Map<String, Object> p = promote(route, gates);
    assertEquals("rejected", p.get("status"), p.toString());
    Map<String, Object> g = gate(p, failing);
    assertEquals(false, g.get("passed"));
    if (measured != null) {
      assertEquals(measured, ((Number) g.get("measured")).doubleValue(), 1e-9);
    }
    assertNull(activeRoute(), "a rejected candidate switches nothing");
    Map<String, Object> last = history().get(0);
    assertEquals("promotion-rejected", last.get("action"));
    assertTrue(((String) last.get("reason")).contains(failing), last.toString());
    return p;
  }

  @Test
  void badPromotionRequestsAreRefused() {
    HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
        () -> send(HttpRequest.POST("/v1/llmops/tasks/" + TASK + "/promotions",
            Map.of("candidate", Map.of("route", "good"), "evalSets", List.of("dev"), "gates", Map.of()))));
    assertEquals(400, e.getStatus().getCode());
    e = assertThrows(HttpClientResponseException.class,
        () -> send(HttpRequest.POST("/v1/llmops/tasks/" + TASK + "/promotions",
            Map.of("candidate", Map.of("route", "good"), "evalSets", List.of("missing"), "gates", LAX))));
    assertEquals(404, e.getStatus().getCode());
    e = assertThrows(HttpClientResponseException.class,
        () -> send(HttpRequest.GET("/v1/llmops/promotions/nope")));
    assertEquals(404, e.getStatus().getCode());
  }

  @Test
  void onlyAdminsStartPromotionsAndChallengers() {
    HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
        () -> client.retrieve(HttpRequest.POST("/v1/llmops/tasks/" + TASK + "/promotions",
            Map.of("candidate", Map.of("route", "good"), "evalSets", List.of("dev"), "gates", LAX))
            .bearerAuth("other-key")));
    assertEquals(403, e.getStatus().getCode());
    e = assertThrows(HttpClientResponseException.class,
        () -> client.retrieve(HttpRequest.PUT("/v1/llmops/tasks/" + TASK + "/challenger",
            Map.of("route", "good", "sampleRate", 0.5)).bearerAuth("other-key")));
    assertEquals(403, e.getStatus().getCode());
    // reading stays open to every signed-in client
    assertEquals(200, client.exchange(HttpRequest.GET("/v1/llmops/tasks/" + TASK + "/promotions")
        .bearerAuth("other-key")).getStatus().getCode());
  }

  @Test
  void injectedFailuresAfterAPromotionRollTheTaskBack() throws Exception {
    assertEquals("promoted", promote("good", LAX).get("status"));
    assertEquals("good", activeRoute());
    models.model("good-model", FakeModels.Mode.FAIL, 0);
    LlmGateway gateway = server.getApplicationContext().getBean(LlmGateway.class);
    int failures = 0;
    for (int i = 0; i < 10; i++) {
      try {
        gateway.structured(TASK, new Echo("rear bumper " + i), Echo.class);
      } catch (LlmException e) {
        failures++;
      }
    }
    assertEquals(10, failures);
    assertNull(activeRoute(), "rolled back to the configured champion");
    Map<String, Object> last = history().get(0);
    assertEquals("auto-rollback", last.get("action"));
    assertEquals("guardrails", last.get("actor"));
    assertTrue(((String) last.get("reason")).contains("error rate 1.0 > 0.2"), last.toString());
    // the next call runs on the champion again
    assertEquals(new Echo("HOOD"), gateway.structured(TASK, new Echo("hood"), Echo.class));
  }
}
