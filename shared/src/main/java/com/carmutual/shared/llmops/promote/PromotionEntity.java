package com.carmutual.shared.llmops.promote;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A promotion: candidate and champion versions, sets, gates (JSON), status and, when decided, results. */
@MappedEntity("llmops_promotion")
record PromotionEntity(
    @Id String id,
    String task,
    @Nullable String candidateRoute,
    @Nullable String candidatePrompt,
    @Nullable String championRoute,
    @Nullable String championPrompt,
    String evalSets,
    String gates,
    String status,
    @Nullable String results,
    @Nullable String experimentIds,
    @Nullable String error,
    String createdBy,
    Instant createdAt,
    @Nullable Instant finishedAt) {}
