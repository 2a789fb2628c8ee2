package com.carmutual.shared.llmops.testapp;

import com.carmutual.shared.gateway.LlmGateway;
import com.carmutual.shared.llmops.NodeKind;
import com.carmutual.shared.llmops.ReplayableWorkflow;
import com.carmutual.shared.llmops.Workflows;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

/**
 * A small pipeline like the services' ones: a deterministic node, an LLM node, and a node that
 * encloses another; fails on purpose when the text is {@code fail}.
 */
@Singleton
@Requires(env = "llmops")
public class EchoWorkflow implements ReplayableWorkflow {
  public static final String NAME = "test.echo-flow";
  private final Workflows workflows;
  private final LlmGateway gateway;

  EchoWorkflow(Workflows workflows, LlmGateway gateway) {
    this.workflows = workflows;
    this.gateway = gateway;
  }

  public Workflows.RunResult<Echo> run(Echo input) {
    return workflows.run(
        NAME,
        input,
        run -> {
          Echo clean =
              run.node("normalise", NodeKind.DETERMINISTIC, input, () -> new Echo(input.text().trim()));
          Echo answered =
              run.node(
                  "answer",
                  NodeKind.LLM,
                  clean,
                  () -> gateway.structured(EchoTask.TASK, clean, Echo.class));
          return run.node(
              "finish",
              NodeKind.DETERMINISTIC,
              answered,
              () -> {
                Echo checked =
                    run.node(
                        "check",
                        NodeKind.DETERMINISTIC,
                        answered,
                        () -> {
                          if (answered.text().equals("FAIL")) {
                            throw new IllegalStateException("refused text FAIL");
                          }
                          return answered;
                        });
                return new Echo(checked.text() + "!");
              });
        });
  }

  @Override
  public String workflow() {
    return NAME;
  }

  @Override
  public Object replay(JsonNode input) {
    return run(new Echo(input.get("text").getStringValue())).output();
  }
}
