package com.carmutual.claims.damage;

import com.carmutual.shared.llmops.eval.EvalTarget;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Runs the {@code claims.damage} eval set ({@code eval/claims.damage/dev.jsonl}) through the perception node. */
@Singleton
final class DamageEvalTarget implements EvalTarget {
  private final DamagePerception perception;
  private final JsonMapper mapper;

  DamageEvalTarget(DamagePerception perception, JsonMapper mapper) {
    this.perception = perception;
    this.mapper = mapper;
  }

  @Override
  public String task() {
    return DamagePerception.TASK;
  }

  @Override
  public String defaultScorer() {
    return "set-f1";
  }

  @Override
  public Object run(JsonNode input) {
    try {
      DamageInput in = mapper.readValueFromTree(input, DamageInput.class);
      return perception.perceive(in, List.of());
    } catch (IOException e) {
      throw new UncheckedIOException("eval input is not a claims.damage input", e);
    }
  }
}
