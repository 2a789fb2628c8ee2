package com.carmutual.vin.match;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Input of task {@code vin.rerank}: catalog rows the deterministic scoring could not tell apart. */
@Serdeable
public record RerankInput(String vehicle, @Nullable String hint, List<Option> candidates) {
  /** One tied row. */
  @Serdeable
  public record Option(String catalogId, String description) {}
}
