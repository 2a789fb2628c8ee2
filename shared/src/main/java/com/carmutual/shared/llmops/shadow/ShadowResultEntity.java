package com.carmutual.shared.llmops.shadow;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One live input answered by the champion and, in shadow, by the challenger: both outputs (JSON),
 * whether they agree, the challenger's score against the champion, and each side's call, latency
 * and cost. The input itself is not stored (its traces hold it, redacted): its key finds annotations.
 */
@MappedEntity("llmops_shadow_result")
record ShadowResultEntity(
    @Id String id,
    String challengerId,
    String task,
    String inputKey,
    @Nullable String championOutput,
    @Nullable String challengerOutput,
    @Nullable String challengerError,
    boolean agree,
    @Nullable Double score,
    @Nullable String championCallId,
    @Nullable String challengerCallId,
    long championLatencyMicros,
    long challengerLatencyMicros,
    BigDecimal championCost,
    BigDecimal challengerCost,
    Instant createdAt) {}
