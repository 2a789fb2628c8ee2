package com.carmutual.shared.llmops.guard;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Live guardrails after a promotion ({@code suite.llmops.guardrails.*}): over the last {@code
 * window-calls} calls of the task no older than {@code window}, once at least {@code min-calls}
 * are in, a rate or the p95 latency above its maximum rolls the task back. A promotion is watched
 * for {@code watch-for}.
 */
@ConfigurationProperties("suite.llmops.guardrails")
public record GuardrailSettings(
    @Bindable(defaultValue = "50") int windowCalls,
    @Bindable(defaultValue = "10m") Duration window,
    @Bindable(defaultValue = "20") int minCalls,
    @Bindable(defaultValue = "0.2") double maxErrorRate,
    @Bindable(defaultValue = "0.1") double maxSchemaFailureRate,
    @Bindable(defaultValue = "0.5") double maxFallbackRate,
    @Bindable(defaultValue = "10000") long maxP95LatencyMs,
    @Bindable(defaultValue = "1h") Duration watchFor) {}
