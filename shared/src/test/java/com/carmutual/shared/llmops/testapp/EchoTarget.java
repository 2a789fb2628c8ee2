package com.carmutual.shared.llmops.testapp;

import com.carmutual.shared.gateway.LlmGateway;
import com.carmutual.shared.llmops.eval.EvalTarget;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

/** Evaluates {@code test.echo} through the gateway. */
@Singleton
@Requires(env = "llmops")
public final class EchoTarget implements EvalTarget {
  private final LlmGateway gateway;

  EchoTarget(LlmGateway gateway) {
    this.gateway = gateway;
  }

  @Override
  public String task() {
    return EchoTask.TASK;
  }

  @Override
  public String defaultScorer() {
    return "exact";
  }

  @Override
  public Object run(JsonNode input) {
    return gateway.structured(EchoTask.TASK, new Echo(input.get("text").getStringValue()), Echo.class);
  }
}
