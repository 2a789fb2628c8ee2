package com.carmutual.shared.gateway;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;

/**
 * A summary of one finished gateway call. {@code outcome} is one of {@code ok}, {@code fallback}
 * (answered by a later target), {@code cached}, {@code answered_by_source}, {@code error}.
 */
public record LlmCallEvent(
    String callId,
    String task,
    @Nullable String provider,
    @Nullable String model,
    @Nullable String promptVersion,
    @Nullable String routeVersion,
    String outcome,
    int inputTokens,
    int outputTokens,
    BigDecimal cost,
    long latencyMicros,
    int attempts,
    @Nullable String runId,
    @Nullable String node) {}
