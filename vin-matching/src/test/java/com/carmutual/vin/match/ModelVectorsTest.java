package com.carmutual.vin.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ModelVectorsTest {
  @Test
  void namesFromRequestsCannotGrowTheCacheBeyondItsBound() {
    AtomicInteger embedded = new AtomicInteger();
    ModelVectors vectors = new ModelVectors(100, names -> {
      embedded.addAndGet(names.size());
      return names.stream().map(n -> new float[] {n.length()}).toList();
    });
    for (int i = 0; i < 5_000; i++) {
      vectors.of("made up model " + i);
    }
    assertTrue(vectors.size() <= 100, "cached: " + vectors.size());
    assertEquals(5_000, embedded.get());
  }

  @Test
  void aNameIsEmbeddedOnceAndWarmingSkipsWhatIsCached() {
    AtomicInteger embedded = new AtomicInteger();
    ModelVectors vectors = new ModelVectors(ModelVectors.MAX_NAMES, names -> {
      embedded.addAndGet(names.size());
      return names.stream().map(n -> new float[] {1}).toList();
    });
    vectors.of("camry");
    vectors.of("camry");
    assertEquals(1, embedded.get());
    assertEquals(2, vectors.warm(List.of("camry", "corolla", "rav4")));
    assertEquals(0, vectors.warm(List.of("corolla")));
    assertEquals(3, embedded.get());
    assertEquals(3, vectors.size());
  }
}
