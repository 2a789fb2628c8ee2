package com.carmutual.vin.match;

import com.carmutual.shared.llmops.eval.EvalTarget;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

/** Runs the {@code vin.match} pipeline for evaluation set {@code eval/vin.match/dev.jsonl}. */
@Singleton
final class MatchEvalTarget implements EvalTarget {
  private final VinMatcher matcher;

  MatchEvalTarget(VinMatcher matcher) {
    this.matcher = matcher;
  }

  @Override
  public String task() {
    return "vin.match";
  }

  @Override
  public String defaultScorer() {
    return VinMatchScorer.NAME;
  }

  @Override
  public Object run(JsonNode input) {
    JsonNode hint = input.get("hint");
    return EvalOutput.of(matcher.match(new MatchRequest(input.get("vin").getStringValue(),
        hint == null || hint.isNull() ? null : hint.getStringValue())));
  }
}
