package com.carmutual.shared.gateway.budget;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One budget's counters for the current business day. {@code used} is what is spent plus what is
 * reserved by calls in flight; a reservation is taken only by a compare-and-set that keeps it at or
 * under the limit, so concurrent calls cannot together pass it.
 */
final class Ledger {
  final BudgetLimit limit;
  final long limitMicros;
  final long limitTokens;
  private final AtomicReference<Day> today = new AtomicReference<>();

  /** The counters of one day. */
  static final class Day {
    final LocalDate date;
    final AtomicLong usedMicros = new AtomicLong();
    final AtomicLong usedTokens = new AtomicLong();
    final AtomicLong spentMicros = new AtomicLong();
    final AtomicLong spentTokens = new AtomicLong();
    final AtomicLong calls = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong rerouted = new AtomicLong();

    Day(LocalDate date) {
      this.date = date;
    }
  }

  Ledger(BudgetLimit limit) {
    this.limit = limit;
    this.limitMicros = limit.dailyUsd() == null ? Long.MAX_VALUE : Budgets.micros(limit.dailyUsd());
    this.limitTokens = limit.dailyTokens() == null ? Long.MAX_VALUE : limit.dailyTokens();
  }

  /** The counters of {@code date}, started afresh when the business day changed. */
  Day day(LocalDate date) {
    while (true) {
      Day current = today.get();
      if (current != null && current.date.equals(date)) {
        return current;
      }
      Day fresh = new Day(date);
      if (today.compareAndSet(current, fresh)) {
        return fresh;
      }
    }
  }

  /** Reserves both amounts, or neither. */
  boolean tryReserve(Day day, long micros, long tokens) {
    if (!bounded(day.usedMicros, micros, limitMicros)) {
      return false;
    }
    if (!bounded(day.usedTokens, tokens, limitTokens)) {
      day.usedMicros.addAndGet(-micros);
      return false;
    }
    return true;
  }

  private static boolean bounded(AtomicLong used, long amount, long limit) {
    while (true) {
      long current = used.get();
      if (amount > limit - current) {
        return false;
      }
      if (used.compareAndSet(current, current + amount)) {
        return true;
      }
    }
  }

  /** Replaces a reservation by what the call really used. */
  static void settle(Day day, long reservedMicros, long reservedTokens, long micros, long tokens) {
    day.usedMicros.addAndGet(micros - reservedMicros);
    day.usedTokens.addAndGet(tokens - reservedTokens);
    day.spentMicros.addAndGet(micros);
    day.spentTokens.addAndGet(tokens);
    day.calls.incrementAndGet();
  }

  static void release(Day day, long reservedMicros, long reservedTokens) {
    day.usedMicros.addAndGet(-reservedMicros);
    day.usedTokens.addAndGet(-reservedTokens);
  }
}
