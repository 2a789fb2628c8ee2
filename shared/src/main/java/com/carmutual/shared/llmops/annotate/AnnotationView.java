package com.carmutual.shared.llmops.annotate;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A stored annotation with how often it has answered a call. */
@Serdeable
public record AnnotationView(
    String id,
    String task,
    JsonNode input,
    JsonNode output,
    JsonNode correctedOutput,
    @Nullable Boolean correct,
    @Nullable String comment,
    String author,
    @Nullable String runId,
    JsonNode versions,
    java.time.Instant createdAt,
    long hits,
    @Nullable Instant lastHitAt) {

  /** The output a person stands behind: the correction, else the output marked correct. */
  public JsonNode approvedOutput() {
    if (correctedOutput != null && !correctedOutput.isNull()) {
      return correctedOutput;
    }
    return Boolean.TRUE.equals(correct) && output != null && !output.isNull() ? output : null;
  }
}
