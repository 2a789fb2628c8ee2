package com.carmutual.shared.metrics;

import com.carmutual.shared.gateway.LlmCallEvent;
import com.carmutual.shared.gateway.LlmCallListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Counts every finished gateway call by task, provider, model and outcome: calls, latency,
 * attempts, input and output tokens and cost (in the price table's currency). Exposed by the
 * Prometheus endpoint as {@code llm_calls_total}, {@code llm_call_latency_seconds}, {@code
 * llm_call_attempts}, {@code llm_tokens_total} and {@code llm_cost_total}.
 *
 * <p>Tags stay low-cardinality on purpose: tasks, providers, models and prompt versions are
 * configuration, never request data; call ids and run ids are not tags.
 */
@Singleton
@Requires(beans = MeterRegistry.class)
final class LlmMetrics implements LlmCallListener {
  static final String NONE = "none";

  private final MeterRegistry registry;

  LlmMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void onCall(LlmCallEvent e) {
    Tags target =
        Tags.of("task", e.task(), "provider", orNone(e.provider()), "model", orNone(e.model()));
    Counter.builder("llm.calls")
        .description("Finished LLM gateway calls; outcome is ok, fallback, cached, answered_by_source or error")
        .tags(target)
        .tag("outcome", e.outcome())
        .tag("prompt_version", orNone(e.promptVersion()))
        .tag("route_version", orNone(e.routeVersion()))
        .register(registry)
        .increment();
    Timer.builder("llm.call.latency")
        .description("Latency of LLM gateway calls, all attempts included")
        .tags(target)
        .tag("outcome", e.outcome())
        .register(registry)
        .record(Duration.ofNanos(Math.max(0, e.latencyMicros()) * 1_000));
    DistributionSummary.builder("llm.call.attempts")
        .description("Attempts per LLM gateway call (retries and fallbacks included)")
        .tags(target)
        .register(registry)
        .record(e.attempts());
    tokens(target, "input", e.inputTokens());
    tokens(target, "output", e.outputTokens());
    if (e.cost() != null && e.cost().signum() > 0) {
      Counter.builder("llm.cost")
          .description("Cost of LLM gateway calls from the configured price table")
          .tags(target)
          .register(registry)
          .increment(e.cost().doubleValue());
    }
  }

  private void tokens(Tags target, String direction, int count) {
    if (count <= 0) {
      return;
    }
    Counter.builder("llm.tokens")
        .description("Tokens sent to and received from model providers")
        .tags(target)
        .tag("direction", direction)
        .register(registry)
        .increment(count);
  }

  private static String orNone(@Nullable String value) {
    return value == null || value.isBlank() ? NONE : value;
  }
}
