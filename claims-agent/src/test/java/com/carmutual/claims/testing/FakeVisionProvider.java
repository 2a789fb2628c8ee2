package com.carmutual.claims.testing;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake OpenAI-compatible vision provider on loopback: answers every chat completion with the
 * given {@code claims.damage} JSON and records the request bodies. {@link #startClaimsAgent} runs
 * the service with task claims.damage routed to it.
 */
public final class FakeVisionProvider implements AutoCloseable {
  private final HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  public FakeVisionProvider(String damagesJson) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/chat/completions", exchange -> {
      requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      String answer = JsonMapper.createDefault().writeValueAsString(Map.of(
          "id", "chatcmpl-1", "object", "chat.completion", "model", "gpt-4o",
          "choices", List.of(Map.of("index", 0, "finish_reason", "stop", "message", Map.of("role", "assistant", "content", damagesJson))),
          "usage", Map.of("prompt_tokens", 1200, "completion_tokens", 80, "total_tokens", 1280)));
      byte[] out = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, out.length);
      exchange.getResponseBody().write(out);
      exchange.close();
    });
    server.start();
  }

  /** The request bodies received so far. */
  public List<String> requests() {
    return requests;
  }

  /** The claims agent on an embedded server and its own in-memory database, its damage task routed to this provider. */
  public ApplicationContext startClaimsAgent(String databaseName) {
    Map<String, Object> props = new HashMap<>();
    props.put("llm.routes.claims-damage.task", "claims.damage");
    props.put("llm.routes.claims-damage.targets", List.of(Map.of("provider", "openai", "model", "gpt-4o")));
    props.put("llm.providers.openai.base-url", "http://127.0.0.1:" + server.getAddress().getPort());
    props.put("llm.providers.openai.api-key", "test");
    props.put("datasources.default.url", "jdbc:h2:mem:" + databaseName + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    return ApplicationContext.run(EmbeddedServer.class, props, "test").getApplicationContext();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
