package com.carmutual.shared.llmops.memory;

import com.carmutual.shared.llmops.SharedMemory;
import com.carmutual.shared.llmops.support.Jsons;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shared memory in the service's database, so any instance can continue a conversation or case.
 * Values are stored as JSON and read back as the type the reader asks for; a value that no longer
 * fits that type reads as absent (and is logged) rather than failing the request.
 */
@Singleton
final class StoredSharedMemory implements SharedMemory {
  private static final Logger LOG = LoggerFactory.getLogger(StoredSharedMemory.class);

  private final MemoryRepository repository;
  private final Jsons jsons;
  private final Clock clock;

  StoredSharedMemory(MemoryRepository repository, Jsons jsons, Clock clock) {
    this.repository = repository;
    this.jsons = jsons;
    this.clock = clock;
  }

  @Override
  public <T> Optional<T> read(String contextId, Class<T> type) {
    Optional<MemoryEntity> found = repository.findById(contextId);
    if (found.isEmpty() || !found.get().expiresAt().isAfter(clock.instant())) {
      return Optional.empty();
    }
    try {
      return Optional.of(jsons.read(found.get().valueJson(), type));
    } catch (IllegalArgumentException e) {
      LOG.warn(
          "shared memory {} holds a {} that does not read as {}",
          contextId,
          found.get().valueType(),
          type.getName());
      return Optional.empty();
    }
  }

  @Override
  public void write(String contextId, Object value, Duration ttl) {
    Objects.requireNonNull(contextId, "contextId");
    Objects.requireNonNull(value, "value");
    if (ttl == null || ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive: " + ttl);
    }
    Instant now = clock.instant();
    String json = jsons.write(value);
    String type = value.getClass().getName();
    Instant expires = now.plus(ttl);
    if (repository.overwrite(contextId, json, type, expires, now) == 0) {
      try {
        repository.save(new MemoryEntity(contextId, json, type, expires, now));
      } catch (RuntimeException raced) {
        // another instance inserted the same context first: last writer wins
        repository.overwrite(contextId, json, type, expires, now);
      }
    }
  }

  @Override
  public void delete(String contextId) {
    repository.deleteById(contextId);
  }

  @Scheduled(fixedDelay = "${suite.llmops.memory.sweep:10m}", initialDelay = "1m")
  void sweepExpired() {
    try {
      long n = repository.deleteExpired(clock.instant());
      if (n > 0) {
        LOG.debug("removed {} expired shared-memory contexts", n);
      }
    } catch (RuntimeException e) {
      LOG.warn("expired shared memory could not be removed", e);
    }
  }
}
