package com.carmutual.shared.gateway.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.shared.gateway.LlmCalls;
import com.carmutual.shared.gateway.LlmGateway;
import com.carmutual.shared.gateway.local.LocalTask;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.annotation.Serdeable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The trace endpoints over HTTP, on a service with no datasource at all: the gateway still works
 * and keeps its traces in memory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LlmCallsControllerTest {
  @Serdeable
  record Question(String text) {}

  @Serdeable
  record Answer(String text) {}

  static final class Echo implements LocalTask<Question, Answer> {
    @Override
    public String task() {
      return "test.echo-local";
    }

    @Override
    public Answer run(Question input, List<com.carmutual.shared.gateway.ImageInput> images) {
      return new Answer(input.text().toUpperCase());
    }
  }

  private ApplicationContext ctx;
  private String base;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start() {
    ctx = ApplicationContext.builder()
        .properties(Map.of("micronaut.server.port", -1, "datasources.default.enabled", false))
        .environments("test")
        .singletons(new Echo())
        .start();
    EmbeddedServer server = ctx.getBean(EmbeddedServer.class);
    server.start();
    base = "http://127.0.0.1:" + server.getPort();
  }

  @AfterAll
  void stop() {
    ctx.close();
  }

  private HttpResponse<String> get(String path, String key) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void listsAndShowsTracedCallsToAuthenticatedCallersOnly() throws Exception {
    LlmGateway gw = ctx.getBean(LlmGateway.class);
    assertEquals(new Answer("HELLO ZHANG@EXAMPLE.COM"),
        gw.structured("test.echo-local", new Question("hello zhang@example.com"), Answer.class));
    assertTrue(ctx.getBean(LlmCalls.class).flush(Duration.ofSeconds(5)));

    assertEquals(401, get("/v1/llmops/calls", null).statusCode());
    HttpResponse<String> list = get("/v1/llmops/calls?task=test.echo-local&outcome=ok&limit=5", "test-key");
    assertEquals(200, list.statusCode(), list.body());
    assertTrue(list.body().contains("\"provider\":\"local\""), list.body());
    assertTrue(!list.body().contains("zhang@example.com") && !list.body().contains("ZHANG@EXAMPLE.COM"),
        "traces are redacted: " + list.body());
    String id = list.body().replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
    HttpResponse<String> one = get("/v1/llmops/calls/" + id, "test-key");
    assertEquals(200, one.statusCode(), one.body());
    assertTrue(one.body().contains("\"task\":\"test.echo-local\""), one.body());

    assertEquals("[]", get("/v1/llmops/calls?task=test.echo-local&from=2999-01-01T00:00:00Z", "test-key").body());
  }

  @Test
  void answersProblemsForBadFiltersAndUnknownIds() throws Exception {
    HttpResponse<String> bad = get("/v1/llmops/calls?from=yesterday", "test-key");
    assertEquals(400, bad.statusCode());
    assertTrue(bad.body().contains("bad-time"), bad.body());
    assertEquals(400, get("/v1/llmops/calls?limit=0", "test-key").statusCode());
    HttpResponse<String> missing = get("/v1/llmops/calls/no-such-call", "test-key");
    assertEquals(404, missing.statusCode());
    assertTrue(missing.body().contains("not-found"), missing.body());
  }
}
