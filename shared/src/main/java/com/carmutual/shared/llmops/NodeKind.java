package com.carmutual.shared.llmops;

/** Whether a node is plain code or calls a model through the gateway. */
public enum NodeKind {
  DETERMINISTIC,
  LLM
}
