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

  private static final ThreadScope<Scope> CURRENT = new ThreadScope<>();

  private CallScope() {}

  public static <T> T within(String runId, String node, Supplier<T> body) {
    return CURRENT.within(new Scope(runId, node), body);
  }

  public static Optional<Scope> current() {
    return Optional.ofNullable(CURRENT.get());
  }
}
