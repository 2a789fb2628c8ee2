package com.carmutual.shared.gateway.provider;

import java.time.Duration;

/**
 * The limits of one streamed attempt: {@code firstToken} from sending the request to the first
 * piece of text, {@code idle} between two lines once text flows, {@code total} for the whole
 * attempt (the call's remaining deadline).
 */
public record StreamTimeouts(Duration firstToken, Duration idle, Duration total) {
  public StreamTimeouts {
    if (firstToken.isNegative() || idle.isNegative() || total.isNegative()) {
      throw new IllegalArgumentException("stream timeouts must not be negative: " + firstToken + ", " + idle + ", " + total);
    }
  }
}
