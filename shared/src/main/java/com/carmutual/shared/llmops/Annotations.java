package com.carmutual.shared.llmops;

import io.micronaut.core.annotation.Nullable;

/**
 * Human labels on model or workflow outputs (adjusters' estimate corrections, analysts' query
 * corrections, phone transcript fixes), stored with the input, the output and the versions that
 * produced them, for evaluation and annotation reply.
 */
public interface Annotations {

  /** Stores one annotation and returns its id. */
  String record(Annotation annotation);

  /**
   * One label. {@code input}, {@code output} and {@code correctedOutput} are serialisable values
   * (records, maps); {@code correct} is the right/wrong verdict when given.
   */
  record Annotation(
      String task,
      Object input,
      @Nullable Object output,
      @Nullable Object correctedOutput,
      @Nullable Boolean correct,
      @Nullable String comment,
      String author,
      @Nullable String runId) {}
}
