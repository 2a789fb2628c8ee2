package com.carmutual.shared.gateway;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** A filter over stored calls; null parts do not filter. {@code from} inclusive, {@code to} exclusive. */
public record LlmCallQuery(
    @Nullable String task,
    @Nullable String outcome,
    @Nullable Instant from,
    @Nullable Instant to,
    int limit) {

  public LlmCallQuery {
    limit = limit <= 0 ? 50 : Math.min(limit, 1000);
  }

  public static LlmCallQuery latest(int limit) {
    return new LlmCallQuery(null, null, null, null, limit);
  }
}
