package com.carmutual.phone.claims;

import java.util.Map;

/** Files a claim in claims-agent. Retries with the same idempotency key never create a second claim. */
public interface ClaimFiler {

  /** Files {@code report}; returns claims-agent's claim id, or throws {@link ClaimFilingException}. */
  String file(String idempotencyKey, Map<String, Object> report);

  /** The claim was not accepted this time; the outbox tries again later. */
  class ClaimFilingException extends RuntimeException {
    public ClaimFilingException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * claims-agent refused the claim for good (400, 401, 403, 413, 415, 422): sending the same request
   * again cannot succeed, so the outbox stops and a person must act on {@code getMessage()}.
   */
  final class ClaimRefusedException extends ClaimFilingException {
    private final int status;

    public ClaimRefusedException(int status, String message) {
      super(message, null);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }
}
