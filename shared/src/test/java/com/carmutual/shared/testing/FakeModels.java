package com.carmutual.shared.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake OpenAI chat-completions server on loopback playing the {@code test.echo} task with one
 * behaviour per model name: {@code upper} answers the input text in upper case, {@code reverse}
 * also reverses its words, {@code fail} answers 500 and {@code garbage} text outside the schema;
 * each model may be slowed down. Every answer reports 120 prompt and 8 completion tokens. Requests
 * are served concurrently.
 */
public final class FakeModels implements AutoCloseable {
  private static final Pattern TEXT = Pattern.compile("\\\\\"text\\\\\":\\\\\"(.*?)\\\\\"");
  private static final Pattern MODEL = Pattern.compile("\"model\"\\s*:\\s*\"([^\"]+)\"");

  /** What a model does. */
  public enum Mode { UPPER, REVERSE, FAIL, GARBAGE }

  private record Behaviour(Mode mode, long delayMillis) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(64);
  private final Map<String, Behaviour> models = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> requestsByModel = new ConcurrentHashMap<>();

  public FakeModels() throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Makes {@code model} behave as {@code mode} after {@code delayMillis}; unknown models answer {@code upper}. */
  public FakeModels model(String model, Mode mode, long delayMillis) {
    models.put(model, new Behaviour(mode, delayMillis));
    return this;
  }

  public int requests(String model) {
    AtomicInteger n = requestsByModel.get(model);
    return n == null ? 0 : n.get();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Matcher mm = MODEL.matcher(body);
      String model = mm.find() ? mm.group(1) : "?";
      requestsByModel.computeIfAbsent(model, m -> new AtomicInteger()).incrementAndGet();
      Behaviour b = models.getOrDefault(model, new Behaviour(Mode.UPPER, 0));
      if (b.delayMillis() > 0) {
        try {
          Thread.sleep(b.delayMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (b.mode() == Mode.FAIL) {
        send(ex, 500, "{\"error\":{\"message\":\"injected failure\",\"type\":\"server_error\"}}");
        return;
      }
      Matcher m = TEXT.matcher(body);
      String answer = (m.find() ? m.group(1) : "").toUpperCase(Locale.ROOT);
      if (b.mode() == Mode.REVERSE) {
        List<String> words = new ArrayList<>(List.of(answer.split(" ")));
        Collections.reverse(words);
        answer = String.join(" ", words);
      }
      String content = b.mode() == Mode.GARBAGE ? "not json at all" : "{\\\"text\\\":\\\"" + answer + "\\\"}";
      send(ex, 200, "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"" + model + "\","
          + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + content
          + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":8,"
          + "\"total_tokens\":128}}");
    }
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
