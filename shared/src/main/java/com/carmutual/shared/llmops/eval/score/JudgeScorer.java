package com.carmutual.shared.llmops.eval.score;

import com.carmutual.shared.gateway.LlmException;
import com.carmutual.shared.gateway.LlmGateway;
import com.carmutual.shared.llmops.eval.Scorer;
import com.carmutual.shared.llmops.eval.ScorerUnavailableException;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

/**
 * {@code judge}: a model grades the actual output against the expected one through the gateway
 * task {@code llmops.judge} (prompt {@code prompts/llmops.judge/v1.md}). It has no local
 * implementation, so offline every item is reported unscored rather than wrong.
 */
@Singleton
final class JudgeScorer implements Scorer {
  static final String TASK = "llmops.judge";
  private final BeanProvider<LlmGateway> gateway;

  JudgeScorer(BeanProvider<LlmGateway> gateway) {
    this.gateway = gateway;
  }

  /** What the judge sees. */
  @Serdeable
  record JudgeInput(JsonNode expected, JsonNode actual) {}

  /** The judge's grade in [0, 1] and its reason. */
  @Serdeable
  record JudgeVerdict(double score, @Nullable String reason) {}

  @Override
  public String name() {
    return "judge";
  }

  @Override
  public Score score(JsonNode expected, JsonNode actual) {
    try {
      JudgeVerdict v =
          gateway.get().structured(TASK, new JudgeInput(expected, actual), JudgeVerdict.class);
      double s = Math.max(0, Math.min(1, v.score()));
      return new Score(s, v.reason() == null ? "judged" : v.reason());
    } catch (LlmException e) {
      throw new ScorerUnavailableException("judge unavailable: " + e.getMessage(), e);
    }
  }
}
