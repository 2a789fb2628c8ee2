package com.carmutual.shared.llmops.annotate;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * One stored label. {@code inputKey} is the SHA-256 of the input's canonical JSON (exact-match
 * lookup); {@code hits} counts the calls answered from it.
 */
@MappedEntity("llmops_annotation")
record AnnotationEntity(
    @Id String id,
    String task,
    String input,
    String inputKey,
    @Nullable String output,
    @Nullable String correctedOutput,
    @Nullable Boolean correct,
    @Nullable String comment,
    String author,
    @Nullable String runId,
    @Nullable String versions,
    Instant createdAt,
    long hits,
    @Nullable Instant lastHitAt) {}
