package com.carmutual.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request keeps its trace across services: the W3C {@code traceparent} that reaches a service
 * goes on, with the same trace id and a new parent span, to the service it calls (phone-agent to
 * claims-agent to vin-matching), with no exporter configured and so no network.
 */
class TracePropagationTest {
  private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

  private final List<String> seen = new CopyOnWriteArrayList<>();
  private HttpServer downstream;
  private EmbeddedServer service;

  @BeforeEach
  void start() throws Exception {
    downstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    downstream.createContext("/downstream", exchange -> {
      seen.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
      byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    downstream.start();
    service = ApplicationContext.run(EmbeddedServer.class, Map.of(
        "micronaut.server.port", "-1",
        "trace-probe.enabled", "true",
        "micronaut.http.services.downstream.url", "http://127.0.0.1:" + downstream.getAddress().getPort(),
        "suite.api-keys", "tester:test-key",
        "datasources.default.url", "jdbc:h2:mem:trace;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
        "datasources.default.dialect", "POSTGRES",
        "flyway.datasources.default.enabled", "true",
        "flyway.datasources.default.locations", "classpath:db/migration/shared"));
  }

  @AfterEach
  void stop() {
    service.getApplicationContext().close();
    downstream.stop(0);
  }

  private String call(String traceparent) throws Exception {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.getPort() + "/trace-probe"))
        .header("Authorization", "Bearer test-key");
    if (traceparent != null) {
      request.header("traceparent", traceparent);
    }
    var response = HttpClient.newHttpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return seen.get(seen.size() - 1);
  }

  @Test
  void theCallersTraceGoesOnToTheNextService() throws Exception {
    String incoming = "00-" + TRACE_ID + "-b7ad6b7169203331-01";
    String outgoing = call(incoming);
    String[] parts = outgoing.split("-");
    assertEquals(4, parts.length, "a W3C traceparent downstream, got " + outgoing);
    assertEquals(TRACE_ID, parts[1], "same trace");
    assertNotEquals("b7ad6b7169203331", parts[2], "a new span for the hop");
  }

  @Test
  void aRequestWithoutATraceStartsOne() throws Exception {
    String outgoing = call(null);
    assertNotNull(outgoing);
    assertTrue(outgoing.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"), outgoing);
  }
}
