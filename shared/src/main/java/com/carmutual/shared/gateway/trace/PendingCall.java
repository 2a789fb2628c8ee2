package com.carmutual.shared.gateway.trace;

import com.carmutual.shared.gateway.LlmCallRecord;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A finished call waiting to be stored. {@code input}, {@code output} and {@code parsed} are text
 * or values still to be written as JSON; both go through {@code redact} on the writer thread, so
 * the request thread pays for neither serialisation nor redaction. {@code firstTokenMicros} is set
 * for streamed calls only.
 */
public record PendingCall(
    String id,
    String task,
    String operation,
    @Nullable String client,
    @Nullable String traceId,
    @Nullable String runId,
    @Nullable String node,
    @Nullable String provider,
    @Nullable String model,
    @Nullable String routeVersion,
    @Nullable String promptVersion,
    @Nullable Object input,
    @Nullable Object output,
    @Nullable Object parsed,
    UnaryOperator<String> redact,
    int inputTokens,
    int outputTokens,
    int cachedTokens,
    BigDecimal cost,
    long latencyMicros,
    List<LlmCallRecord.Attempt> attempts,
    String outcome,
    @Nullable String error,
    Instant createdAt,
    @Nullable Long firstTokenMicros) {

  /** A call that was not streamed. */
  public PendingCall(
      String id, String task, String operation, String client, String traceId, String runId, String node,
      String provider, String model, String routeVersion, String promptVersion, Object input, Object output,
      Object parsed, UnaryOperator<String> redact, int inputTokens, int outputTokens, int cachedTokens,
      BigDecimal cost, long latencyMicros, List<LlmCallRecord.Attempt> attempts, String outcome, String error,
      Instant createdAt) {
    this(id, task, operation, client, traceId, runId, node, provider, model, routeVersion, promptVersion, input,
        output, parsed, redact, inputTokens, outputTokens, cachedTokens, cost, latencyMicros, attempts, outcome, error,
        createdAt, null);
  }
}
