package com.carmutual.shared.llmops.eval.set;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One item of a set version: an input and the expected output, and where it came from. */
@MappedEntity("llmops_eval_item")
record EvalItemEntity(
    @Id String id,
    String setId,
    int seq,
    String itemKey,
    String input,
    @Nullable String expected,
    @Nullable String origin) {}
