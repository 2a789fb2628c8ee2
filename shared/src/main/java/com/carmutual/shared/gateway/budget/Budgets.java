package com.carmutual.shared.gateway.budget;

import com.carmutual.shared.time.BusinessZone;
import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Daily spend and token budgets per task and per client ({@code llm.budgets.<name>}: {@code task}
 * or {@code client}, {@code daily-usd}, {@code daily-tokens}, {@code fallback-route}). A call
 * reserves its estimated cost on every budget that applies before any provider is asked and
 * settles it from the reported usage afterwards; the day is the business clock's date. Counters
 * live in this instance's memory.
 */
@Singleton
public final class Budgets {
  private final List<Ledger> ledgers;
  private final Clock clock;
  private final BusinessZone zone;

  Budgets(Environment env, Clock clock, BusinessZone zone) {
    this.clock = clock;
    this.zone = zone;
    List<Ledger> out = new ArrayList<>();
    for (String name : env.getPropertyEntries("llm.budgets")) {
      String p = "llm.budgets." + name + ".";
      String task = env.getProperty(p + "task", String.class).filter(s -> !s.isBlank()).orElse(null);
      String client = env.getProperty(p + "client", String.class).filter(s -> !s.isBlank()).orElse(null);
      if ((task == null) == (client == null)) {
        throw new IllegalStateException(p + "task or " + p + "client is required (exactly one)");
      }
      BigDecimal usd = env.getProperty(p + "daily-usd", String.class).map(s -> new BigDecimal(s.trim())).orElse(null);
      Long tokens = env.getProperty(p + "daily-tokens", Long.class).orElse(null);
      if (usd == null && tokens == null) {
        throw new IllegalStateException(p + "daily-usd or " + p + "daily-tokens is required");
      }
      if ((usd != null && usd.signum() < 0) || (tokens != null && tokens < 0)) {
        throw new IllegalStateException(p + " limits must not be negative");
      }
      String fallback = env.getProperty(p + "fallback-route", String.class).filter(s -> !s.isBlank()).orElse(null);
      out.add(new Ledger(new BudgetLimit(name, task, client, usd, tokens, fallback)));
    }
    this.ledgers = List.copyOf(out);
  }

  /** US dollars as whole micro-dollars, rounded up so estimates never shrink. */
  public static long micros(BigDecimal usd) {
    return usd.movePointRight(6).setScale(0, RoundingMode.CEILING).longValueExact();
  }

  /** True when some budget limits calls of {@code task} by {@code client}. */
  public boolean applies(String task, @Nullable String client) {
    for (Ledger l : ledgers) {
      if (l.limit.appliesTo(task, client)) {
        return true;
      }
    }
    return false;
  }

  /** A call's hold on every budget that applies to it; settle or release it exactly once. */
  public interface Reservation {
    void settle(long micros, long tokens);

    void release();
  }

  private record Hold(Ledger ledger, Ledger.Day day, long micros, long tokens) {}

  /**
   * Reserves {@code micros} and {@code tokens} on every budget of {@code task} and {@code client},
   * or none of them.
   *
   * @throws BudgetExceededException naming the first budget that cannot take the call
   */
  public Reservation reserve(String task, @Nullable String client, long micros, long tokens) {
    LocalDate date = LocalDate.ofInstant(clock.instant(), zone.zone());
    List<Hold> holds = new ArrayList<>(2);
    for (Ledger l : ledgers) {
      if (!l.limit.appliesTo(task, client)) {
        continue;
      }
      Ledger.Day day = l.day(date);
      if (!l.tryReserve(day, micros, tokens)) {
        day.refused.incrementAndGet();
        holds.forEach(h -> Ledger.release(h.day(), h.micros(), h.tokens()));
        throw new BudgetExceededException(task, l.limit.name(), l.limit.fallbackRoute(),
            "this call's estimate (" + usd(micros) + " USD, " + tokens + " tokens) does not fit in what is left of "
                + describe(l) + " on " + date);
      }
      holds.add(new Hold(l, day, micros, tokens));
    }
    List<Hold> taken = List.copyOf(holds);
    return new Reservation() {
      private boolean done;

      @Override
      public synchronized void settle(long usedMicros, long usedTokens) {
        if (!done) {
          done = true;
          taken.forEach(h -> Ledger.settle(h.day(), h.micros(), h.tokens(), usedMicros, usedTokens));
        }
      }

      @Override
      public synchronized void release() {
        if (!done) {
          done = true;
          taken.forEach(h -> Ledger.release(h.day(), h.micros(), h.tokens()));
        }
      }
    };
  }

  /** Counts a call sent to the budget's fallback route instead of being refused. */
  public void rerouted(String budget) {
    LocalDate date = LocalDate.ofInstant(clock.instant(), zone.zone());
    ledgers.stream().filter(l -> l.limit.name().equals(budget)).forEach(l -> l.day(date).rerouted.incrementAndGet());
  }

  /** One budget today: limits, spent (settled), reserved by calls in flight, calls, refusals. */
  @Serdeable
  public record BudgetView(
      BudgetLimit limit,
      LocalDate day,
      BigDecimal spentUsd,
      BigDecimal reservedUsd,
      long spentTokens,
      long reservedTokens,
      long calls,
      long refused,
      long rerouted,
      @Nullable Double usedShare) {}

  /** Every budget, of one task (its own and none of the clients') when given. */
  public List<BudgetView> views(@Nullable String task) {
    LocalDate date = LocalDate.ofInstant(clock.instant(), zone.zone());
    List<BudgetView> out = new ArrayList<>();
    for (Ledger l : ledgers) {
      if (task != null && !task.equals(l.limit.task())) {
        continue;
      }
      Ledger.Day d = l.day(date);
      long spent = d.spentMicros.get();
      long spentTokens = d.spentTokens.get();
      long reserved = Math.max(0, d.usedMicros.get() - spent);
      long reservedTokens = Math.max(0, d.usedTokens.get() - spentTokens);
      Double share = null;
      if (l.limitMicros != Long.MAX_VALUE && l.limitMicros > 0) {
        share = (double) spent / l.limitMicros;
      }
      if (l.limitTokens != Long.MAX_VALUE && l.limitTokens > 0) {
        double t = (double) spentTokens / l.limitTokens;
        share = share == null ? t : Math.max(share, t);
      }
      out.add(new BudgetView(l.limit, date, usd(spent), usd(reserved), spentTokens, reservedTokens,
          d.calls.get(), d.refused.get(), d.rerouted.get(), share));
    }
    return out;
  }

  private static BigDecimal usd(long micros) {
    return BigDecimal.valueOf(micros, 6);
  }

  private static String describe(Ledger l) {
    BudgetLimit b = l.limit;
    return (b.task() != null ? "task " + b.task() : "client " + b.client()) + "'s daily budget ("
        + (b.dailyUsd() == null ? "" : b.dailyUsd().toPlainString() + " USD")
        + (b.dailyUsd() != null && b.dailyTokens() != null ? ", " : "")
        + (b.dailyTokens() == null ? "" : b.dailyTokens() + " tokens") + ")";
  }
}
