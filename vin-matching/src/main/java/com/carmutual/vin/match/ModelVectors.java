package com.carmutual.vin.match;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Embedding vectors of model names, computed once each and kept for at most {@link #MAX_NAMES} names
 * (least used go first): the catalog's names fit many times over, while names that only requests bring
 * cannot make the cache grow without end. 4 096 vectors of 384 floats are about 6 MB.
 */
final class ModelVectors {
  static final int MAX_NAMES = 4096;

  private final Cache<String, float[]> vectors;
  private final Function<List<String>, List<float[]>> embed;

  ModelVectors(int maxNames, Function<List<String>, List<float[]>> embed) {
    this.vectors = Caffeine.newBuilder().maximumSize(maxNames).build();
    this.embed = embed;
  }

  /** The vector of {@code name}, embedded on first use. */
  float[] of(String name) {
    return vectors.get(name, n -> embed.apply(List.of(n)).get(0));
  }

  /** Embeds, in one batch, those of {@code names} not cached yet; returns how many that was. */
  int warm(Collection<String> names) {
    Set<String> missing = new HashSet<>(names);
    missing.removeAll(vectors.asMap().keySet());
    if (missing.isEmpty()) {
      return 0;
    }
    List<String> list = new ArrayList<>(missing);
    List<float[]> out = embed.apply(list);
    for (int i = 0; i < list.size(); i++) {
      vectors.put(list.get(i), out.get(i));
    }
    return list.size();
  }

  /** Names cached now (after pending evictions). */
  long size() {
    vectors.cleanUp();
    return vectors.estimatedSize();
  }
}
