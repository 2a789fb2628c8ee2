package com.carmutual.shared.llmops.guard;

import com.carmutual.shared.gateway.CallObserver;
import com.carmutual.shared.gateway.GatewayOverrides;
import com.carmutual.shared.gateway.LlmException;
import com.carmutual.shared.gateway.ObservedCall;
import com.carmutual.shared.gateway.TaskVersion;
import com.carmutual.shared.llmops.support.ExperimentScope;
import com.carmutual.shared.llmops.version.TaskVersions;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a task's live calls after a promotion and rolls it back to the version before, once,
 * when its error, schema-failure or fallback rate or its p95 latency over the sliding window passes
 * the configured maximum; the rollback is in the version audit with the figures that triggered it.
 * Shadow, experiment and replay calls are not watched. Watches live in this instance's memory.
 */
@Singleton
@Requires(beans = DataSource.class)
public final class Guardrails implements CallObserver {
  private static final Logger LOG = LoggerFactory.getLogger(Guardrails.class);
  static final String ACTOR = "guardrails";

  private final GuardrailSettings settings;
  private final TaskVersions versions;
  private final Clock clock;
  private final Map<String, Watch> watches = new ConcurrentHashMap<>();

  private static final class Watch {
    final String promotionId;
    final TaskVersion promoted;
    final TaskVersion previous;
    final Instant since;
    final Window window;
    final AtomicBoolean done = new AtomicBoolean();

    Watch(String promotionId, TaskVersion promoted, TaskVersion previous, Instant since, int calls) {
      this.promotionId = promotionId;
      this.promoted = promoted;
      this.previous = previous;
      this.since = since;
      this.window = new Window(Math.max(1, calls));
    }
  }

  /** A watched promotion and the figures so far. */
  @Serdeable
  public record WatchView(
      String task, String promotionId, TaskVersion promoted, TaskVersion previous, Instant since, String figures) {}

  Guardrails(GuardrailSettings settings, TaskVersions versions, Clock clock) {
    this.settings = settings;
    this.versions = versions;
    this.clock = clock;
  }

  /** Starts watching {@code task}, just promoted from {@code previous} to {@code promoted}. */
  public void watch(String task, String promotionId, TaskVersion promoted, TaskVersion previous) {
    watches.put(task, new Watch(promotionId, promoted, previous, clock.instant(), settings.windowCalls()));
  }

  /** The watch of {@code task}, if one is running. */
  public Optional<WatchView> watching(String task) {
    Watch w = watches.get(task);
    return w == null ? Optional.empty() : Optional.of(new WatchView(task, w.promotionId, w.promoted, w.previous,
        w.since, w.window.figures(clock.millis(), settings.window().toMillis()).toString()));
  }

  /** Every running watch. */
  public List<WatchView> watching() {
    List<WatchView> out = new ArrayList<>();
    watches.keySet().forEach(t -> watching(t).ifPresent(out::add));
    return out;
  }

  @Override
  public void observe(ObservedCall call) {
    if (watches.isEmpty() || call.shadow()) {
      return;
    }
    Watch w = watches.get(call.task());
    if (w == null || ExperimentScope.active() || GatewayOverrides.current(call.task()).isPresent()) {
      return;
    }
    long now = clock.millis();
    if (now - w.since.toEpochMilli() > settings.watchFor().toMillis()) {
      watches.remove(call.task(), w);
      return;
    }
    byte flag = 0;
    if (!call.answered()) {
      flag |= Window.ERROR;
      if (call.errorKind() == LlmException.Kind.INVALID_OUTPUT) {
        flag |= Window.SCHEMA_FAILURE;
      }
    } else if ("fallback".equals(call.outcome())) {
      flag |= Window.FALLBACK;
    }
    w.window.add(now, flag, call.latencyMicros());
    Window.Figures f = w.window.figures(now, settings.window().toMillis());
    if (f.calls() < settings.minCalls()) {
      return;
    }
    String breach = breach(f);
    if (breach != null && w.done.compareAndSet(false, true)) {
      watches.remove(call.task(), w);
      String reason = "guardrail " + breach + " after promotion " + w.promotionId + " " + f;
      try {
        versions.decide(call.task(), "auto-rollback", w.previous, ACTOR, reason, true);
        LOG.warn("task {} rolled back: {}", call.task(), reason);
      } catch (RuntimeException e) {
        LOG.error("task {} should be rolled back ({}) but the switch failed", call.task(), reason, e);
      }
    }
  }

  @Nullable
  private String breach(Window.Figures f) {
    if (f.errorRate() > settings.maxErrorRate()) {
      return "error rate " + f.errorRate() + " > " + settings.maxErrorRate();
    }
    if (f.schemaFailureRate() > settings.maxSchemaFailureRate()) {
      return "schema-failure rate " + f.schemaFailureRate() + " > " + settings.maxSchemaFailureRate();
    }
    if (f.fallbackRate() > settings.maxFallbackRate()) {
      return "fallback rate " + f.fallbackRate() + " > " + settings.maxFallbackRate();
    }
    if (f.p95LatencyMs() > settings.maxP95LatencyMs()) {
      return "p95 latency " + f.p95LatencyMs() + " ms > " + settings.maxP95LatencyMs() + " ms";
    }
    return null;
  }
}
