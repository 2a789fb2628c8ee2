package com.carmutual.phone.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedPoolTest {
  @Test
  void refusesWorkBeyondItsThreadsAndQueueAndNeverGrows() throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    AtomicInteger ran = new AtomicInteger();
    try (BoundedPool pool = new BoundedPool("test-pool", 2, 3)) {
      Runnable blocked = () -> {
        try {
          gate.await(10, TimeUnit.SECONDS);
          ran.incrementAndGet();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      };
      for (int i = 0; i < 5; i++) {
        pool.execute(blocked);
      }
      int refused = 0;
      for (int i = 0; i < 100; i++) {
        try {
          pool.execute(blocked);
        } catch (RejectedExecutionException e) {
          refused++;
        }
      }
      assertEquals(100, refused);
      assertEquals(2, pool.threads());
      assertEquals(3, pool.queued());
      gate.countDown();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (ran.get() < 5 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertEquals(5, ran.get());
      assertEquals(2, pool.largestThreads());
      assertEquals(3, pool.queueCapacity());
    }
  }

  @Test
  void needsAThreadAndAQueueSlot() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BoundedPool("empty", 0, 1));
    assertTrue(e.getMessage().contains("empty"));
  }
}
