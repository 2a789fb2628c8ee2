package com.carmutual.shared.gateway.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LedgerTest {

  @Test
  void concurrentReservationsNeverPassTheLimitAndSettleExactly() throws Exception {
    Ledger ledger = new Ledger(new BudgetLimit("b", "t", null, new BigDecimal("0.010000"), 5_000L, null));
    Ledger.Day day = ledger.day(LocalDate.of(2026, 12, 2));
    ExecutorService pool = Executors.newFixedThreadPool(50);
    CountDownLatch go = new CountDownLatch(1);
    AtomicInteger admitted = new AtomicInteger();
    for (int i = 0; i < 2_000; i++) {
      int n = i;
      pool.execute(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          return;
        }
        if (ledger.tryReserve(day, 400, 300)) {
          assertTrue(day.usedMicros.get() <= 10_000 && day.usedTokens.get() <= 5_000);
          admitted.incrementAndGet();
          Ledger.settle(day, 400, 300, 100 + n % 300, 50 + n % 250);
        }
      });
    }
    go.countDown();
    pool.shutdown();
    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    assertTrue(day.spentMicros.get() <= 10_000, "spent " + day.spentMicros.get());
    assertTrue(day.spentTokens.get() <= 5_000, "tokens " + day.spentTokens.get());
    assertEquals(admitted.get(), day.calls.get());
    assertEquals(day.spentMicros.get(), day.usedMicros.get(), "nothing stays reserved");
    // full up to less than one more reservation
    assertTrue(day.usedMicros.get() + 400 > 10_000 || day.usedTokens.get() + 300 > 5_000);
  }

  @Test
  void aNewBusinessDayStartsAfresh() {
    Ledger ledger = new Ledger(new BudgetLimit("b", "t", null, null, 10L, null));
    Ledger.Day monday = ledger.day(LocalDate.of(2026, 12, 7));
    assertTrue(ledger.tryReserve(monday, 0, 10));
    assertTrue(!ledger.tryReserve(monday, 0, 1));
    assertTrue(ledger.tryReserve(ledger.day(LocalDate.of(2026, 12, 8)), 0, 10));
  }
}
