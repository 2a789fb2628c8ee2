package com.carmutual.phone.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.phone.SignedTwilio;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The relay with a model route for {@code phone.reply} pointing at a fake OpenAI-compatible server
 * on loopback that streams: the model's words reach the WebSocket one by one while the model is
 * still writing (the fake holds its last piece until the test has seen the first over the socket),
 * then {@code last: true} (the welcome greeting is in the TwiML; the first prompt's answer is streamed); a model that fails before its first word leaves the script's words.
 */
@MicronautTest(environments = "test")
@Property(name = "phone.transport.overrides", value = "+15550002222=relay")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelayStreamingTest implements TestPropertyProvider {
  /** A streaming chat-completions server; {@code failNext} answers 500 once. */
  static final class FakeModel implements AutoCloseable {
    final HttpServer server;
    final List<String> requests = new CopyOnWriteArrayList<>();
    volatile CountDownLatch firstTokenSeen = new CountDownLatch(0);
    volatile boolean failNext;

    FakeModel() throws IOException {
      System.setProperty("sun.net.httpserver.nodelay", "true");
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 20);
      server.createContext("/v1/chat/completions", this::handle);
      server.setExecutor(Executors.newCachedThreadPool());
      server.start();
    }

    private void handle(HttpExchange ex) throws IOException {
      requests.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      if (failNext) {
        failNext = false;
        byte[] body = "{\"error\":{\"message\":\"scripted\",\"type\":\"server_error\"}}".getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(500, body.length);
        ex.getResponseBody().write(body);
        ex.close();
        return;
      }
      ex.getResponseHeaders().set("Content-Type", "text/event-stream");
      ex.sendResponseHeaders(200, 0);
      try (OutputStream out = ex.getResponseBody()) {
        chunk(out, "Thanks for calling. ");
        chunk(out, "How would you rate ");
        try {
          // the last piece waits until the caller's side has heard the first: proof of streaming
          firstTokenSeen.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        chunk(out, "our service?");
        write(out, "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":50,\"completion_tokens\":9}}\n\ndata: [DONE]\n\n");
      } catch (IOException e) {
        // the gateway hung up
      }
    }

    private static void chunk(OutputStream out, String text) throws IOException {
      write(out, "data: {\"id\":\"c1\",\"model\":\"voice-model\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
          + text + "\"},\"finish_reason\":null}]}\n\n");
    }

    private static void write(OutputStream out, String s) throws IOException {
      out.write(s.getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }

  final FakeModel model;

  RelayStreamingTest() {
    try {
      model = new FakeModel();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Map<String, String> getProperties() {
    return Map.ofEntries(
        Map.entry("datasources.default.url", "jdbc:h2:mem:phone-relay-stream;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1"),
        Map.entry("llm.providers.voice.type", "openai"),
        Map.entry("llm.providers.voice.base-url", "http://127.0.0.1:" + model.server.getAddress().getPort()),
        Map.entry("llm.providers.voice.api-key", "test-voice-key"),
        Map.entry("llm.routes.reply.task", "phone.reply"),
        Map.entry("llm.routes.reply.targets[0].provider", "voice"),
        Map.entry("llm.routes.reply.targets[0].model", "voice-model"),
        Map.entry("llm.routes.reply.max-retries", "0"),
        // generous: a cold service on a loaded 2-core machine is slow to its first call and first token
        Map.entry("llm.routes.reply.first-token-timeout", "20s"),
        Map.entry("llm.routes.reply.idle-timeout", "30s"),
        Map.entry("micronaut.http.client.read-timeout", "60s"));
  }

  @Inject
  EmbeddedServer server;

  @Inject
  @Client("/")
  io.micronaut.http.client.HttpClient client;

  final HttpClient http = HttpClient.newHttpClient();

  @AfterAll
  void stopModel() {
    model.close();
  }

  @BeforeEach
  void reset() {
    model.requests.clear();
    model.failNext = false;
  }

  String startRelayCall(String callSid) {
    Map<String, String> p = SignedTwilio.callParams(callSid);
    p.put("To", RelayOverWebSocketTest.RELAY_NUMBER);
    String twiml = new SignedTwilio(client).post("/voice/csat?lang=en", p).body();
    Matcher m = Pattern.compile("<ConversationRelay url=\"wss://phone\\.example\\.test([^\"]+)\"").matcher(twiml);
    assertTrue(m.find(), twiml);
    return m.group(1).replace("&amp;", "&");
  }

  /** As {@link RelayClient#reply()}, with a wait for a loaded machine (the first turn of a cold service). */
  static List<JsonNode> reply(RelayClient ws) throws InterruptedException {
    List<JsonNode> out = new ArrayList<>();
    while (true) {
      JsonNode m = ws.received.poll(60, TimeUnit.SECONDS);
      if (m == null) {
        throw new AssertionError("no reply; got " + out);
      }
      out.add(m);
      if ("text".equals(m.path("type").asText()) && m.path("last").asBoolean()) {
        return out;
      }
    }
  }

  @Test
  void theModelsWordsReachTwilioAsTheyArriveThenLastTrue() throws Exception {
    CountDownLatch seen = new CountDownLatch(1);
    model.firstTokenSeen = seen;
    String path = startRelayCall("CAstream1");
    try (RelayClient ws = new RelayClient(http, server.getPort(), path, null)) {
      ws.setup("CAstream1").prompt("four", "en-US");
      JsonNode first = ws.received.poll(60, TimeUnit.SECONDS);
      assertNotNull(first, "no first token");
      assertEquals("text", first.path("type").asText());
      assertEquals("Thanks for calling. ", first.path("token").asText());
      assertFalse(first.path("last").asBoolean());
      seen.countDown();
      List<JsonNode> rest = reply(ws);
      List<JsonNode> all = new ArrayList<>(List.of(first));
      all.addAll(rest);
      assertEquals("Thanks for calling. How would you rate our service?", RelayClient.text(all));
      JsonNode last = all.get(all.size() - 1);
      assertTrue(last.path("last").asBoolean(), all.toString());
      assertEquals("", last.path("token").asText());
      assertEquals(1, all.stream().filter(m -> m.path("last").asBoolean()).count(), all.toString());
    }
    String body = model.requests.get(0);
    assertTrue(body.contains("\"stream\":true"), body);
    assertTrue(body.contains("\\\"lang\\\":\\\"en\\\""), body);
  }

  @Test
  void aModelFailingBeforeItsFirstWordLeavesTheScriptsWords() throws Exception {
    model.failNext = true;
    String path = startRelayCall("CAstream2");
    try (RelayClient ws = new RelayClient(http, server.getPort(), path, null)) {
      ws.setup("CAstream2").prompt("four", "en-US");
      List<JsonNode> reply = reply(ws);
      String text = RelayClient.text(reply);
      assertFalse(text.contains("Thanks for calling. How would you rate"), text);
      assertFalse(text.isBlank());
      assertTrue(reply.size() > 2, "the script's words go word by word: " + reply);
    }
    assertEquals(1, model.requests.size());
  }
}
