package com.carmutual.shared.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A circuit per provider (resilience4j underneath): after {@code threshold} failures in a row
 * (retriable ones: rate limits, server errors, timeouts, broken connections, unexpected errors) it
 * opens and calls skip the provider for {@code openFor}; then one probe call is let through, and its
 * outcome always closes or reopens it: an answer of any kind (including a 4xx, which proves the
 * provider is up) closes it, a failure reopens it. A probe that never reports back (its thread
 * died) counts as failed once {@code openFor} has passed, so the circuit cannot stay half-open.
 *
 * <p>Every {@link #allow()} that returns true must be followed by exactly one of {@link
 * #success()}, {@link #rejected()} or {@link #failure()}.
 */
final class CircuitBreaker {
  private final io.github.resilience4j.circuitbreaker.CircuitBreaker delegate;
  private final Clock clock;
  private final long openForNanos;
  private volatile long probeStartedNanos;

  CircuitBreaker(int threshold, long openForNanos) {
    this(threshold, Duration.ofNanos(openForNanos), Clock.systemUTC());
  }

  CircuitBreaker(int threshold, Duration openFor, Clock clock) {
    int n = Math.max(1, threshold);
    this.clock = clock;
    this.openForNanos = openFor.toNanos();
    this.delegate = io.github.resilience4j.circuitbreaker.CircuitBreaker.of(
        "provider",
        CircuitBreakerConfig.custom()
            // n calls in the window, all failed: n failures in a row
            .slidingWindow(n, n, SlidingWindowType.COUNT_BASED)
            .failureRateThreshold(100)
            .waitDurationInOpenState(openFor)
            .permittedNumberOfCallsInHalfOpenState(1)
            .recordExceptions(Throwable.class)
            .clock(clock)
            .currentTimestampFunction(c -> TimeUnit.MILLISECONDS.toNanos(c.millis()), TimeUnit.NANOSECONDS)
            .build());
  }

  /** True when a call may go to the provider now (in half-open state: to the one probe). */
  boolean allow() {
    if (delegate.getState() == State.HALF_OPEN && now() - probeStartedNanos > openForNanos) {
      // the probe let through never reported back: count it as failed
      delegate.transitionToOpenState();
    }
    boolean allowed = delegate.tryAcquirePermission();
    if (allowed && delegate.getState() == State.HALF_OPEN) {
      probeStartedNanos = now();
    }
    return allowed;
  }

  /** The provider answered. */
  void success() {
    delegate.onSuccess(0, TimeUnit.NANOSECONDS);
  }

  /** The provider answered but refused the request (4xx): it is up, so this counts as an answer. */
  void rejected() {
    success();
  }

  /** The call failed in a way that says the provider may be down, or in a way nobody expected. */
  void failure() {
    delegate.onError(0, TimeUnit.NANOSECONDS, ProviderDown.INSTANCE);
  }

  /** {@link #failure()} when a retry could help (the provider's fault), else {@link #rejected()}. */
  void failed(boolean retriable) {
    if (retriable) {
      failure();
    } else {
      rejected();
    }
  }

  boolean isOpen() {
    State s = delegate.getState();
    return s == State.OPEN || s == State.FORCED_OPEN;
  }

  /** closed, open or half_open. */
  String state() {
    return delegate.getState().name().toLowerCase(java.util.Locale.ROOT);
  }

  private long now() {
    return TimeUnit.MILLISECONDS.toNanos(clock.millis());
  }

  /** The one exception recorded for failures; no stack trace, nothing to leak. */
  private static final class ProviderDown extends RuntimeException {
    static final ProviderDown INSTANCE = new ProviderDown();

    private ProviderDown() {
      super("provider failure", null, false, false);
    }
  }
}
