package com.carmutual.shared.llmops;

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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake OpenAI chat-completions server on loopback that plays the {@code test.echo} task: with
 * prompt v1 it answers the input text in upper case, with prompt v2 (marked {@code PROMPT-V2}) the
 * words in reverse order, so the two prompt versions score differently.
 */
final class FakeOpenAi implements AutoCloseable {
  private static final Pattern TEXT = Pattern.compile("\\\\\"text\\\\\":\\\\\"(.*?)\\\\\"");
  private final HttpServer server;
  final AtomicInteger requests = new AtomicInteger();

  FakeOpenAi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 20);
    server.createContext("/", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.incrementAndGet();
    if (!ex.getRequestURI().getPath().equals("/v1/chat/completions")
        || !"Bearer fake-key".equals(ex.getRequestHeaders().getFirst("Authorization"))) {
      send(ex, 404, "{\"error\":{\"message\":\"no\",\"type\":\"invalid_request_error\"}}");
      return;
    }
    Matcher m = TEXT.matcher(body);
    String text = m.find() ? m.group(1) : "";
    String answer = text.toUpperCase(Locale.ROOT);
    if (body.contains("PROMPT-V2")) {
      List<String> words = new ArrayList<>(List.of(answer.split(" ")));
      Collections.reverse(words);
      answer = String.join(" ", words);
    }
    String content = "{\\\"text\\\":\\\"" + answer + "\\\"}";
    send(
        ex,
        200,
        "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"fake-model\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
            + content
            + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":8,"
            + "\"total_tokens\":128}}");
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
