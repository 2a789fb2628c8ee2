package com.carmutual.shared.gateway;

import com.carmutual.shared.gateway.provider.ProviderFailure;
import com.carmutual.shared.gateway.provider.ProviderReply;
import com.carmutual.shared.gateway.redact.Redactor;
import com.carmutual.shared.gateway.trace.CallTraces;
import com.carmutual.shared.gateway.trace.PendingCall;
import com.carmutual.shared.web.Caller;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One gateway call in progress, of any kind (structured, chat, embeddings, streamed): its deadline,
 * attempts, usage and cost, and how it ended. {@link #finish} writes the call's one trace row, span,
 * budget settlement ({@link CallTicket}) and listener event, so the gateway's walks over a route
 * share this bookkeeping instead of each keeping their own.
 */
final class CallState {
  private static final Logger LOG = LoggerFactory.getLogger(CallState.class);

  /** Where every call of one gateway is reported, and its price table. */
  record Books(
      GatewayConfig config, Redactor redactor, CallTraces traces, GenAiSpans spans, Clock clock,
      Supplier<List<LlmCallListener>> listeners) {

    CallState open(String task, String operation) {
      return new CallState(this, task, operation);
    }

    /** What {@code in} (of which {@code cached}) and {@code out} tokens of a model cost, in US dollars. */
    BigDecimal cost(String provider, String model, int in, int out, int cached) {
      var price = config.price(provider, model);
      if (price.isEmpty()) {
        return BigDecimal.ZERO;
      }
      GatewayConfig.Price p = price.get();
      BigDecimal perMillion = p.input().multiply(BigDecimal.valueOf(Math.max(0, in - cached)))
          .add(p.cachedInput().multiply(BigDecimal.valueOf(cached)))
          .add(p.output().multiply(BigDecimal.valueOf(out)));
      return perMillion.movePointLeft(6);
    }
  }

  private final Books books;
  final String id = newId();
  final String task;
  final String operation;
  final long start = System.nanoTime();
  final List<LlmCallRecord.Attempt> attempts = new ArrayList<>(2);
  Routing.Resolved resolved;
  String provider;
  String model;
  String serverAddress;
  ProviderReply reply;
  Object input;
  Object output;
  Object parsed;
  Redactor.Session redaction;
  int inputTokens;
  int outputTokens;
  int cachedTokens;
  BigDecimal cost = BigDecimal.ZERO;
  LlmException.Kind lastKind;
  String lastError;
  boolean deadlineHit;
  /** When the first streamed piece reached the caller; 0 when none did (or the call is not streamed). */
  long firstTokenNanos;
  long endNanos;
  /** Budget reservation and figures for {@link CallPipeline}; shadow calls reach no listener. */
  final CallTicket ticket = CallTicket.take();
  final boolean shadow = ShadowCalls.active();
  LlmException.Kind failedKind;

  private CallState(Books books, String task, String operation) {
    this.books = books;
    this.task = task;
    this.operation = operation;
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

  /**
   * The time left for one more attempt at {@code target}, or null when its circuit is open or the
   * deadline passed (either noted as the reason).
   */
  Duration timeForAttempt(GatewayConfig.Target target, CircuitBreaker breaker) {
    if (!breaker.allow()) {
      attempt(target.provider(), target.model(), "circuit_open", "circuit open", System.nanoTime());
      lastKind = LlmException.Kind.UNAVAILABLE;
      lastError = target.provider() + " circuit is open after repeated failures";
      return null;
    }
    Duration left = remaining();
    if (left.isZero()) {
      deadlineHit = true;
      return null;
    }
    return left;
  }

  void attempt(String provider, String model, String status, String error, long t0) {
    attempts.add(new LlmCallRecord.Attempt(provider, model, status, error, (System.nanoTime() - t0) / 1_000_000));
  }

  /** Notes an attempt the provider answered with a failure (retriable: unavailable, else rejected). */
  void failed(String provider, String model, ProviderFailure f, long t0) {
    attempt(provider, model, status(f), f.getMessage(), t0);
    lastKind = f.retriable() ? LlmException.Kind.UNAVAILABLE : LlmException.Kind.REJECTED;
    lastError = f.getMessage();
  }

  /** Notes an attempt that failed in a way nobody expected (a translator bug, an odd reply). */
  void failedUnexpectedly(String provider, String model, RuntimeException e, long t0) {
    attempt(provider, model, "error", e.toString(), t0);
    lastKind = LlmException.Kind.UNAVAILABLE;
    lastError = provider + " failed unexpectedly: " + e;
  }

  /** Notes that the local implementation gave up (the route goes on to its next target). */
  void localGaveUp(LlmException e, long t0) {
    attempt("local", null, "error", e.getMessage(), t0);
    lastKind = e.kind();
    lastError = e.getMessage();
  }

  /**
   * Ends the call with a failure of the local implementation other than giving up: the service's own
   * code failed, and {@code e} is returned to be rethrown unchanged for the caller to see.
   */
  RuntimeException localFailed(RuntimeException e, long t0) {
    attempt("local", null, "error", e.toString(), t0);
    provider = "local";
    fail(e.toString(), null);
    return e;
  }

  /**
   * Waits before retry number {@code retry} after {@code f} (its {@code Retry-After}, else backoff
   * with jitter); false, without waiting, when the wait would pass the deadline.
   */
  boolean waitToRetry(ProviderFailure f, int retry) {
    Duration wait = f.retryAfter() != null ? f.retryAfter() : backoff(retry);
    if (wait.compareTo(remaining()) >= 0) {
      return false;
    }
    try {
      Thread.sleep(wait.toMillis(), (int) (wait.toNanos() % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return true;
  }

  private Duration backoff(int retry) {
    GatewayConfig.Tuning t = books.config().tuning();
    long base = t.initialBackoff().toNanos() << Math.min(retry - 1, 20);
    long capped = Math.min(base, t.maxBackoff().toNanos());
    // "equal jitter": half fixed, half random, so retries from many callers spread out
    long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    return Duration.ofNanos(jittered);
  }

  void addUsage(GatewayConfig.Target target, ProviderReply r) {
    inputTokens += r.inputTokens();
    outputTokens += r.outputTokens();
    cachedTokens += r.cachedTokens();
    cost = cost.add(books.cost(target.provider(), target.model(), r.inputTokens(), r.outputTokens(), r.cachedTokens()));
  }

  /** Notes the answer of a remote target (the call is finished separately). */
  void answeredBy(GatewayConfig.Target target, String serverAddress, ProviderReply reply) {
    this.provider = target.provider();
    this.model = target.model();
    this.serverAddress = serverAddress;
    this.reply = reply;
    this.output = reply.text();
  }

  /** Why the call found no answer: the deadline, no usable target, or the last target's failure. */
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

  void fail(String error, LlmException e) {
    failedKind = e != null ? e.kind() : null;
    finish(DefaultLlmGateway.ERROR, e != null ? e.kind().name() + ": " + e.getMessage() : error);
  }

  Long firstTokenMicros() {
    return firstTokenNanos == 0 ? null : (firstTokenNanos - start) / 1_000;
  }

  void finish(String outcome, String error) {
    endNanos = System.nanoTime();
    long latencyMicros = (endNanos - start) / 1_000;
    Scope scope = Scope.current();
    Routing.Resolved r = resolved;
    String routeVersion = r == null ? null : r.route().version();
    String promptVersion = r == null ? null : r.promptVersion();
    if (books.config().tuning().traceEnabled()) {
      Redactor.Session s = redaction;
      // remote calls: input and raw output already carry placeholders; only restored values need hiding again
      UnaryOperator<String> redact = s != null ? s::reapply : text -> books.redactor().session(List.of()).redact(text);
      books.traces().submit(new PendingCall(id, task, operation, scope.client, scope.traceId, scope.runId, scope.node,
          provider, model, routeVersion, promptVersion, input, output, parsed, redact, inputTokens, outputTokens,
          cachedTokens, cost, latencyMicros, List.copyOf(attempts), outcome, error, books.clock().instant(),
          firstTokenMicros()));
    }
    long endEpoch = System.currentTimeMillis() * 1_000_000L;
    books.spans().record(new GenAiSpans.Facts(operation, task, provider, model,
        r == null ? null : r.route().temperature(), r == null ? null : r.route().maxTokens(),
        reply == null ? null : reply.responseId(), reply == null ? null : reply.responseModel(),
        reply == null ? null : reply.finishReason(), inputTokens, outputTokens, serverAddress, outcome,
        DefaultLlmGateway.ERROR.equals(outcome) ? (lastKind == null ? "error" : lastKind.name()) : null),
        endEpoch - latencyMicros * 1_000, endEpoch);
    if (ticket != null) {
      ticket.finished(id, outcome, failedKind, routeVersion, promptVersion,
          cost, inputTokens, outputTokens, latencyMicros);
    }
    List<LlmCallListener> listeners = shadow ? List.of() : books.listeners().get();
    if (!listeners.isEmpty()) {
      LlmCallEvent event = new LlmCallEvent(id, task, provider, model, promptVersion, routeVersion, outcome,
          inputTokens, outputTokens, cost, latencyMicros, attempts.size(), scope.runId, scope.node);
      for (LlmCallListener l : listeners) {
        try {
          l.onCall(event);
        } catch (RuntimeException e) {
          LOG.warn("LLM call listener {} failed: {}", l.getClass().getName(), e.toString());
        }
      }
    }
  }

  /** Who made the call and under which run, read once at the end of it. */
  private record Scope(String client, String traceId, String runId, String node) {
    static Scope current() {
      var run = CallScope.current().orElse(null);
      String client = null;
      String traceId = null;
      try {
        client = Caller.client().orElse(null);
        traceId = Caller.traceId().orElse(null);
      } catch (RuntimeException ignored) {
        // outside a request
      }
      return new Scope(client, traceId, run == null ? null : run.runId(), run == null ? null : run.node());
    }
  }

  static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** An attempt's status in the trace: the failure's type, with the HTTP status when there was one. */
  static String status(ProviderFailure f) {
    String type = f.type().name().toLowerCase(Locale.ROOT);
    return f.status() > 0 && f.status() != 200 ? type + "_" + f.status() : type;
  }

  private static String newId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return new UUID((r.nextLong() & ~0xF000L) | 0x4000L, (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L)
        .toString();
  }
}
