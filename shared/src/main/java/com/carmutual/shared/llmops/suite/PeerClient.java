package com.carmutual.shared.llmops.suite;

import java.net.URI;
import java.time.Duration;

/** Reads one peer's JSON list; never throws: every outcome is a {@link PeerReply}. */
interface PeerClient {
  PeerReply get(URI uri, String clientKey, Duration timeout);

  /** The status (0 when no response came), the body (bounded) and what went wrong. */
  record PeerReply(int status, String body, long millis, String error) {}
}
