package com.carmutual.text2data.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * text2data.parse routed to a model: a fake OpenAI-compatible server on loopback answers with a
 * semantic query that agrees with the deterministic reading, disagrees with it, or names a metric
 * the layer does not define.
 */
class ModelRouteTest {
  private static HttpServer fake;
  private static final AtomicReference<String> ANSWER = new AtomicReference<>();
  private static final AtomicInteger CALLS = new AtomicInteger();
  private static ApplicationContext context;
  private static HttpClient http;

  @BeforeAll
  static void start() throws IOException {
    fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    fake.createContext("/v1/chat/completions", exchange -> {
      exchange.getRequestBody().readAllBytes();
      CALLS.incrementAndGet();
      String body = JsonMapper.createDefault().writeValueAsString(Map.of(
          "id", "chatcmpl-1", "object", "chat.completion", "model", "gpt-4o",
          "choices", List.of(Map.of("index", 0, "finish_reason", "stop", "message", Map.of("role", "assistant", "content", ANSWER.get()))),
          "usage", Map.of("prompt_tokens", 900, "completion_tokens", 60, "total_tokens", 960)));
      byte[] out = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, out.length);
      exchange.getResponseBody().write(out);
      exchange.close();
    });
    fake.start();
    Map<String, Object> props = new HashMap<>();
    props.put("llm.routes.t2d-parse.task", "text2data.parse");
    props.put("llm.routes.t2d-parse.targets", List.of(Map.of("provider", "openai", "model", "gpt-4o")));
    props.put("llm.providers.openai.base-url", "http://127.0.0.1:" + fake.getAddress().getPort());
    props.put("llm.providers.openai.api-key", "test");
    props.put("datasources.default.url", "jdbc:h2:mem:t2d-model-route;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    context = ApplicationContext.run(EmbeddedServer.class, props, "test").getApplicationContext();
    http = HttpClient.create(context.getBean(EmbeddedServer.class).getURL());
  }

  @AfterAll
  static void stop() {
    http.close();
    context.close();
    fake.stop(0);
  }

  private static String modelSays(String metrics, String dims) {
    return """
        {"status":"answered","language":"en","query":{"kind":"metrics","metrics":%s,"dimensions":%s,
         "time":{"start":"2025-01-01","end":"2025-04-01","expr":"last_quarter"}}}""".formatted(metrics, dims);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> ask(String question) {
    return http.toBlocking().retrieve(HttpRequest.POST("/v1/ask", Map.of("question", question, "asOf", "2025-06-18")).bearerAuth("test-key"), Map.class);
  }

  @Test
  void anAgreeingModelAnswers() {
    ANSWER.set(modelSays("[\"claim_count\"]", "[\"claim.claim_type\"]"));
    int before = CALLS.get();
    Map<String, Object> a = ask("Claim count by claim type for last quarter");
    assertTrue(CALLS.get() > before, "the model route was called");
    assertEquals("answered", a.get("status"), String.valueOf(a));
    assertEquals(List.of("claim_type", "claim_count"), a.get("columns"));
    assertTrue(String.valueOf(a.get("reading")).contains("2025-01-01 to 2025-03-31"), String.valueOf(a.get("reading")));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aDisagreeingModelSendsBothReadingsBack() {
    ANSWER.set(modelSays("[\"claimed_amount\"]", "[\"claim.claim_type\"]"));
    Map<String, Object> a = ask("Claim count by claim type for last quarter");
    assertEquals("clarify", a.get("status"), String.valueOf(a));
    List<String> options = (List<String>) a.get("suggestions");
    assertEquals(2, options.size(), String.valueOf(options));
    assertTrue(options.get(0).contains("number of claims") && options.get(1).contains("claimed amount"), String.valueOf(options));
    assertTrue(((List<?>) a.get("rows")).isEmpty(), "no number when the readings disagree");
  }

  @Test
  void aModelQueryNamingWhatTheLayerDoesNotDefineIsNeverExecuted() {
    ANSWER.set(modelSays("[\"profit_margin\"]", "[\"claim.claim_type\"]"));
    Map<String, Object> a = ask("Claim count by claim type for last quarter");
    assertEquals("answered", a.get("status"), "the complete deterministic reading answers instead: " + a);
    assertFalse(String.valueOf(a.get("sql")).contains("profit"), String.valueOf(a.get("sql")));
    assertEquals(List.of("claim_type", "claim_count"), a.get("columns"));

    ANSWER.set(modelSays("[\"claim_count\"]", "[\"claim.weather\"]"));
    Map<String, Object> b = ask("claims by weather last quarter");
    assertFalse("answered".equals(b.get("status")), "an unknown dimension from the model is rejected: " + b);
  }
}
