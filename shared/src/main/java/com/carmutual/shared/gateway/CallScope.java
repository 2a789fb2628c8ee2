package com.carmutual.shared.gateway;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which workflow run and node the gateway calls on this thread belong to; set by the workflow
 * engine so that every traced call can be shown under its node.
 */
public final class CallScope {
  /** A run id and node name. */
  public record Scope(String runId, String node) {}

  private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

  private CallScope() {}

  public static <T> T within(String runId, String node, Supplier<T> body) {
    Scope previous = CURRENT.get();
    CURRENT.set(new Scope(runId, node));
    try {
      return body.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  public static Optional<Scope> current() {
    return Optional.ofNullable(CURRENT.get());
  }
}
