package com.carmutual.text2data.warehouse;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;

/** Refreshes the rollups incrementally on a fixed delay (one refresh at a time per instance). */
@Singleton
class RollupRefresh {
  private final RollupStore store;
  private final Clock clock;

  RollupRefresh(RollupStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Scheduled(fixedDelay = "${text2data.rollups.refresh-interval:15m}", initialDelay = "${text2data.rollups.refresh-interval:15m}")
  void refresh() {
    store.refresh(LocalDate.now(clock));
  }
}
