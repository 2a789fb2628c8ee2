package com.carmutual.vin.match;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds every catalog model name once after start-up, on a background thread, so fuzzy model
 * matching never waits for the embedding model. Off with {@code vin.match.warm-embeddings=false}.
 */
@Singleton
@Requires(property = "vin.match.warm-embeddings", notEquals = "false")
final class EmbeddingWarmup {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddingWarmup.class);
  private final VinMatcher matcher;

  EmbeddingWarmup(VinMatcher matcher) {
    this.matcher = matcher;
  }

  @EventListener
  void onStartup(StartupEvent event) {
    Thread t = new Thread(() -> {
      try {
        long start = System.nanoTime();
        matcher.cacheCatalogVectors();
        LOG.info("catalog model names embedded in {} ms", (System.nanoTime() - start) / 1_000_000);
      } catch (RuntimeException e) {
        LOG.warn("catalog embeddings not cached ({}); computed on demand", e.toString());
      }
    }, "vin-embed-warmup");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }
}
