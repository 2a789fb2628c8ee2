package com.carmutual.shared.llmops;

import jakarta.inject.Singleton;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * FOUNDATION PLACEHOLDER: runs workflows without storing them. Replaced by the stored
 * implementation of the LLM operations issue.
 */
@Singleton
final class PassThroughWorkflows implements Workflows {
  @Override
  public <T> RunResult<T> run(String workflow, Object input, Function<WorkflowRun, T> body) {
    String id = UUID.randomUUID().toString();
    WorkflowRun run =
        new WorkflowRun() {
          @Override
          public String id() {
            return id;
          }

          @Override
          public <O> O node(String name, NodeKind kind, Object nodeInput, Supplier<O> nodeBody) {
            return nodeBody.get();
          }
        };
    return new RunResult<>(id, body.apply(run));
  }
}
