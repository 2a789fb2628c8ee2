package com.carmutual.shared.llmops;

import io.micronaut.json.tree.JsonNode;

/**
 * A workflow that can be run again from its stored input ({@code POST /v1/llmops/runs/{id}/replay}).
 * A service registers one bean per workflow it wants replayable; {@link #replay} must run the
 * pipeline through {@link Workflows#run} with the same workflow name, so the new run is stored and
 * compared node by node with the original.
 */
public interface ReplayableWorkflow {

  /** The workflow name given to {@link Workflows#run}, for example {@code claims.estimate}. */
  String workflow();

  /** Runs the workflow again on {@code input} (the original run's input as JSON). */
  Object replay(JsonNode input);
}
