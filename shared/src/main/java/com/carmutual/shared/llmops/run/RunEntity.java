package com.carmutual.shared.llmops.run;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One stored workflow run; JSON values are text. */
@MappedEntity("llmops_run")
record RunEntity(
    @Id String id,
    String workflow,
    @Nullable String input,
    @Nullable String output,
    @Nullable String error,
    String status,
    Instant startedAt,
    long durationMicros,
    @Nullable String codeVersion,
    @Nullable String versions,
    @Nullable String client,
    @Nullable String traceId,
    @Nullable String replayOf) {}
