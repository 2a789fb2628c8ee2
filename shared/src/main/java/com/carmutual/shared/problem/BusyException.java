package com.carmutual.shared.problem;

import io.micronaut.http.HttpStatus;
import java.time.Duration;

/**
 * A bounded resource (a pool, a queue, a decode slot) is full: answered as 503 problem+json with a
 * {@code Retry-After} header, so callers back off instead of the service growing without bound.
 */
public class BusyException extends ProblemException {
  private final Duration retryAfter;

  public BusyException(String slug, String detail, Duration retryAfter) {
    super(HttpStatus.SERVICE_UNAVAILABLE, slug, detail);
    this.retryAfter = retryAfter.isNegative() || retryAfter.isZero() ? Duration.ofSeconds(1) : retryAfter;
  }

  /** Whole seconds (the header's unit), never below 1. */
  public long retryAfterSeconds() {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }
}
