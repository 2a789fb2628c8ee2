package com.carmutual.shared.gateway;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;

/**
 * One finished structured, chat or streamed call as {@link CallObserver}s see it: what was asked,
 * what came back (the parsed output of a structured call, the response of a chat call; null for a
 * streamed call and on failure), and how it went. {@code outcome} is that of {@link LlmCallEvent};
 * {@code errorKind} is set when it is {@code error}.
 */
public record ObservedCall(
    String callId,
    String task,
    @Nullable StructuredRequest<?> request,
    @Nullable Object output,
    String outcome,
    @Nullable LlmException.Kind errorKind,
    @Nullable String routeVersion,
    @Nullable String promptVersion,
    BigDecimal cost,
    int inputTokens,
    int outputTokens,
    long latencyMicros,
    boolean shadow) {

  /** True when the caller got an answer (from the first target, a fallback, the cache or a source). */
  public boolean answered() {
    return !"error".equals(outcome);
  }
}
