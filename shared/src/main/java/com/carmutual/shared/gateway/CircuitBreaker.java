package com.carmutual.shared.gateway;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A circuit per provider: after {@code threshold} failures in a row (retriable ones: rate
 * limits, server errors, timeouts, broken connections) it opens and calls skip the provider for
 * {@code openForNanos}; then one probe call is let through, and its result closes or reopens it.
 */
final class CircuitBreaker {
  private final int threshold;
  private final long openForNanos;
  private final AtomicInteger failures = new AtomicInteger();
  private final AtomicBoolean probing = new AtomicBoolean();
  private volatile long openUntil;
  private volatile boolean open;

  CircuitBreaker(int threshold, long openForNanos) {
    this.threshold = threshold;
    this.openForNanos = openForNanos;
  }

  /** True when a call may go to the provider now. */
  boolean allow() {
    if (!open) {
      return true;
    }
    if (System.nanoTime() - openUntil < 0) {
      return false;
    }
    return probing.compareAndSet(false, true);
  }

  void success() {
    failures.set(0);
    if (open) {
      open = false;
    }
    probing.set(false);
  }

  void failure() {
    int n = failures.incrementAndGet();
    if (n >= threshold || probing.get()) {
      openUntil = System.nanoTime() + openForNanos;
      open = true;
      probing.set(false);
    }
  }

  boolean isOpen() {
    return open;
  }
}
