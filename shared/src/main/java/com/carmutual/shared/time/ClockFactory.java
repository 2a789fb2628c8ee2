package com.carmutual.shared.time;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The one source of "now". {@code SUITE_FIXED_CLOCK} (an ISO instant) fixes it for tests, replays
 * and evaluation runs; {@code SUITE_TIME_ZONE} sets the business time zone used to resolve dates
 * such as "yesterday" (default Asia/Shanghai).
 */
@Factory
final class ClockFactory {

  @Singleton
  BusinessZone businessZone(@Value("${suite.time-zone:Asia/Shanghai}") String zone) {
    return new BusinessZone(ZoneId.of(zone.isBlank() ? "Asia/Shanghai" : zone));
  }

  @Singleton
  Clock clock(@Value("${suite.fixed-clock:}") String fixed, BusinessZone zone) {
    if (fixed == null || fixed.isBlank()) {
      return Clock.system(zone.zone());
    }
    return Clock.fixed(Instant.parse(fixed.trim()), zone.zone());
  }
}
