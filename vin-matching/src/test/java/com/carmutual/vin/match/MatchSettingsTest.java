package com.carmutual.vin.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatchSettingsTest {
  @Test
  void bindsTheThresholdAndDefaultsTo098() {
    try (ApplicationContext ctx = ApplicationContext.run(Map.of("vin.match.auto-threshold", "0.995"))) {
      MatchSettings s = ctx.getBean(MatchSettings.class);
      assertEquals(0.995, s.autoThreshold());
      assertEquals(0.2, s.remainFloor());
    }
    try (ApplicationContext ctx = ApplicationContext.run()) {
      assertEquals(0.98, ctx.getBean(MatchSettings.class).autoThreshold());
    }
  }

  @Test
  void rejectsAThresholdThatIsNoProbability() {
    assertThrows(IllegalArgumentException.class, () -> new MatchSettings(1.5, 0.2));
    assertThrows(IllegalArgumentException.class, () -> new MatchSettings(0.98, 0.99));
  }
}
