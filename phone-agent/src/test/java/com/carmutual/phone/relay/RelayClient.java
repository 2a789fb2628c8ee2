package com.carmutual.phone.relay;

import com.carmutual.phone.SignedTwilio;
import com.carmutual.phone.twilio.TwilioSignature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Plays Twilio's side of a ConversationRelay session with the JDK's WebSocket client over loopback:
 * a signed handshake, then {@code setup}, {@code prompt}, {@code dtmf} and {@code interrupt} messages;
 * collects what the service sends back.
 */
final class RelayClient implements WebSocket.Listener, AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
  final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  final WebSocket socket;

  /** Connects to {@code pathAndQuery} on the local port, signed for the public wss URL (or with {@code signature}). */
  RelayClient(HttpClient http, int port, String pathAndQuery, String signature) {
    String publicUrl = SignedTwilio.PUBLIC_BASE.replaceFirst("^http", "ws") + pathAndQuery;
    String sig = signature != null ? signature : TwilioSignature.sign(SignedTwilio.TOKEN, publicUrl, Map.of());
    this.socket = http.newWebSocketBuilder()
        .header("X-Twilio-Signature", sig)
        .buildAsync(URI.create("ws://127.0.0.1:" + port + pathAndQuery), this)
        .join();
  }

  RelayClient send(Map<String, Object> message) {
    try {
      socket.sendText(JSON.writeValueAsString(message), true).join();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return this;
  }

  RelayClient setup(String callSid) {
    return send(Map.of("type", "setup", "sessionId", "VX" + callSid, "callSid", callSid, "from", "+14155550100",
        "to", "+15550002222", "direction", "inbound", "customParameters", Map.of()));
  }

  RelayClient prompt(String said, String lang) {
    return send(Map.of("type", "prompt", "voicePrompt", said, "lang", lang, "last", true));
  }

  /**
   * The messages up to the reply's {@code last: true} token, and an {@code end} if one follows within 50 ms
   * (the server sends it synchronously right after the last token; an {@code end} that comes later is the
   * first message of the next {@code reply()}).
   */
  List<JsonNode> reply() throws InterruptedException {
    return reply(50);
  }

  /** As {@link #reply()}, waiting up to {@code endWaitMillis} for an {@code end} after the last token. */
  List<JsonNode> reply(long endWaitMillis) throws InterruptedException {
    List<JsonNode> out = new ArrayList<>();
    while (true) {
      JsonNode m = received.poll(10, TimeUnit.SECONDS);
      if (m == null) {
        throw new AssertionError("no reply; got " + out);
      }
      out.add(m);
      if ("end".equals(m.path("type").asText())) {
        return out;
      }
      if ("text".equals(m.path("type").asText()) && m.path("last").asBoolean()) {
        JsonNode end = received.poll(endWaitMillis, TimeUnit.MILLISECONDS);
        if (end != null) {
          out.add(end);
        }
        return out;
      }
    }
  }

  static String text(List<JsonNode> messages) {
    StringBuilder b = new StringBuilder();
    messages.stream().filter(m -> "text".equals(m.path("type").asText())).forEach(m -> b.append(m.path("token").asText()));
    return b.toString();
  }

  static boolean ends(List<JsonNode> messages) {
    return messages.stream().anyMatch(m -> "end".equals(m.path("type").asText()));
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      try {
        received.add(JSON.readTree(partial.toString()));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.complete(-1);
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
  }
}
