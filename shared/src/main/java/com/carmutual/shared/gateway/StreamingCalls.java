package com.carmutual.shared.gateway;

import com.carmutual.shared.gateway.local.LocalTask;
import com.carmutual.shared.gateway.provider.ModelProvider;
import com.carmutual.shared.gateway.provider.ProviderFailure;
import com.carmutual.shared.gateway.provider.ProviderReply;
import com.carmutual.shared.gateway.provider.ProviderRequest;
import com.carmutual.shared.gateway.provider.StreamTimeouts;
import com.carmutual.shared.gateway.redact.Redactor;
import com.carmutual.shared.gateway.trace.CallTraces;
import com.carmutual.shared.gateway.trace.PendingCall;
import com.carmutual.shared.web.Caller;
import io.micronaut.context.BeanContext;
import io.micronaut.context.env.Environment;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link LlmGateway#stream}: walks the route's targets like a chat call (redaction, retries with
 * backoff, circuits, the local provider), but moves to the next target only while nothing has
 * reached the listener. Once the first piece is delivered the answer belongs to that provider: a
 * failure then ends the stream with an error, never with another provider's text. Each remote
 * attempt has a first-token and an idle limit ({@link StreamTimeoutSettings}) within the call's
 * deadline. One trace row (with time to first token), span and listener event per call.
 */
final class StreamingCalls {
  private static final Logger LOG = LoggerFactory.getLogger(StreamingCalls.class);
  static final String CANCELLED = "cancelled";

  /** The gateway's price table. */
  interface Costs {
    BigDecimal cost(String provider, String model, int in, int out, int cached);
  }

  private final Routing routing;
  private final GatewayConfig config;
  private final Map<String, ModelProvider> providers;
  private final Map<String, CircuitBreaker> breakers;
  private final Redactor redactor;
  private final CallTraces traces;
  private final GenAiSpans spans;
  private final Clock clock;
  private final JsonMapper json;
  private final BeanContext context;
  private final Costs costs;
  private final StreamTimeoutSettings limits;
  private volatile Map<String, LocalTask<Object, Object>> locals;
  private volatile List<LlmCallListener> callListeners;

