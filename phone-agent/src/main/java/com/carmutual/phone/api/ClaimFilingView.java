package com.carmutual.phone.api;

import com.carmutual.phone.claims.ClaimOutbox;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * Where a call's claim filing stands in claims-agent: {@code pending} (retrying, next at
 * {@code nextAttemptAt}), {@code sending}, {@code filed} (with {@code claimId}) or {@code rejected}
 * (refused for good; {@code lastError} holds claims-agent's problem detail and a person must act).
 */
@Serdeable
public record ClaimFilingView(String status, int attempts, @Nullable String claimId, @Nullable String lastError, @Nullable Instant nextAttemptAt) {

  static ClaimFilingView of(ClaimOutbox.Entry e) {
    boolean waiting = "pending".equals(e.status()) || "sending".equals(e.status());
    return new ClaimFilingView(e.status(), e.attempts(), e.claimId(), e.lastError(), waiting ? e.nextAttemptAt() : null);
  }
}
