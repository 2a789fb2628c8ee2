package com.carmutual.shared.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.function.UnaryOperator;

/**
 * A fake OpenAI or Anthropic server on loopback speaking the real wire format. Each request takes
 * the next scripted {@link Reply} (or answers with {@code answer}, which maps the request body to
 * the output JSON); every request body is recorded.
 */
final class FakeProviderServer implements AutoCloseable {
  /** What to do with one request. */
  sealed interface Reply {}

  record Answer(String outputJson) implements Reply {}

  record Status(int status, String retryAfter) implements Reply {}

  record Hang(long millis) implements Reply {}

  record CloseConnection() implements Reply {}

  record RawBody(String body) implements Reply {}

  /** A streamed answer ({@code "stream": true}): the pieces, the first after a delay. */
  record Streamed(List<String> pieces, long firstDelayMillis) implements Reply {}

  /** Streams the pieces, then sends nothing for {@code stallMillis} and drops the connection. */
  record Stalled(List<String> pieces, long stallMillis) implements Reply {}

  /** Streams the pieces, then one raw server-sent-events block (e.g. a chunk that is not JSON). */
  record BrokenAfter(List<String> pieces, String rawEvent) implements Reply {}

  /** Streams the pieces, then the wire format's error event. */
  record ErrorAfter(List<String> pieces) implements Reply {}

  final String type;
  final List<String> requests = new CopyOnWriteArrayList<>();
  final List<Map<String, List<String>>> headers = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
  private volatile UnaryOperator<String> answer = body -> "{}";
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();

  FakeProviderServer(String type) throws IOException {
    this.type = type;
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  FakeProviderServer then(Reply... replies) {
    script.addAll(List.of(replies));
    return this;
  }

  FakeProviderServer answering(UnaryOperator<String> answer) {
    this.answer = answer;
    return this;
  }

  void reset() {
    script.clear();
    requests.clear();
    headers.clear();
    answer = body -> "{}";
  }

  private void handle(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(body);
    headers.add(Map.copyOf(ex.getRequestHeaders()));
    String path = ex.getRequestURI().getPath();
    boolean authorized = type.equals("openai")
        ? "Bearer test-openai-key".equals(ex.getRequestHeaders().getFirst("Authorization"))
        : "test-anthropic-key".equals(ex.getRequestHeaders().getFirst("x-api-key"))
            && "2023-06-01".equals(ex.getRequestHeaders().getFirst("anthropic-version"));
    if (!authorized) {
      send(ex, 401, error(401, "authentication_error", "bad key"), null);
      return;
    }
    if (!path.equals(type.equals("openai") ? "/v1/chat/completions" : "/v1/messages")
        && !path.equals("/v1/embeddings")) {
      send(ex, 404, error(404, "not_found_error", "no such path " + path), null);
      return;
    }
    Reply reply = script.poll();
    if (reply == null) {
      reply = new Answer(answer.apply(body));
    }
    if (reply instanceof Answer a && body.contains("\"stream\":true")) {
      reply = new Streamed(FakeStreams.pieces(a.outputJson()), 0);
    }
    if (reply instanceof Streamed || reply instanceof Stalled || reply instanceof BrokenAfter
        || reply instanceof ErrorAfter) {
      new FakeStreams(type).send(ex, reply);
      return;
    }
    if (reply instanceof Answer a) {
      send(ex, 200, success(a.outputJson(), body), null);
    } else if (reply instanceof Status s) {
      send(ex, s.status(), error(s.status(), s.status() == 429 ? "rate_limit_error" : "api_error",
          "scripted " + s.status()), s.retryAfter());
    } else if (reply instanceof Hang h) {
      try {
        Thread.sleep(h.millis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      send(ex, 200, success("{}", body), null);
    } else if (reply instanceof CloseConnection) {
      // promise a body, send part of it, then close: the client sees the connection drop
      ex.sendResponseHeaders(200, 1000);
      ex.getResponseBody().write("{\"id\":".getBytes(StandardCharsets.UTF_8));
      ex.getResponseBody().flush();
      ex.close();
    } else if (reply instanceof RawBody r) {
      send(ex, 200, r.body(), null);
    }
  }

  private String success(String outputJson, String requestBody) {
    if (requestBody.contains("\"input\":[") && !requestBody.contains("\"messages\"")) {
      return "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":[0.1,0.2,0.3]}],"
          + "\"model\":\"e\",\"usage\":{\"prompt_tokens\":5,\"total_tokens\":5}}";
    }
    if (type.equals("openai")) {
      return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"fake-model\","
          + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + quote(outputJson)
          + "},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1000,\"completion_tokens\":200,"
          + "\"total_tokens\":1200,\"prompt_tokens_details\":{\"cached_tokens\":400}}}";
    }
    String block = requestBody.contains("\"tool_choice\"") && isJsonObject(outputJson)
        ? "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"answer\",\"input\":" + outputJson + "}"
        : "{\"type\":\"text\",\"text\":" + quote(outputJson) + "}";
    return "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"fake-model\",\"content\":["
        + block + "],\"stop_reason\":\"tool_use\",\"usage\":{\"input_tokens\":600,\"output_tokens\":200,"
        + "\"cache_read_input_tokens\":400}}";
  }

  private String error(int status, String kind, String message) {
    return type.equals("openai")
        ? "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + kind + "\",\"param\":null,\"code\":null}}"
        : "{\"type\":\"error\",\"error\":{\"type\":\"" + kind + "\",\"message\":\"" + message + "\"}}";
  }

  private static void send(HttpExchange ex, int status, String body, String retryAfter) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    if (retryAfter != null) {
      ex.getResponseHeaders().set("Retry-After", retryAfter);
    }
    try {
      ex.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException e) {
      // the client gave up (timeout): nothing to answer
    }
  }

  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        default -> sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  private static boolean isJsonObject(String s) {
    try {
      return JSON.readValue(s, io.micronaut.json.tree.JsonNode.class).isObject();
    } catch (Exception e) {
      return false;
    }
  }

  private static final io.micronaut.json.JsonMapper JSON = io.micronaut.json.JsonMapper.createDefault();

  int count() {
    return requests.size();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