  StreamingCalls(
      Routing routing, Map<String, ModelProvider> providers, Map<String, CircuitBreaker> breakers, Redactor redactor,
      CallTraces traces, GenAiSpans spans, Clock clock, JsonMapper json, BeanContext context, Costs costs) {
    this.routing = routing;
    this.config = routing.config();
    this.providers = providers;
    this.breakers = breakers;
    this.redactor = redactor;
    this.traces = traces;
    this.spans = spans;
    this.clock = clock;
    this.json = json;
    this.context = context;
    this.costs = costs;
    this.limits = new StreamTimeoutSettings(context.getBean(Environment.class));
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
    Call call = new Call(task);
    List<ChatMessage> prompt;
    try {
      call.resolved = routing.resolve(task);
      prompt = prompt(task, call.resolved, input);
    } catch (LlmException e) {
      call.finish(DefaultLlmGateway.ERROR, e.kind().name() + ": " + e.getMessage());
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
        session = redactor.session(List.of());
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
    call.finish(DefaultLlmGateway.ERROR, failure.kind().name() + ": " + failure.getMessage());
    listener.onError(failure);
  }

  /** True when the call ended here (answered, broke off after the first piece, or cancelled). */
  private boolean remote(
      Call call, GatewayConfig.Target target, int index, ProviderRequest request, Redactor.Session session,
      StreamListener listener) {
    GatewayConfig.Route route = call.resolved.route();
    ModelProvider provider = providers.get(target.provider());
    CircuitBreaker breaker = breakers.get(target.provider());
    StreamTimeoutSettings.Limits limit = limits.of(route, target.provider());
    int retries = 0;
    while (true) {
      if (!breaker.allow()) {
        call.attempt(target.provider(), target.model(), "circuit_open", "circuit open", System.nanoTime());
        call.lastKind = LlmException.Kind.UNAVAILABLE;
        call.lastError = target.provider() + " circuit is open after repeated failures";
        return false;
      }
      Duration remaining = call.remaining();
      if (remaining.isZero()) {
        call.deadlineHit = true;
        return false;
      }
      StreamTimeouts timeouts = new StreamTimeouts(min(limit.firstToken(), remaining), limit.idle(), remaining);
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
        call.provider = target.provider();
        call.model = target.model();
        call.serverAddress = provider.serverAddress();
        call.reply = reply;
        call.output = reply.text();
        call.finish(index == 1 ? DefaultLlmGateway.OK : DefaultLlmGateway.FALLBACK, null);
        listener.onComplete(call.result(session.restore(reply.text()),
            reply.responseModel() != null ? reply.responseModel() : target.model()));
        return true;
      } catch (ProviderFailure f) {
        call.attempt(target.provider(), target.model(), status(f), f.getMessage(), t0);
        if (f.retriable()) {
          breaker.failure();
        }
        call.lastKind = f.retriable() ? LlmException.Kind.UNAVAILABLE : LlmException.Kind.REJECTED;
        call.lastError = f.getMessage();
        if (delivery.delivered) {
          // the caller has this provider's words: ending here is the only way not to mix two answers
          LlmException e = new LlmException(call.task, call.lastKind, f.getMessage()
              + " (after the first token was delivered; no fallback)");
          call.provider = target.provider();
          call.model = target.model();
          call.serverAddress = provider.serverAddress();
          call.output = delivery.text.toString();
          call.finish(DefaultLlmGateway.ERROR, e.kind().name() + ": " + e.getMessage());
          listener.onError(e);
          return true;
        }
        if (!f.retriable() || retries >= route.maxRetries()) {
          return false;
        }
        retries++;
        Duration wait = f.retryAfter() != null ? f.retryAfter() : backoff(retries);
        if (wait.compareTo(call.remaining()) >= 0) {
          return false;
        }
        sleep(wait);
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

  private boolean local(Call call, Object input, StreamListener listener, int index) {
    LocalTask<Object, Object> task = locals().get(call.task);
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
      call.attempt("local", null, "error", e.getMessage(), t0);
      call.lastKind = e.kind();
      call.lastError = e.getMessage();
      return false;
    } catch (RuntimeException e) {
      call.attempt("local", null, "error", e.toString(), t0);
      call.provider = "local";
      call.finish(DefaultLlmGateway.ERROR, e.toString());
      throw e;
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
    listener.onComplete(call.result(text, null));
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
    final Call call;
    final StreamListener listener;
    final StreamRestorer restorer;
    final StringBuilder text = new StringBuilder();
    boolean delivered;

    Delivery(Call call, StreamListener listener, StreamRestorer restorer) {
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

  /** One streamed call's bookkeeping, as {@code DefaultLlmGateway.Call} does for the others. */
  private final class Call {
    final String id = newId();
    final String task;
    final long start = System.nanoTime();
    final List<LlmCallRecord.Attempt> attempts = new ArrayList<>(2);
    Routing.Resolved resolved;
    String provider;
    String model;
    String serverAddress;
    ProviderReply reply;
    Object input;
    Object output;
    Redactor.Session redaction;
    int inputTokens;
    int outputTokens;
    int cachedTokens;
    BigDecimal cost = BigDecimal.ZERO;
    LlmException.Kind lastKind;
    String lastError;
    boolean deadlineHit;
    long firstTokenNanos;
    long endNanos;

    Call(String task) {
      this.task = task;
    }

    Duration remaining() {
      Duration deadline = resolved == null ? GatewayConfig.DEFAULT_DEADLINE : resolved.route().deadline();
      long left = start + deadline.toNanos() - System.nanoTime();
      return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    boolean deadlinePassed() {
      if (remaining().isZero()) {
        deadlineHit = true;
      }
      return deadlineHit;
    }

    void attempt(String provider, String model, String status, String error, long t0) {
      attempts.add(new LlmCallRecord.Attempt(provider, model, status, error, (System.nanoTime() - t0) / 1_000_000));
    }

    void addUsage(GatewayConfig.Target target, ProviderReply r) {
      inputTokens += r.inputTokens();
      outputTokens += r.outputTokens();
      cachedTokens += r.cachedTokens();
      cost = cost.add(costs.cost(target.provider(), target.model(), r.inputTokens(), r.outputTokens(), r.cachedTokens()));
    }

    LlmException failure() {
      if (deadlineHit || remaining().isZero()) {
        return new LlmException(task, LlmException.Kind.DEADLINE_EXCEEDED,
            "the deadline passed after " + attempts.size() + " attempt(s)"
                + (lastError == null ? "" : "; last error: " + lastError));
      }
      if (lastKind == null) {
        return new LlmException(task, LlmException.Kind.NOT_CONFIGURED, "the route has no usable target");
      }
      return new LlmException(task, lastKind, lastError + " (" + attempts.size() + " attempt(s))");
    }

    Long firstTokenMicros() {
      return firstTokenNanos == 0 ? null : (firstTokenNanos - start) / 1_000;
    }

    StreamResult result(String text, String responseModel) {
      return new StreamResult(text, provider, responseModel, inputTokens, outputTokens,
          firstTokenMicros() == null ? -1 : firstTokenMicros(), (endNanos - start) / 1_000, id);
    }

    void finish(String outcome, String error) {
      endNanos = System.nanoTime();
      long latencyMicros = (endNanos - start) / 1_000;
      var run = CallScope.current().orElse(null);
      String client = null;
      String traceId = null;
      try {
        client = Caller.client().orElse(null);
        traceId = Caller.traceId().orElse(null);
      } catch (RuntimeException ignored) {
        // outside a request
      }
      Routing.Resolved r = resolved;
      String routeVersion = r == null ? null : r.route().version();
      String promptVersion = r == null ? null : r.promptVersion();
      if (config.tuning().traceEnabled()) {
        Redactor.Session s = redaction;
        UnaryOperator<String> redact = s != null ? s::reapply : text -> redactor.session(List.of()).redact(text);
        traces.submit(new PendingCall(id, task, "chat", client, traceId, run == null ? null : run.runId(),
            run == null ? null : run.node(), provider, model, routeVersion, promptVersion, input, output, null, redact,
            inputTokens, outputTokens, cachedTokens, cost, latencyMicros, List.copyOf(attempts), outcome, error,
            clock.instant(), firstTokenMicros()));
      }
      long endEpoch = System.currentTimeMillis() * 1_000_000L;
      spans.record(new GenAiSpans.Facts("chat", task, provider, model,
          r == null ? null : r.route().temperature(), r == null ? null : r.route().maxTokens(),
          reply == null ? null : reply.responseId(), reply == null ? null : reply.responseModel(),
          reply == null ? null : reply.finishReason(), inputTokens, outputTokens, serverAddress, outcome,
          DefaultLlmGateway.ERROR.equals(outcome) ? (lastKind == null ? "error" : lastKind.name()) : null),
          endEpoch - latencyMicros * 1_000, endEpoch);
      List<LlmCallListener> ls = callListeners();
      if (!ls.isEmpty()) {
        LlmCallEvent event = new LlmCallEvent(id, task, provider, model, promptVersion, routeVersion, outcome,
            inputTokens, outputTokens, cost, latencyMicros, attempts.size(), run == null ? null : run.runId(),
            run == null ? null : run.node());
        for (LlmCallListener l : ls) {
          try {
            l.onCall(event);
          } catch (RuntimeException e) {
            LOG.warn("LLM call listener {} failed: {}", l.getClass().getName(), e.toString());
          }
        }
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Map<String, LocalTask<Object, Object>> locals() {
    Map<String, LocalTask<Object, Object>> l = locals;
    if (l == null) {
      // looked up at the first call: local tasks may themselves use the gateway
      Map<String, LocalTask<Object, Object>> found = new LinkedHashMap<>();
      for (LocalTask t : context.getBeansOfType(LocalTask.class)) {
        found.put(t.task(), t);
      }
      l = Map.copyOf(found);
      locals = l;
    }
    return l;
  }

  private List<LlmCallListener> callListeners() {
    List<LlmCallListener> l = callListeners;
    if (l == null) {
      l = List.copyOf(context.getBeansOfType(LlmCallListener.class));
      callListeners = l;
    }
    return l;
  }

  private Duration backoff(int retry) {
    GatewayConfig.Tuning t = config.tuning();
    long capped = Math.min(t.initialBackoff().toNanos() << Math.min(retry - 1, 20), t.maxBackoff().toNanos());
    return Duration.ofNanos(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static String status(ProviderFailure f) {
    String type = f.type().name().toLowerCase(Locale.ROOT);
    return f.status() > 0 && f.status() != 200 ? type + "_" + f.status() : type;
  }

  private static String newId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
        .toString();
  }
}
