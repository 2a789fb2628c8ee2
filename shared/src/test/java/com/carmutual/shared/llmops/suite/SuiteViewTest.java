package com.carmutual.shared.llmops.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.shared.gateway.ImageInput;
import com.carmutual.shared.gateway.LlmCalls;
import com.carmutual.shared.gateway.LlmGateway;
import com.carmutual.shared.gateway.local.LocalTask;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two real services on loopback, each with its own configuration and calls, and a third peer whose
 * port is closed: either service's suite view lists both services' calls and tasks, shows the
 * closed one as down and an endpoint no service has yet as absent, within the peer timeout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuiteViewTest {
  static final class Echo implements LocalTask<String, String> {
    private final String task;

    Echo(String task) {
      this.task = task;
    }

    @Override
    public String task() {
      return task;
    }

    @Override
    public String run(String input, List<ImageInput> images) {
      return input.toUpperCase();
    }
  }

  final JsonMapper mapper = JsonMapper.createDefault();
  final HttpClient http = HttpClient.newHttpClient();
  ApplicationContext vin;
  ApplicationContext claims;
  int closedPort;
  /** A service with a task list and one challenger, but no calls list (answers 404 there). */
  com.sun.net.httpserver.HttpServer phone;

  @BeforeAll
  void start() throws Exception {
    int vinPort;
    int claimsPort;
    try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0); ServerSocket c = new ServerSocket(0)) {
      vinPort = a.getLocalPort();
      claimsPort = b.getLocalPort();
      closedPort = c.getLocalPort();
    }
    phone = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 10);
    phone.createContext("/", ex -> {
      String path = ex.getRequestURI().getPath();
      boolean keyed = "Bearer test-key".equals(ex.getRequestHeaders().getFirst("Authorization"));
      String body = !keyed ? null
          : path.equals("/v1/llmops/tasks") ? "[{\"task\":\"phone.reply\"},{\"task\":\"phone.extract\"}]"
          : path.equals("/v1/llmops/tasks/phone.reply/challenger") ? "{\"route\":\"v2\",\"sampleRate\":0.1}"
          : null;
      byte[] bytes = (body == null ? "{\"status\":404}" : body).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(!keyed ? 401 : body == null ? 404 : 200, bytes.length);
      ex.getResponseBody().write(bytes);
      ex.close();
    });
    phone.start();
    vin = service(vinPort, "vin.rerank", vinPort, claimsPort);
    claims = service(claimsPort, "claims.damage", vinPort, claimsPort);
    // one traced call in each service, so each has calls of its own
    vin.getBean(LlmGateway.class).stream("vin.rerank", "vin call", new Quiet());
    claims.getBean(LlmGateway.class).stream("claims.damage", "claims call", new Quiet());
    assertTrue(vin.getBean(LlmCalls.class).flush(Duration.ofSeconds(5)));
    assertTrue(claims.getBean(LlmCalls.class).flush(Duration.ofSeconds(5)));
  }

  ApplicationContext service(int port, String task, int vinPort, int claimsPort) {
    Map<String, Object> p = new HashMap<>();
    p.put("micronaut.server.port", port);
    // each service its own database, as in production (the tasks list reads stored versions)
    p.put("datasources.default.url", "jdbc:h2:mem:suite-" + port + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    p.put("datasources.default.username", "sa");
    p.put("datasources.default.password", "");
    p.put("datasources.default.dialect", "POSTGRES");
    p.put("flyway.datasources.default.enabled", true);
    p.put("flyway.datasources.default.locations", "classpath:db/migration/shared");
    p.put("suite.llmops.peers.vin-matching", "http://127.0.0.1:" + vinPort);
    p.put("suite.llmops.peers.claims-agent", "http://127.0.0.1:" + claimsPort + "/");
    // the list form, as SUITE_LLMOPS_PEER_URLS sets it
    p.put("suite.llmops.peer-urls", "text2data=http://127.0.0.1:" + closedPort
        + ", phone-agent=http://127.0.0.1:" + phone.getAddress().getPort());
    p.put("suite.llmops.client-key", "test-key");
    p.put("suite.llmops.peer-timeout", "3s");
    ApplicationContext ctx = ApplicationContext.builder().properties(p).environments("test")
        .singletons(new Echo(task)).start();
    ctx.getBean(EmbeddedServer.class).start();
    return ctx;
  }

  @AfterAll
  void stop() {
    vin.close();
    claims.close();
    phone.stop(0);
  }

  static final class Quiet implements com.carmutual.shared.gateway.StreamListener {
    @Override
    public void onToken(String text) {}

    @Override
    public void onComplete(com.carmutual.shared.gateway.StreamResult result) {}

    @Override
    public void onError(com.carmutual.shared.gateway.LlmException error) {
      throw new AssertionError(error);
    }
  }

  HttpResponse<String> get(ApplicationContext service, String path, String key) throws Exception {
    int port = service.getBean(EmbeddedServer.class).getPort();
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonNode read(String body) throws java.io.IOException {
    return mapper.readValue(body, JsonNode.class);
  }

  JsonNode service(JsonNode view, String name) {
    for (JsonNode s : view.get("services").values()) {
      if (s.get("service").getStringValue().equals(name)) {
        return s;
      }
    }
    throw new AssertionError(name + " missing from " + view);
  }

  @Test
  void eitherServiceShowsTheCallsOfBothAndTheClosedOneAsDown() throws Exception {
    for (ApplicationContext asked : List.of(vin, claims)) {
      long t0 = System.nanoTime();
      HttpResponse<String> r = get(asked, "/v1/llmops/suite/calls?limit=10", "other-key");
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertEquals(200, r.statusCode(), r.body());
      JsonNode view = read(r.body());
      assertEquals("calls", view.get("view").getStringValue());
      assertEquals(4, view.get("services").size(), r.body());
      JsonNode v = service(view, "vin-matching");
      assertEquals("up", v.get("status").getStringValue(), r.body());
      assertEquals("vin.rerank", v.get("items").get(0).get("task").getStringValue(), r.body());
      assertEquals(1, v.get("items").size());
      JsonNode c = service(view, "claims-agent");
      assertEquals("up", c.get("status").getStringValue(), r.body());
      assertEquals("claims.damage", c.get("items").get(0).get("task").getStringValue());
      JsonNode t = service(view, "text2data");
      assertEquals("down", t.get("status").getStringValue(), r.body());
      assertEquals("connection refused", t.get("error").getStringValue());
      assertEquals("absent", service(view, "phone-agent").get("status").getStringValue(), r.body());
      assertTrue(ms < 3_000, "took " + ms + " ms");
    }
  }

  @Test
  void listsTasksAndEachTasksChallengerWhereThereIsOne() throws Exception {
    JsonNode tasks = read(get(claims, "/v1/llmops/suite/tasks", "test-key").body());
    assertEquals("up", service(tasks, "vin-matching").get("status").getStringValue(), mapper.writeValueAsString(tasks));
    assertTrue(service(tasks, "vin-matching").get("items").isArray());
    JsonNode challengers = read(get(claims, "/v1/llmops/suite/challengers", "test-key").body());
    String text = mapper.writeValueAsString(challengers);
    JsonNode phoneItems = service(challengers, "phone-agent").get("items");
    assertEquals(1, phoneItems.size(), text);
    assertEquals("phone.reply", phoneItems.get(0).get("task").getStringValue(), text);
    assertEquals("v2", phoneItems.get(0).get("route").getStringValue(), text);
    // no challenger on the real services (a 404 per task): up, nothing listed
    assertEquals("up", service(challengers, "vin-matching").get("status").getStringValue(), text);
    assertEquals(0, service(challengers, "vin-matching").get("items").size(), text);
    assertEquals("down", service(challengers, "text2data").get("status").getStringValue());
  }

  @Test
  void aWrongPeerKeyIsShownAsAnErrorNamingTheSetting() throws Exception {
    try (ApplicationContext lone = ApplicationContext.builder()
        .properties(Map.of("micronaut.server.port", -1, "datasources.default.enabled", false,
            "suite.llmops.peers.vin-matching", "http://127.0.0.1:" + vin.getBean(EmbeddedServer.class).getPort(),
            "suite.llmops.client-key", "not-a-key"))
        .environments("test").start()) {
      lone.getBean(EmbeddedServer.class).start();
      JsonNode view = read(get(lone, "/v1/llmops/suite/runs", "test-key").body());
      JsonNode v = service(view, "vin-matching");
      assertEquals("error", v.get("status").getStringValue(), view.toString());
      assertEquals(401, v.get("httpStatus").getIntValue());
      assertTrue(v.get("error").getStringValue().contains("suite.llmops.client-key"));
    }
  }

  @Test
  void badRequestsAreProblemsAndTheViewNeedsAKey() throws Exception {
    HttpResponse<String> unknown = get(vin, "/v1/llmops/suite/everything", "test-key");
    assertEquals(400, unknown.statusCode());
    assertTrue(unknown.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
    assertTrue(unknown.body().contains("calls"), unknown.body());
    assertEquals(400, get(vin, "/v1/llmops/suite/calls?limit=0", "test-key").statusCode());
    assertEquals(401, get(vin, "/v1/llmops/suite/calls", null).statusCode());
  }
}
