package com.carmutual.shared.llmops.run;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One executed node of a run; {@code parentSeq} is the enclosing node, {@code calls} its LLM calls. */
@MappedEntity("llmops_node")
record NodeEntity(
    @Id String id,
    String runId,
    int seq,
    @Nullable Integer parentSeq,
    String name,
    String kind,
    @Nullable String input,
    @Nullable String output,
    @Nullable String error,
    Instant startedAt,
    long durationMicros,
    @Nullable String calls) {}
