package com.carmutual.shared.gateway;

import com.carmutual.shared.gateway.local.LocalTask;
import com.carmutual.shared.gateway.provider.ModelProvider;
import com.carmutual.shared.gateway.provider.ProviderFailure;
import com.carmutual.shared.gateway.provider.ProviderReply;
import com.carmutual.shared.gateway.provider.ProviderRequest;
import com.carmutual.shared.gateway.provider.StreamTimeouts;
import com.carmutual.shared.gateway.redact.Redactor;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link LlmGateway#stream}: walks the route's targets like a chat call (redaction, retries with
 * backoff, circuits, the local provider), but moves to the next target only while nothing has
 * reached the listener. Once the first piece is delivered the answer belongs to that provider: a
 * failure then ends the stream with an error, never with another provider's text. Each remote
 * attempt has a first-token and an idle limit ({@link StreamTimeoutSettings}) within the call's
 * deadline. One trace row (with time to first token), span and listener event per call.
 */
final class StreamingCalls {
  static final String CANCELLED = "cancelled";

  private final Routing routing;
  private final Map<String, ModelProvider> providers;
  private final Map<String, CircuitBreaker> breakers;
  private final CallState.Books books;
  private final JsonMapper json;
  private final Supplier<Map<String, LocalTask<Object, Object>>> locals;
  private final StreamTimeoutSettings limits;

  StreamingCalls(
      Routing routing, Map<String, ModelProvider> providers, Map<String, CircuitBreaker> breakers,
      CallState.Books books, JsonMapper json, Supplier<Map<String, LocalTask<Object, Object>>> locals,
      StreamTimeoutSettings limits) {
    this.routing = routing;
    this.providers = providers;
    this.breakers = breakers;
    this.books = books;
    this.json = json;
    this.locals = locals;
    this.limits = limits;
  }

  /** Whether the route in force for {@code task} names a remote model (not only the local provider). */
  boolean routedToModel(String task) {
    try {
      return routing.resolve(task).route().targets().stream().anyMatch(t -> !t.local());
    } catch (LlmException e) {
      return false;
    }
  }

  void stream(String task, Object input, StreamListener listener) {
    CallState call = books.open(task, "chat");
    List<ChatMessage> prompt;
    try {
      call.resolved = routing.resolve(task);
      prompt = prompt(task, call.resolved, input);
    } catch (LlmException e) {
      call.fail(null, e);
      listener.onError(e);
      return;
    }
    GatewayConfig.Route route = call.resolved.route();
    Redactor.Session session = null;
    ProviderRequest request = null;
    int index = 0;
    for (GatewayConfig.Target target : route.targets()) {
      index++;
      if (call.deadlinePassed()) {
        break;
      }
      if (target.local()) {
        if (local(call, input, listener, index)) {
          return;
        }
        continue;
      }
      if (session == null) {
        session = books.redactor().session(List.of());
        List<ChatMessage> redacted = new ArrayList<>(prompt.size());
        for (ChatMessage m : prompt) {
          redacted.add(new ChatMessage(m.role(), session.redact(m.content())));
        }
        call.input = redacted;
        call.redaction = session;
        request = new ProviderRequest(null, redacted, List.of(), null, null, false, route.temperature(), route.maxTokens());
      }
      ProviderRequest forTarget = new ProviderRequest(target.model(), request.messages(), List.of(), null, null, false,
          route.temperature(), route.maxTokens());
      if (remote(call, target, index, forTarget, session, listener)) {
        return;
      }
    }
    LlmException failure = call.failure();
    call.fail(null, failure);
    listener.onError(failure);
  }

  /** True when the call ended here (answered, broke off after the first piece, or cancelled). */
  private boolean remote(
      CallState call, GatewayConfig.Target target, int index, ProviderRequest request, Redactor.Session session,
      StreamListener listener) {
    GatewayConfig.Route route = call.resolved.route();
    ModelProvider provider = providers.get(target.provider());
    CircuitBreaker breaker = breakers.get(target.provider());
    StreamTimeoutSettings.Limits limit = limits.of(route, target.provider());
    int retries = 0;
    while (true) {
      Duration remaining = call.timeForAttempt(target, breaker);
      if (remaining == null) {
        return false;
      }
      StreamTimeouts timeouts = new StreamTimeouts(CallState.min(limit.firstToken(), remaining), limit.idle(), remaining);
      Delivery delivery = new Delivery(call, listener, new StreamRestorer(session));
      long t0 = System.nanoTime();
      try {
        ProviderReply reply = provider.stream(request, timeouts, delivery);
        breaker.success();
        if (reply.text().isEmpty()) {
          call.attempt(target.provider(), target.model(), "empty", "no text", t0);
          call.lastKind = LlmException.Kind.INVALID_OUTPUT;
          call.lastError = target.provider() + "/" + target.model() + " streamed no text";
          return false;
        }
        delivery.deliver(delivery.restorer.flush());
        call.addUsage(target, reply);
        call.attempt(target.provider(), target.model(), DefaultLlmGateway.OK, null, t0);
        call.answeredBy(target, provider.serverAddress(), reply);
        call.finish(index == 1 ? DefaultLlmGateway.OK : DefaultLlmGateway.FALLBACK, null);
        listener.onComplete(result(call, session.restore(reply.text()),
            reply.responseModel() != null ? reply.responseModel() : target.model()));
        return true;
      } catch (ProviderFailure f) {
        call.failed(target.provider(), target.model(), f, t0);
        if (f.retriable()) {
          breaker.failure();
        }
        if (delivery.delivered) {
          // the caller has this provider's words: ending here is the only way not to mix two answers
          LlmException e = new LlmException(call.task, call.lastKind, f.getMessage()
              + " (after the first token was delivered; no fallback)");
          call.provider = target.provider();
          call.model = target.model();
          call.serverAddress = provider.serverAddress();
          call.output = delivery.text.toString();
          call.fail(null, e);
          listener.onError(e);
          return true;
        }
        if (!f.retriable() || retries >= route.maxRetries() || !call.waitToRetry(f, ++retries)) {
          return false;
        }
      } catch (Cancelled c) {
        call.attempt(target.provider(), target.model(), CANCELLED, null, t0);
        call.provider = target.provider();
        call.model = target.model();
        call.output = delivery.text.toString();
        call.finish(CANCELLED, null);
        return true;
      } catch (RuntimeException e) {
        // the listener itself failed: its error is the caller's to see
        call.attempt(target.provider(), target.model(), "listener_failed", e.toString(), t0);
        call.finish(DefaultLlmGateway.ERROR, "the listener failed: " + e);
        throw e;
      }
    }
  }

