package com.carmutual.shared.gateway;

import java.util.function.Supplier;

/**
 * Marks the gateway calls made on this thread as shadow calls: a challenger answering a live input
 * that a caller never sees. They are traced (under the run and node their runner sets) but do not
 * reach call listeners (metrics), budgets, guardrails or another challenger.
 */
public final class ShadowCalls {
  private static final ThreadScope<Boolean> ACTIVE = new ThreadScope<>();

  private ShadowCalls() {}

  public static boolean active() {
    return Boolean.TRUE.equals(ACTIVE.get());
  }

  public static <T> T within(Supplier<T> body) {
    return ACTIVE.within(Boolean.TRUE, body);
  }
}
