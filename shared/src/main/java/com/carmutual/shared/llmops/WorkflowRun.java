package com.carmutual.shared.llmops;

import java.util.function.Supplier;

/** One run in progress: each step of the pipeline is executed through {@link #node}. */
public interface WorkflowRun {

  String id();

  /** Executes one named node, recording its input, output (or error) and timing. */
  <O> O node(String name, NodeKind kind, Object input, Supplier<O> body);
}
