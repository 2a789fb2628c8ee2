package com.carmutual.claims.capacity;

import com.carmutual.shared.problem.ProblemException;
import io.micronaut.http.HttpStatus;

/**
 * A bounded resource (request pool, photo decodes) is full: answered 503 with {@code Retry-After},
 * so clients back off instead of the service queueing without limit or running out of memory.
 */
public final class Busy extends ProblemException {
  private final long retryAfterSeconds;

  public Busy(String detail, long retryAfterSeconds) {
    super(HttpStatus.SERVICE_UNAVAILABLE, "busy", detail);
    this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
  }

  /** Seconds a client should wait before retrying (at least 1). */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
