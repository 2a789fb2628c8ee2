package com.carmutual.text2data.eval;

import com.carmutual.shared.llmops.eval.EvalTarget;
import com.carmutual.text2data.ask.AskWorkflow;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

/**
 * Evaluation target of the labelled set {@code eval/text2data.parse/dev.jsonl}: runs the whole ask
 * workflow (parse through the gateway, compile, execute) on {question, asOf} and returns the
 * answer, scored by {@code sql-result} on its rows.
 */
@Singleton
final class ParseEvalTarget implements EvalTarget {
  private final AskWorkflow workflow;

  ParseEvalTarget(AskWorkflow workflow) {
    this.workflow = workflow;
  }

  @Override
  public String task() {
    return "text2data.parse";
  }

  @Override
  public String defaultScorer() {
    return SqlResultScorer.NAME;
  }

  @Override
  public Object run(JsonNode input) {
    JsonNode q = input.get("question");
    JsonNode asOf = input.get("asOf");
    return workflow.ask(q == null ? "" : q.coerceStringValue(), asOf == null || asOf.isNull() ? null : asOf.coerceStringValue(), null);
  }
}
