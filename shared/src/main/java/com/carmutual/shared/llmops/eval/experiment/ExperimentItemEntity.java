package com.carmutual.shared.llmops.eval.experiment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;

/** One item's result under one configuration; {@code score} is null when it could not be scored. */
@MappedEntity("llmops_experiment_item")
record ExperimentItemEntity(
    @Id String id,
    String experimentId,
    String configuration,
    int seq,
    String itemKey,
    @Nullable String output,
    @Nullable String error,
    @Nullable Double score,
    @Nullable String scoreDetail,
    long latencyMicros,
    int inputTokens,
    int outputTokens,
    BigDecimal cost,
    int calls,
    @Nullable String runId) {}
