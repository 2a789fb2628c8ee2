package com.carmutual.vin.match;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Match decisions ({@code vin.match.*}).
 *
 * @param autoThreshold the probability the top row must reach for {@code auto}; the runner-up must
 *     then be below {@code 1 - autoThreshold}. Between 0.5 and 1.
 * @param remainFloor a row below this probability is ruled out: it is listed for a person, never as
 *     one of the rows that remain
 */
@ConfigurationProperties("vin.match")
record MatchSettings(
    @Bindable(defaultValue = "0.98") double autoThreshold,
    @Bindable(defaultValue = "0.2") double remainFloor) {
  MatchSettings {
    if (!(autoThreshold >= 0.5 && autoThreshold <= 1)) {
      throw new IllegalArgumentException("vin.match.auto-threshold must be between 0.5 and 1: " + autoThreshold);
    }
    if (!(remainFloor > 0 && remainFloor < autoThreshold)) {
      throw new IllegalArgumentException("vin.match.remain-floor must be above 0 and below the auto threshold: "
          + remainFloor);
    }
  }

  static final MatchSettings DEFAULTS = new MatchSettings(0.98, 0.2);
}