  private boolean local(CallState call, Object input, StreamListener listener, int index) {
    LocalTask<Object, Object> task = locals.get().get(call.task);
    long t0 = System.nanoTime();
    if (task == null) {
      call.attempt("local", null, "no_local_implementation", "no local implementation is registered", t0);
      call.lastKind = LlmException.Kind.NO_LOCAL_IMPLEMENTATION;
      call.lastError = "no local implementation is registered for this task";
      return false;
    }
    Object out;
    try {
      out = task.run(input, List.of());
    } catch (LlmException e) {
      call.localGaveUp(e, t0);
      return false;
    } catch (RuntimeException e) {
      throw call.localFailed(e, t0);
    }
    String text = out instanceof ChatResponse r ? r.content() : out instanceof String s ? s : out == null ? null : write(out);
    if (text == null || text.isEmpty()) {
      call.attempt("local", null, "invalid_output", "no text", t0);
      call.lastKind = LlmException.Kind.INVALID_OUTPUT;
      call.lastError = "the local implementation returned no text";
      return false;
    }
    call.attempt("local", null, DefaultLlmGateway.OK, null, t0);
    call.provider = "local";
    call.input = input;
    call.output = text;
    Delivery delivery = new Delivery(call, listener, new StreamRestorer(null));
    try {
      for (String piece : LocalChunks.of(text)) {
        delivery.deliver(piece);
      }
    } catch (Cancelled c) {
      call.finish(CANCELLED, null);
      return true;
    }
    call.finish(index == 1 ? DefaultLlmGateway.OK : DefaultLlmGateway.FALLBACK, null);
    listener.onComplete(result(call, text, null));
    return true;
  }

  /** The task's prompt file (if any) as system message, then the input as the user's message. */
  private List<ChatMessage> prompt(String task, Routing.Resolved resolved, Object input) {
    List<ChatMessage> out = new ArrayList<>();
    var file = routing.prompts().file(task, resolved.promptVersion());
    if (input instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(ChatMessage.class::isInstance)) {
      file.ifPresent(t -> out.add(ChatMessage.system(t.render(Map.of("task", task)))));
      list.forEach(m -> out.add((ChatMessage) m));
      return out;
    }
    String text = input instanceof String s ? s : write(input);
    if (file.isPresent() && file.get().names().contains("input")) {
      out.add(ChatMessage.user(file.get().render(Map.of("task", task, "input", text))));
    } else {
      file.ifPresent(t -> out.add(ChatMessage.system(t.render(Map.of("task", task)))));
      out.add(ChatMessage.user(text));
    }
    return out;
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException | RuntimeException e) {
      throw new LlmException("stream", LlmException.Kind.REJECTED,
          "the input of type " + value.getClass().getName() + " cannot be written as JSON (is it @Serdeable?)", e);
    }
  }

  /** Thrown through the provider's reader when the listener asks to stop. */
  private static final class Cancelled extends RuntimeException {
    Cancelled() {
      super(null, null, false, false);
    }
  }

  /** Hands restored pieces to the listener and notes when the first one went out. */
  private static final class Delivery implements Consumer<String> {
    final CallState call;
    final StreamListener listener;
    final StreamRestorer restorer;
    final StringBuilder text = new StringBuilder();
    boolean delivered;

    Delivery(CallState call, StreamListener listener, StreamRestorer restorer) {
      this.call = call;
      this.listener = listener;
      this.restorer = restorer;
    }

    @Override
    public void accept(String piece) {
      deliver(restorer.accept(piece));
    }

    void deliver(String ready) {
      if (ready.isEmpty()) {
        return;
      }
      if (!delivered) {
        delivered = true;
        call.firstTokenNanos = System.nanoTime();
      }
      text.append(ready);
      listener.onToken(ready);
      if (listener.cancelled()) {
        throw new Cancelled();
      }
    }
  }

  private static StreamResult result(CallState call, String text, String responseModel) {
    Long firstToken = call.firstTokenMicros();
    return new StreamResult(text, call.provider, responseModel, call.inputTokens, call.outputTokens,
        firstToken == null ? -1 : firstToken, (call.endNanos - call.start) / 1_000, call.id);
  }
}
