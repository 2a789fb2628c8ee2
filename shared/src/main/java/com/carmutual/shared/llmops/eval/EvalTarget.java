package com.carmutual.shared.llmops.eval;

import io.micronaut.json.tree.JsonNode;

/**
 * Something an evaluation set can be run against: an LLM task through the gateway, or a whole
 * deterministic pipeline (for example {@code vin.match}). Services register one bean per task they
 * ship a labelled set for; experiments run it under each configuration being compared.
 */
public interface EvalTarget {

  /** The task name the set belongs to, for example {@code claims.damage}. */
  String task();

  /** The scorer that compares expected and actual outputs of this task by default. */
  String defaultScorer();

  /** Runs one item's input and returns the output as a serialisable value. */
  Object run(JsonNode input);
}
