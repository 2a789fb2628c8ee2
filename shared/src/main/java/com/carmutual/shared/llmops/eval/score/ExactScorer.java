package com.carmutual.shared.llmops.eval.score;

import com.carmutual.shared.llmops.eval.Scorer;
import com.carmutual.shared.llmops.support.Jsons;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

/** {@code exact}: 1 when the outputs are the same JSON value (key order and number form ignored). */
@Singleton
final class ExactScorer implements Scorer {
  private final Jsons jsons;

  ExactScorer(Jsons jsons) {
    this.jsons = jsons;
  }

  @Override
  public String name() {
    return "exact";
  }

  @Override
  public Score score(JsonNode expected, JsonNode actual) {
    String e = jsons.canonical(expected);
    String a = jsons.canonical(actual);
    return e.equals(a)
        ? new Score(1.0, "same")
        : new Score(0.0, Normal.shorten("expected " + e + " got " + a));
  }
}
