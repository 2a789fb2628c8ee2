package com.carmutual.phone.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.carmutual.phone.capacity.BoundedPool;
import com.carmutual.phone.script.Scripts;
import com.carmutual.shared.gateway.LlmGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A gateway that hangs does not grow threads: the extractor waits on a pool of fixed size, and a turn
 * that finds it full is answered by the deterministic parsers at once, with the same fields.
 */
class UnderstandingPoolTest {
  @Test
  void aHangingGatewayNeverTakesMoreThanThePoolAndEveryTurnIsAnswered() throws Exception {
    CountDownLatch hang = new CountDownLatch(1);
    AtomicInteger gatewayCalls = new AtomicInteger();
    LlmGateway gateway = mock(LlmGateway.class);
    when(gateway.structured(anyString(), any(), eq(Extraction.class))).thenAnswer(inv -> {
      gatewayCalls.incrementAndGet();
      hang.await(30, TimeUnit.SECONDS);
      throw new IllegalStateException("never answers in time");
    });
    var script = new Scripts().get("fnol");
    ExtractInput input = new ExtractInput("fnol", "en", "2025-06-18", "member_id", script.specs(), List.of(), "M one two three four five six", null);
    Extraction expected = new DeterministicExtractor().extract(input);

    try (BoundedPool pool = new BoundedPool(BoundedPool.EXTRACT, 2, 2)) {
      Understanding understanding = new Understanding(gateway, Duration.ofMillis(1500), "gateway", null, pool);
      ExecutorService turns = Executors.newFixedThreadPool(12);
      List<Future<long[]>> answers = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        answers.add(turns.submit(() -> {
          long start = System.nanoTime();
          Extraction x = understanding.extract(input);
          assertEquals(expected.values(), x.values());
          return new long[] {TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)};
        }));
      }
      int quick = 0;
      for (Future<long[]> f : answers) {
        if (f.get(20, TimeUnit.SECONDS)[0] < 1000) {
          quick++;
        }
      }
      turns.shutdown();
      assertTrue(quick >= 8, "turns refused by the full pool are answered at once: " + quick);
      assertTrue(pool.largestThreads() <= 2, "threads: " + pool.largestThreads());
      assertTrue(gatewayCalls.get() <= 4, "gateway calls: " + gatewayCalls.get());
    } finally {
      hang.countDown();
    }
  }
}
