package com.carmutual.shared.llmops.run;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.List;

/** Writes a finished run and its nodes in one transaction. */
@Singleton
class RunStore {
  private final RunRepository runs;
  private final NodeRepository nodes;

  RunStore(RunRepository runs, NodeRepository nodes) {
    this.runs = runs;
    this.nodes = nodes;
  }

  @Transactional
  void save(RunEntity run, List<NodeEntity> runNodes) {
    runs.save(run);
    if (!runNodes.isEmpty()) {
      nodes.saveAll(runNodes);
    }
  }
}
