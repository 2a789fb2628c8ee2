package com.carmutual.phone;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** The test environment's clock: fixed, and moved by tests (calling windows, dated conversations). */
@Singleton
@Replaces(Clock.class)
@Requires(env = "test")
public class TestClock extends Clock {
  private volatile Instant now = Instant.parse("2025-06-18T09:00:00Z");

  public void set(Instant instant) {
    this.now = instant;
  }

  @Override
  public ZoneId getZone() {
    return ZoneId.of("Asia/Shanghai");
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(now, zone);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
