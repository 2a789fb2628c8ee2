package com.carmutual.shared.gateway;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One traced gateway call. {@code input} is the redacted prompt (or input JSON for local calls),
 * {@code output} the raw answer, {@code parsed} the accepted result as JSON (redacted); {@code
 * outcome} is one of {@code ok}, {@code fallback}, {@code cached}, {@code answered_by_source},
 * {@code error}. Latency in microseconds; cost in the price table's currency. {@code firstTokenMicros}:
 * for streamed calls, the time to the first piece of text delivered (else null).
 */
@Serdeable
public record LlmCallRecord(
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
    @Nullable String input,
    @Nullable String output,
    @Nullable String parsed,
    int inputTokens,
    int outputTokens,
    int cachedTokens,
    BigDecimal cost,
    long latencyMicros,
    List<Attempt> attempts,
    String outcome,
    @Nullable String error,
    Instant createdAt,
    @Nullable Long firstTokenMicros) {

  @io.micronaut.core.annotation.Creator
  public LlmCallRecord {}

  /** A call that was not streamed. */
  public LlmCallRecord(
      String id, String task, String operation, String client, String traceId, String runId, String node,
      String provider, String model, String routeVersion, String promptVersion, String input, String output,
      String parsed, int inputTokens, int outputTokens, int cachedTokens, BigDecimal cost, long latencyMicros,
      List<Attempt> attempts, String outcome, String error, Instant createdAt) {
    this(id, task, operation, client, traceId, runId, node, provider, model, routeVersion, promptVersion, input,
        output, parsed, inputTokens, outputTokens, cachedTokens, cost, latencyMicros, attempts, outcome, error,
        createdAt, null);
  }

  /** One try of one target: what happened and how long it took. */
  @Serdeable
  public record Attempt(
      String provider,
      @Nullable String model,
      String status,
      @Nullable String error,
      long millis) {}
}
