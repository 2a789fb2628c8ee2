package com.carmutual.phone.claims;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Retries undelivered claims in the background (off in tests, which call the outbox directly). */
@Singleton
@Requires(property = "phone.workers.enabled", notEquals = "false")
final class ClaimOutboxWorker {
  private static final Logger LOG = LoggerFactory.getLogger(ClaimOutboxWorker.class);
  private final ClaimOutbox outbox;

  ClaimOutboxWorker(ClaimOutbox outbox) {
    this.outbox = outbox;
  }

  @Scheduled(fixedDelay = "15s", initialDelay = "10s")
  void retry() {
    try {
      outbox.deliverDue();
    } catch (RuntimeException e) {
      LOG.warn("claim outbox pass failed", e);
    }
  }
}
