package com.carmutual.phone.campaign;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a callee may be called: 08:00 to 21:00 in the callee's own time zone (TCPA, 47 CFR
 * 64.1200(c)(1)). Never does I/O.
 */
final class CallingWindow {
  static final LocalTime OPENS = LocalTime.of(8, 0);
  static final LocalTime CLOSES = LocalTime.of(21, 0);

  private CallingWindow() {}

  static boolean open(Instant now, ZoneId zone) {
    LocalTime local = now.atZone(zone).toLocalTime();
    return !local.isBefore(OPENS) && local.isBefore(CLOSES);
  }

  /** {@code now} if the window is open, else the next 08:00 in {@code zone}. */
  static Instant nextOpening(Instant now, ZoneId zone) {
    if (open(now, zone)) {
      return now;
    }
    ZonedDateTime local = now.atZone(zone);
    ZonedDateTime today = local.toLocalDate().atTime(OPENS).atZone(zone);
    return (local.toLocalTime().isBefore(OPENS) ? today : today.plusDays(1)).toInstant();
  }
}
