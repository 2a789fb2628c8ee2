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
 * {@code error}. Latency in microseconds; cost in the price table's currency.
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
    Instant createdAt) {

  /** One try of one target: what happened and how long it took. */
  @Serdeable
  public record Attempt(
      String provider,
      @Nullable String model,
      String status,
      @Nullable String error,
      long millis) {}
}
