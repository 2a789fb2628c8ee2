package com.carmutual.shared.gateway;

import java.util.function.Supplier;

/**
 * A value in force on this thread while a body runs, put back as it was afterwards (so scopes
 * nest): the one mechanism behind {@link CallScope}, {@link GatewayOverrides}, {@link ShadowCalls}
 * and the experiment marker of {@code llmops}.
 */
public final class ThreadScope<T> {
  private final ThreadLocal<T> current = new ThreadLocal<>();

  /** Runs {@code body} with {@code value} in force on this thread. */
  public <R> R within(T value, Supplier<R> body) {
    T previous = current.get();
    current.set(value);
    try {
      return body.get();
    } finally {
      if (previous == null) {
        current.remove();
      } else {
        current.set(previous);
      }
    }
  }

  /** The value in force on this thread, or null outside every {@link #within}. */
  public T get() {
    return current.get();
  }
}
