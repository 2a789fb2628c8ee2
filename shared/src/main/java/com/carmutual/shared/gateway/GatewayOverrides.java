package com.carmutual.shared.gateway;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Per-call version overrides for experiments and replays, scoped to the current thread: inside
 * {@link #with}, the given tasks run with the given versions whatever is active.
 */
public final class GatewayOverrides {
  private static final ThreadScope<Map<String, TaskVersion>> CURRENT = new ThreadScope<>();

  private GatewayOverrides() {}

  public static <T> T with(Map<String, TaskVersion> byTask, Supplier<T> body) {
    return CURRENT.within(Map.copyOf(byTask), body);
  }

  public static Optional<TaskVersion> current(String task) {
    Map<String, TaskVersion> m = CURRENT.get();
    return m == null ? Optional.empty() : Optional.ofNullable(m.get(task));
  }
}
