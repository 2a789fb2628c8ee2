package com.carmutual.shared.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.shared.gateway.FakeProviderServer.Streamed;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The gateway's spans leave over OTLP/HTTP (protobuf) when {@code otel.traces.exporter=otlp} (the
 * {@code OTEL_*} environment variables set the same properties), with the configured headers, to a
 * real receiver on loopback; without that setting nothing is sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OtlpExportTest {
  record Export(String path, String contentType, String authorization, byte[] body) {
    boolean contains(String text) {
      return new String(body, StandardCharsets.ISO_8859_1).contains(text);
    }
  }

  HttpServer receiver;
  FakeProviderServer provider;
  final List<Export> exports = new CopyOnWriteArrayList<>();

  @BeforeAll
  void start() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
    receiver.createContext("/", ex -> {
      exports.add(new Export(ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst("Content-Type"),
          ex.getRequestHeaders().getFirst("Authorization"), ex.getRequestBody().readAllBytes()));
      // an empty ExportTraceServiceResponse: zero bytes of protobuf
      ex.getResponseHeaders().set("Content-Type", "application/x-protobuf");
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    receiver.start();
    provider = new FakeProviderServer("openai");
  }

  @AfterAll
  void stop() {
    receiver.stop(0);
    provider.close();
  }

  Map<String, Object> properties() {
    Map<String, Object> p = new HashMap<>();
    p.put("datasources.default.url", "jdbc:h2:mem:otlp-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    p.put("datasources.default.username", "sa");
    p.put("datasources.default.password", "");
    p.put("flyway.datasources.default.enabled", true);
    p.put("flyway.datasources.default.locations", "classpath:db/migration/shared");
    p.put("llm.providers.fake.type", "openai");
    p.put("llm.providers.fake.base-url", provider.baseUrl());
    p.put("llm.providers.fake.api-key", "test-openai-key");
    p.put("llm.routes.reply.task", "claims.reply");
    p.put("llm.routes.reply.targets", List.of(Map.of("provider", "fake", "model", "fake-model")));
    p.put("otel.exporter.otlp.endpoint", "http://127.0.0.1:" + receiver.getAddress().getPort());
    p.put("otel.exporter.otlp.protocol", "http/protobuf");
    p.put("otel.exporter.otlp.headers", "Authorization=Bearer test-otlp-key");
    p.put("otel.bsp.schedule.delay", "50");
    return p;
  }

  void streamOnce(Map<String, Object> p) {
    String task = (String) p.get("llm.routes.reply.task");
    provider.then(new Streamed(List.of("Noted."), 0));
    // closing the context shuts the SDK down, which sends what the batch processor still holds
    try (ApplicationContext ctx = ApplicationContext.builder().properties(p).environments("test").start()) {
      StreamingContract.Recorder r = new StreamingContract.Recorder();
      ctx.getBean(LlmGateway.class).stream(task, "Is my claim filed?", r);
      assertEquals("Noted.", r.text(), () -> String.valueOf(r.error));
    }
  }

  static void waitFor(java.util.function.BooleanSupplier condition, long millis) {
    long end = System.nanoTime() + millis * 1_000_000;
    while (!condition.getAsBoolean() && System.nanoTime() < end) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @Test
  void spansGoToTheOtlpReceiverWithTheConfiguredHeadersWhenEnabled() {
    exports.clear();
    Map<String, Object> p = properties();
    p.put("otel.traces.exporter", "otlp");
    streamOnce(p);
    // the SDK's shutdown sends what it holds, but its HTTP request may still be on its way
    waitFor(() -> exports.stream().anyMatch(x -> x.contains("chat fake-model")), 15_000);
    Export e = exports.stream().filter(x -> x.contains("chat fake-model")).findFirst()
        .orElseThrow(() -> new AssertionError("no export holds the span 'chat fake-model': " + exports.size() + " exports"));
    assertEquals("/v1/traces", e.path());
    assertEquals("application/x-protobuf", e.contentType());
    assertEquals("Bearer test-otlp-key", e.authorization());
    for (String attribute : List.of("gen_ai.operation.name", "gen_ai.request.model", "gen_ai.usage.input_tokens",
        "gen_ai.usage.output_tokens", "carmutual.llm.task", "claims.reply")) {
      assertTrue(e.contains(attribute), "the span carries " + attribute);
    }
    assertTrue(!e.contains("Is my claim filed?") && !e.contains("Noted."), "no prompt or answer text in spans");
  }

  @Test
  void nothingIsSentByDefault() {
    exports.clear();
    Map<String, Object> p = properties();
    p.put("llm.routes.reply.task", "claims.quiet"); // tells its spans from a late export of the other test
    streamOnce(p);
    // the same wait an enabled exporter would need (batch delay 50 ms), then still nothing
    waitFor(() -> exports.stream().anyMatch(x -> x.contains("claims.quiet")), 1_500);
    assertTrue(exports.stream().noneMatch(x -> x.contains("claims.quiet")), "a span was exported without otel.traces.exporter");
  }
}
