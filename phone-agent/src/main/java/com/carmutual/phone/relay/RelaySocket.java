package com.carmutual.phone.relay;

import com.carmutual.phone.call.CallService;
import com.carmutual.phone.capacity.BoundedPool;
import com.carmutual.phone.capacity.CapacitySettings;
import com.carmutual.phone.privacy.LogMask;
import com.carmutual.phone.dialogue.Reply;
import com.carmutual.phone.twilio.TwilioSettings;
import com.carmutual.phone.twilio.TwilioSignature;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ConversationRelay WebSocket ({@code wss://…/voice/relay/{script}}). The handshake must carry a
 * valid {@code X-Twilio-Signature} for the URL (same key and URL rules as the webhooks). Then:
 * {@code setup} binds the session to its call by CallSid (state stays in the database, so a reconnect
 * or another instance continues the call); each final {@code prompt} and each keyed answer
 * ({@code dtmf}) is one turn of the same dialogue as the webhooks, answered as {@code text} tokens with
 * {@code last: true} at the end; {@code language} switches Twilio to Chinese when the caller speaks it;
 * {@code interrupt} stops the reply being sent; the call ends with {@code end}.
 */
@ServerWebSocket("/voice/relay/{script}")
final class RelaySocket {
  private static final Logger LOG = LoggerFactory.getLogger(RelaySocket.class);
  private static final int MAX_MESSAGE = 64 * 1024;
  /** Messages of one session waiting to be handled; Twilio sends one prompt a turn, so more is abuse. */
  static final int MAX_WAITING_PER_SESSION = 8;
  private static final java.util.concurrent.locks.Lock[] CALL_LOCKS = new java.util.concurrent.locks.Lock[64];

  static {
    for (int i = 0; i < CALL_LOCKS.length; i++) {
      CALL_LOCKS[i] = new java.util.concurrent.locks.ReentrantLock();
    }
  }

  private final CallService calls;
  private final TwilioSettings twilio;
  private final JsonMapper json;
  private final Executor executor;
  private final int maxSessions;
  private final ModelSpeech speech;
  private final Map<String, RelayCall> sessions = new ConcurrentHashMap<>();
  private final AtomicInteger open = new AtomicInteger();

  RelaySocket(CallService calls, TwilioSettings twilio, JsonMapper json, @Named(BoundedPool.RELAY) Executor executor,
      CapacitySettings capacity, ModelSpeech speech) {
    this.calls = calls;
    this.speech = speech;
    this.twilio = twilio;
    this.json = json;
    this.executor = executor;
    this.maxSessions = capacity.relaySessions();
  }

  @OnOpen
  void open(String script, WebSocketSession session, HttpRequest<?> request) {
    String query = request.getUri().getRawQuery();
    String url = calls.relayUrl(script) + (query == null || query.isEmpty() ? "" : "?" + query);
    String signature = request.getHeaders().get("X-Twilio-Signature");
    String httpsUrl = url.replaceFirst("^ws", "http");
    if (!TwilioSignature.valid(twilio.authToken(), url, Map.of(), signature)
        && !TwilioSignature.valid(twilio.authToken(), httpsUrl, Map.of(), signature)) {
      LOG.warn("refused ConversationRelay handshake for {} with {} signature", url, signature == null ? "no" : "a bad");
      session.close(CloseReason.POLICY_VIOLATION);
      return;
    }
    if (open.incrementAndGet() > maxSessions) {
      open.decrementAndGet();
      LOG.warn("{} ConversationRelay sessions open already: refused one more (1013, try again later)", maxSessions);
      session.close(CloseReason.TRY_AGAIN_LATER);
      return;
    }
    String lang = request.getParameters().getFirst("lang").orElse("en");
    sessions.put(session.getId(), new RelayCall(script, "zh".equals(lang) ? "zh" : "en"));
  }

  @OnMessage(maxPayloadLength = MAX_MESSAGE)
  void message(String script, String text, WebSocketSession session) {
    RelayCall call = sessions.get(session.getId());
    if (call == null) {
      return;
    }
    Map<String, Object> m;
    try {
      m = json.readValue(text, Argument.mapOf(String.class, Object.class));
    } catch (IOException | RuntimeException e) {
      LOG.info("ConversationRelay sent a message that is not JSON; ignored");
      return;
    }
    String type = String.valueOf(m.get("type"));
    if ("interrupt".equals(type)) {
      call.generation.incrementAndGet(); // stop the reply being sent now; the next prompt is answered
      return;
    }
    boolean queued = call.then(() -> handle(call, type, m, session), executor, MAX_WAITING_PER_SESSION, () -> busy(call, type, session));
    if (!queued) {
      LOG.warn("ConversationRelay session of {} sent {} messages ahead of its answers; dropped a {}", call.callSid,
          MAX_WAITING_PER_SESSION, type);
    }
  }

  /** No thread free for a turn: the caller is asked to say it again; the call's state is untouched. */
  private void busy(RelayCall call, String type, WebSocketSession session) {
    LOG.warn("ConversationRelay pool is full: {} of {} not handled", type, call.callSid);
    if ("prompt".equals(type) || "dtmf".equals(type)) {
      try {
        session.sendAsync(json.writeValueAsString(Map.of("type", "text", "token", "en".equals(call.lang)
            ? "Sorry, I missed that. Could you say it again?" : "抱歉，我没听清，请再说一遍。", "last", true)));
      } catch (IOException e) {
        LOG.info("could not send to ConversationRelay: {}", e.getMessage());
      }
    }
  }

  @OnClose
  void close(WebSocketSession session) {
    if (sessions.remove(session.getId()) != null) {
      open.decrementAndGet();
    }
  }

  /** Sessions open now. */
  int openSessions() {
    return open.get();
  }

  private void handle(RelayCall call, String type, Map<String, Object> m, WebSocketSession session) {
    // turns of one call never overlap here, even from two sessions (a reconnect while the last turn is stored)
    java.util.concurrent.locks.Lock lock = call.callSid == null ? null : CALL_LOCKS[Math.floorMod(call.callSid.hashCode(), CALL_LOCKS.length)];
    if (lock != null) {
      lock.lock();
    }
    try {
      handleLocked(call, type, m, session);
    } finally {
      if (lock != null) {
        lock.unlock();
      }
    }
  }

  private void handleLocked(RelayCall call, String type, Map<String, Object> m, WebSocketSession session) {
    try {
      switch (type) {
        case "setup" -> setup(call, m, session);
        case "prompt" -> {
          if (call.callSid != null && !Boolean.FALSE.equals(m.get("last")) && m.get("voicePrompt") != null) {
            calls.relayTurn(call.callSid, String.valueOf(m.get("voicePrompt")), null, reply -> answer(call, reply, session));
          }
        }
        case "dtmf" -> dtmf(call, String.valueOf(m.get("digit")), session);
        case "error" -> LOG.warn("ConversationRelay reported an error on {}: {}", call.callSid, LogMask.text(String.valueOf(m.get("description"))));
        default -> LOG.debug("ConversationRelay message {} ignored", type);
      }
    } catch (RuntimeException e) {
      LOG.warn("ConversationRelay turn of {} failed ({}: {})", call.callSid, e.getClass().getSimpleName(), LogMask.text(e.getMessage()));
      send(session, Map.of("type", "text", "token", "en".equals(call.lang)
          ? "Sorry, something went wrong. Please say that again." : "抱歉，出了点问题，请再说一遍。", "last", true));
    }
  }

  private void setup(RelayCall call, Map<String, Object> m, WebSocketSession session) {
    Object sid = m.get("callSid");
    if (sid == null || !String.valueOf(sid).matches("[A-Za-z0-9]{2,64}")) {
      session.close(CloseReason.UNSUPPORTED_DATA);
      return;
    }
    call.callSid = String.valueOf(sid);
    Map<String, String> params = new LinkedHashMap<>();
    params.put("From", m.get("from") == null ? null : String.valueOf(m.get("from")));
    params.put("To", m.get("to") == null ? null : String.valueOf(m.get("to")));
    params.put("Direction", m.get("direction") == null ? null : String.valueOf(m.get("direction")));
    calls.relaySetup(call.script, call.callSid, call.lang, params).ifPresent(greeting -> answer(call, greeting, session));
  }

  /** Keys arrive one at a time: a keys-only question collects them up to its length or '#'. */
  private void dtmf(RelayCall call, String digit, WebSocketSession session) {
    if (call.callSid == null || digit == null || digit.length() != 1) {
      return;
    }
    if (!call.keysOnly) {
      calls.relayTurn(call.callSid, null, digit, reply -> answer(call, reply, session));
      return;
    }
    if (!digit.equals("#")) {
      call.keys.append(digit);
    }
    boolean complete = digit.equals("#") || call.numDigits != null && call.keys.length() >= call.numDigits || call.keys.length() >= 32;
    if (complete) {
      String keys = call.keys.toString();
      call.keys.setLength(0);
      calls.relayTurn(call.callSid, null, keys.isEmpty() ? "#" : keys, reply -> answer(call, reply, session));
    }
  }

  private void answer(RelayCall call, Reply reply, WebSocketSession session) {
    int generation = call.generation.get();
    if (!reply.lang().equals(call.lang)) {
      call.lang = reply.lang();
      String code = "zh".equals(reply.lang()) ? "zh-CN" : "en-US";
      send(session, Map.of("type", "language", "ttsLanguage", code, "transcriptionLanguage", code));
    }
    call.keysOnly = reply.keysOnly();
    call.numDigits = reply.numDigits();
    boolean spoken = speech.speak(reply, (token, last) -> send(session, Map.of("type", "text", "token", token, "last", last)),
        () -> call.generation.get() != generation);
    if (call.generation.get() != generation) {
      return; // the caller spoke over the reply
    }
    List<String> tokens = spoken ? List.of() : RelayTokens.of(reply.say());
    for (int i = 0; i < tokens.size(); i++) {
      if (call.generation.get() != generation) {
        return; // the caller spoke over the reply: stop here
      }
      send(session, Map.of("type", "text", "token", tokens.get(i), "last", i == tokens.size() - 1));
    }
    if (reply.action() != Reply.Action.GATHER) {
      String reason = reply.action() == Reply.Action.TRANSFER ? "live-agent-handoff" : "completed";
      send(session, Map.of("type", "end", "handoffData", "{\"reasonCode\":\"" + reason + "\",\"callSid\":\"" + call.callSid + "\"}"));
    }
  }

  private void send(WebSocketSession session, Map<String, Object> message) {
    if (!session.isOpen()) {
      return;
    }
    try {
      session.sendSync(json.writeValueAsString(message));
    } catch (IOException e) {
      LOG.info("could not send to ConversationRelay: {}", e.getMessage());
    }
  }
}
