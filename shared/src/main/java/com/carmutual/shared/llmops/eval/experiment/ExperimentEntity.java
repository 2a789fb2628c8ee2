package com.carmutual.shared.llmops.eval.experiment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One experiment: a set version run under one or more configurations, with progress and summary. */
@MappedEntity("llmops_experiment")
record ExperimentEntity(
    @Id String id,
    String setId,
    String task,
    String scorer,
    String configurations,
    String status,
    int total,
    int done,
    @Nullable String summary,
    @Nullable String error,
    String createdBy,
    Instant createdAt,
    @Nullable Instant finishedAt) {}
