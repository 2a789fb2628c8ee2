package com.carmutual.shared.llmops;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * FOUNDATION PLACEHOLDER: keeps contexts in this instance's memory. Replaced by the
 * database-backed implementation of the LLM operations issue (so any instance can serve).
 */
@Singleton
final class InMemorySharedMemory implements SharedMemory {
  private record Entry(Object value, Instant expires) {}

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock;

  InMemorySharedMemory(Clock clock) {
    this.clock = clock;
  }

  @Override
  public <T> Optional<T> read(String contextId, Class<T> type) {
    Entry e = entries.get(contextId);
    if (e == null || e.expires().isBefore(clock.instant()) || !type.isInstance(e.value())) {
      return Optional.empty();
    }
    return Optional.of(type.cast(e.value()));
  }

  @Override
  public void write(String contextId, Object value, Duration ttl) {
    entries.put(contextId, new Entry(value, clock.instant().plus(ttl)));
  }

  @Override
  public void delete(String contextId) {
    entries.remove(contextId);
  }
}
