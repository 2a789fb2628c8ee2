package com.carmutual.shared.llmops;

import java.time.Duration;
import java.util.Optional;

/**
 * A conversation or case context, by id and with an expiry, that nodes and follow-up requests
 * read and write (text2data follow-ups, phone turns, claim review) instead of starting blank.
 */
public interface SharedMemory {

  /** The stored value of {@code contextId}, if present and not expired. */
  <T> Optional<T> read(String contextId, Class<T> type);

  /** Stores {@code value} (any serialisable record) under {@code contextId} for {@code ttl}. */
  void write(String contextId, Object value, Duration ttl);

  void delete(String contextId);
}
