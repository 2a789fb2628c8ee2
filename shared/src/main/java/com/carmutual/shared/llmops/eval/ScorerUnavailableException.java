package com.carmutual.shared.llmops.eval;

/**
 * A scorer could not judge an item (for example the judge model is not reachable offline). The
 * item is stored unscored, with this message, instead of being counted as wrong.
 */
public class ScorerUnavailableException extends RuntimeException {
  public ScorerUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
