package com.carmutual.phone.claims;

import java.util.Map;

/** Files a claim in claims-agent. Retries with the same idempotency key never create a second claim. */
public interface ClaimFiler {

  /** Files {@code report}; returns claims-agent's claim id, or throws {@link ClaimFilingException}. */
  String file(String idempotencyKey, Map<String, Object> report);

  /** The claim was not accepted this time; the outbox tries again later. */
  final class ClaimFilingException extends RuntimeException {
    public ClaimFilingException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
