package com.carmutual.shared.llmops.eval;

import io.micronaut.json.tree.JsonNode;

/** Compares an expected output with an actual one; 1.0 is a perfect match, 0.0 none. */
public interface Scorer {

  /** The name experiments refer to, for example {@code exact}, {@code set-f1}, {@code sql-result}. */
  String name();

  Score score(JsonNode expected, JsonNode actual);

  /** A score in [0, 1] and a short explanation for the item-by-item view. */
  record Score(double value, String detail) {}
}
