package com.carmutual.shared.gateway;

import io.micronaut.core.annotation.Nullable;

/**
 * How a streamed answer ended: its whole text, who wrote it, the tokens it cost, time to the
 * first piece delivered and in total (microseconds from the call), and the trace row's id.
 */
public record StreamResult(
    String text,
    String provider,
    @Nullable String model,
    int inputTokens,
    int outputTokens,
    long firstTokenMicros,
    long totalMicros,
    String callId) {}
