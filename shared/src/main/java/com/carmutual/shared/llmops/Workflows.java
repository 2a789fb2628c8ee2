package com.carmutual.shared.llmops;

import java.util.function.Function;

/**
 * Runs a service pipeline as a traced workflow: a sequence of named nodes, deterministic or LLM,
 * each stored with its input, output, timing and the LLM calls it made.
 *
 * <pre>{@code
 * RunResult<Estimate> r = workflows.run("claims.estimate", report, run -> {
 *   Vehicle v = run.node("vehicle", NodeKind.DETERMINISTIC, report, () -> vehicles.resolve(report));
 *   Damages d = run.node("damage", NodeKind.LLM, report, () -> gateway.structured("claims.damage", report, Damages.class));
 *   return planner.plan(v, d);
 * });
 * }</pre>
 */
public interface Workflows {

  /** Runs {@code body} as one stored run of {@code workflow}; the run id comes back with the output. */
  <T> RunResult<T> run(String workflow, Object input, Function<WorkflowRun, T> body);

  /** What a workflow produced and the id of the stored run ({@code GET /v1/llmops/runs/{id}}). */
  record RunResult<T>(String runId, T output) {}
}
