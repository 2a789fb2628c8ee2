package com.carmutual.shared.llmops.shadow;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A challenger of a task: the version it runs, its sample rate, and, once ended, its counts. */
@MappedEntity("llmops_challenger")
record ChallengerEntity(
    @Id String id,
    String task,
    @Nullable String routeVersion,
    @Nullable String promptVersion,
    double sampleRate,
    String status,
    long sampled,
    long dropped,
    String startedBy,
    Instant startedAt,
    @Nullable Instant endedAt) {}
