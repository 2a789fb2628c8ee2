package com.carmutual.shared.gateway.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.shared.llmops.testapp.Echo;
import com.carmutual.shared.testing.ChampionChallengerApp;
import com.carmutual.shared.testing.FakeModels;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Budgets over HTTP against the fake provider: a client's token budget sends its calls to the
 * cheaper route once spent; 50 concurrent calls cannot overshoot the task's dollar budget, and the
 * calls over it are refused with 429 problem+json naming the budget. Each answered call costs
 * 120 x 1 + 8 x 2 = 136 micro-dollars.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BudgetsUnderConcurrencyTest {
  private static final long CALL_MICROS = 136;
  private static final long LIMIT_MICROS = 2_000;
  private FakeModels models;
  private EmbeddedServer server;
  private HttpClient http;
  private BlockingHttpClient client;

  @BeforeAll
  void start() throws Exception {
    models = new FakeModels().model("champion-model", FakeModels.Mode.UPPER, 20);
    Map<String, Object> p = new HashMap<>(ChampionChallengerApp.properties(models));
    p.put("llm.budgets.echo-daily.task", ChampionChallengerApp.TASK);
    p.put("llm.budgets.echo-daily.daily-usd", "0.002");
    p.put("llm.budgets.other-client.client", "other");
    p.put("llm.budgets.other-client.daily-tokens", 700);
    p.put("llm.budgets.other-client.fallback-route", "local");
    p.put("suite.llmops.annotation-reply.echo.task", "none");
    server = ApplicationContext.run(EmbeddedServer.class, p, "test", "llmops");
    var config = new io.micronaut.http.client.DefaultHttpClientConfiguration();
    config.setReadTimeout(java.time.Duration.ofSeconds(60)); // a loaded machine: the first call warms up a lot
    http = HttpClient.create(server.getURL(), config);
    client = http.toBlocking();
  }

  @AfterAll
  void stop() {
    http.close();
    server.close();
    models.close();
  }

  private Map<String, Object> budget(String name) {
    List<Map<String, Object>> all = client.retrieve(HttpRequest.GET("/v1/llmops/budgets").bearerAuth("test-key"),
        Argument.listOf(Argument.mapOf(String.class, Object.class)));
    return all.stream().filter(b -> name.equals(((Map<?, ?>) b.get("limit")).get("name"))).findFirst().orElseThrow();
  }

  private static long micros(Object usd) {
    return new BigDecimal(String.valueOf(usd)).movePointRight(6).longValueExact();
  }

  private static long number(Map<String, Object> m, String key) {
    return ((Number) m.get(key)).longValue();
  }

  @Test
  @Order(1)
  void aSpentClientBudgetSendsCallsToTheCheaperRoute() {
    int before = models.requests("champion-model");
    for (int i = 0; i < 8; i++) {
      Echo answer = client.retrieve(HttpRequest.POST("/test/echo", new Echo("rear bumper")).bearerAuth("other-key"),
          Echo.class);
      assertEquals(new Echo("REAR BUMPER"), answer, "the local route answers the same task");
    }
    Map<String, Object> b = budget("other-client");
    long sent = models.requests("champion-model") - before;
    assertTrue(sent >= 1 && sent < 8, "some calls reached the model, the rest were rerouted: " + sent);
    assertEquals(8 - sent, number(b, "rerouted"));
    assertEquals(sent, number(b, "calls"));
    assertEquals(sent * 128, number(b, "spentTokens"));
    assertTrue(number(b, "spentTokens") <= 700);
  }

  @Test
  @Order(2)
  void fiftyConcurrentCallsCannotOvershootTheTaskBudget() throws Exception {
    int before = models.requests("champion-model");
    ExecutorService pool = Executors.newFixedThreadPool(50);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      Callable<Integer> call = () -> {
        go.await();
        try {
          HttpResponse<String> r = client.exchange(
              HttpRequest.POST("/test/echo", new Echo("trunk lid")).bearerAuth("test-key"), String.class);
          return r.getStatus().getCode();
        } catch (HttpClientResponseException e) {
          String body = e.getResponse().getBody(String.class).orElse("");
          assertEquals("application/problem+json", e.getResponse().getContentType().map(Object::toString).orElse(""));
          assertTrue(body.contains("budget echo-daily is spent"), body);
          return e.getStatus().getCode();
        }
      };
      results.add(pool.submit(call));
    }
    go.countDown();
    int ok = 0;
    int refused = 0;
    for (Future<Integer> f : results) {
      int status = f.get();
      if (status == 200) {
        ok++;
      } else {
        assertEquals(429, status);
        refused++;
      }
    }
    pool.shutdown();
    assertEquals(50, ok + refused);
    assertTrue(ok >= 1 && refused >= 1, ok + " answered, " + refused + " refused");
    assertEquals(ok, models.requests("champion-model") - before, "refused calls never reach the provider");

    Map<String, Object> b = budget("echo-daily");
    long spent = micros(b.get("spentUsd"));
    assertTrue(spent <= LIMIT_MICROS, "spent " + spent);
    assertEquals(number(b, "calls") * CALL_MICROS, spent, "settled from the reported usage");
    assertEquals(0, micros(b.get("reservedUsd")));
    assertTrue(number(b, "refused") >= refused);
  }
}
