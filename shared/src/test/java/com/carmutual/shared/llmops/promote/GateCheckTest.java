package com.carmutual.shared.llmops.promote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.shared.llmops.promote.GateCheck.Measured;
import com.carmutual.shared.llmops.promote.PromotionViews.GateResult;
import com.carmutual.shared.llmops.promote.PromotionViews.Gates;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateCheckTest {
  private static final Gates ALL = new Gates(0.9, 0.01, 1.5, 3000.0);

  @Test
  void everyGateAtItsThresholdPasses() {
    List<GateResult> r = GateCheck.check(ALL, new Measured(0.9, 0.01, 1.5, 3000.0), null);
    assertEquals(4, r.size());
    assertTrue(GateCheck.allPass(r), r.toString());
    assertTrue(r.stream().allMatch(g -> g.source().equals("experiment")));
  }

  @Test
  void theWorseOfExperimentAndShadowCounts() {
    List<GateResult> r = GateCheck.check(ALL, new Measured(0.95, 0.0, 1.0, 100.0), new Measured(0.85, null, 2.0, null));
    assertFalse(GateCheck.allPass(r));
    GateResult score = r.get(0);
    assertEquals(0.85, score.measured());
    assertEquals("experiment+shadow", score.source());
    assertFalse(score.passed());
    assertTrue(r.get(1).passed());
    assertEquals(2.0, r.get(2).measured());
    assertFalse(r.get(2).passed());
    assertTrue(r.get(3).passed());
  }

  @Test
  void aGateWithNothingMeasuredFailsAndOnlyGivenGatesAreChecked() {
    List<GateResult> r = GateCheck.check(new Gates(null, null, 1.5, null), new Measured(1.0, 0.0, null, 5.0), null);
    assertEquals(1, r.size());
    assertNull(r.get(0).measured());
    assertFalse(r.get(0).passed());
    assertFalse(GateCheck.allPass(List.of()));
  }
}
