package com.carmutual.shared.llmops.eval.set;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One immutable version of an evaluation set. */
@MappedEntity("llmops_eval_set")
record EvalSetEntity(
    @Id String id,
    String task,
    String name,
    int version,
    String source,
    String contentHash,
    int itemCount,
    String createdBy,
    Instant createdAt) {}
