package com.carmutual.shared.gateway;

/**
 * Why a gateway call produced no usable answer. The {@link Kind} tells the caller whether to fall
 * back to its deterministic path (always possible) and operators what went wrong.
 */
public class LlmException extends RuntimeException {
  /** What went wrong, in terms a caller can act on. */
  public enum Kind {
    /** No route, or the route names no usable target. */
    NOT_CONFIGURED,
    /** The task has no local implementation and the route reached the local provider. */
    NO_LOCAL_IMPLEMENTATION,
    /** Every target failed (timeouts, rate limits, server errors, open circuits). */
    UNAVAILABLE,
    /** Answers came back but none fitted the output schema, even after a repair attempt. */
    INVALID_OUTPUT,
    /** The request itself was refused by the provider (bad request, authentication). */
    REJECTED,
    /** The overall deadline passed. */
    DEADLINE_EXCEEDED
  }

  private final String task;
  private final Kind kind;

  public LlmException(String task, Kind kind, String message) {
    this(task, kind, message, null);
  }

  public LlmException(String task, Kind kind, String message, Throwable cause) {
    super("task " + task + ": " + message, cause);
    this.task = task;
    this.kind = kind;
  }

  public String task() {
    return task;
  }

  public Kind kind() {
    return kind;
  }
}
