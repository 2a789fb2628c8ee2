package com.carmutual.claims.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.claims.damage.Damage;
import com.carmutual.claims.pricing.PriceInput;
import com.carmutual.claims.pricing.Priced;
import com.carmutual.claims.pricing.Pricer;
import com.carmutual.claims.pricing.PricingProfile;
import com.carmutual.claims.taxonomy.Taxonomy;
import com.carmutual.claims.vehicle.Vehicle;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepairPlannerTest {
  private final Taxonomy taxonomy = new Taxonomy();
  private final RepairPlanner planner = new RepairPlanner(taxonomy);
  private final Pricer pricer = new Pricer(taxonomy, new PricingProfile(null, null, null, null, null));
  private final Vehicle camry = new Vehicle(null, 2019, "Toyota", "Camry", null, null, null, "CAR", "report", List.of());

  private static Damage d(String part, String side, String type, String severity) {
    return new Damage(part, side, type, severity, "text", 0.85, null, "test");
  }

  private Plan plan(Damage... damages) {
    return planner.plan(new PlanInput(camry, LocalDate.of(2025, 6, 1), List.of(damages)));
  }

  @Test
  void fenderRepairIsRefinishedAndTheAdjacentPanelsBlendedAtHalfTime() {
    Plan p = plan(d("FENDER", "LEFT", "dent", "moderate"));
    RepairLine fender = p.lines().get(0);
    assertEquals("repair", fender.operation());
    assertEquals(new BigDecimal("2.2"), fender.refinishHours());
    List<RepairLine> blends = p.lines().stream().filter(l -> "blend".equals(l.operation())).toList();
    assertEquals(List.of("HOOD/CENTER", "FRT_DOOR_SHELL/LEFT"), blends.stream().map(l -> l.partCode() + "/" + l.side()).toList());
    assertEquals(new BigDecimal("1.5"), blends.get(0).refinishHours(), "hood refinish 2.5-3.5 h, blended at 50%");
    assertTrue(p.lines().stream().anyMatch(l -> "clear-coat".equals(l.operation())));
  }

  @Test
  void severalRefinishedPanelsGetOverlapDeductionsAndACappedClearCoat() {
    Plan p = plan(d("FENDER", "LEFT", "dent", "moderate"), d("FRT_DOOR_SHELL", "LEFT", "dent", "moderate"), d("ROOF_PANEL", "CENTER", "dent", "minor"));
    RepairLine overlap = p.lines().stream().filter(l -> "overlap".equals(l.operation())).findFirst().orElseThrow();
    assertEquals(new BigDecimal("-0.4"), overlap.refinishHours(), "roof first (3.5 h); fender and door not adjacent to it: 0.2 each");
    Plan front = plan(d("HOOD", "CENTER", "dent", "moderate"), d("FENDER", "LEFT", "dent", "moderate"), d("FENDER", "RIGHT", "scratch", "minor"));
    RepairLine adjacent = front.lines().stream().filter(l -> "overlap".equals(l.operation())).findFirst().orElseThrow();
    assertEquals(new BigDecimal("-0.8"), adjacent.refinishHours(), "hood first (3.0 h); both fenders adjacent: 0.4 each");
    RepairLine clear = p.lines().stream().filter(l -> "clear-coat".equals(l.operation())).findFirst().orElseThrow();
    assertTrue(clear.refinishHours().compareTo(new BigDecimal("2.5")) <= 0);
  }

  @Test
  void crackedSensorEquippedRearBumperIsReplacedWithRadarCalibration() {
    Plan p = plan(d("REAR_BUMPER_COVER", "CENTER", "crack", "moderate"), d("BSM_RADAR", "LEFT", "broken", "severe"));
    assertEquals("replace", p.lines().get(0).operation());
    assertTrue(p.lines().stream().anyMatch(l -> "calibrate".equals(l.operation()) && "BSM_RADAR".equals(l.partCode())));
    assertTrue(p.flags().stream().anyMatch(f -> f.code().equals("ADAS_ZONE_REPLACE")));
  }

  @Test
  void hiddenAndStructuralDamageIsFlaggedNotGuessed() {
    Plan p = plan(d("FRT_BUMPER_COVER", "CENTER", "broken", "severe"), d("HOOD", "CENTER", "dent", "severe"), d("HEADLAMP", "LEFT", "broken", "severe"));
    assertTrue(p.lines().stream().noneMatch(l -> "RAD_SUPPORT".equals(l.partCode())));
    assertTrue(p.flags().stream().anyMatch(f -> f.code().equals("LIKELY_SUPPLEMENT") && "RAD_SUPPORT".equals(f.subject())));
    assertTrue(p.lines().stream().anyMatch(l -> "aim".equals(l.operation())));
    Plan structural = plan(d("RAD_SUPPORT", "CENTER", "bent", "severe"));
    assertTrue(structural.flags().stream().anyMatch(f -> f.code().equals("STRUCTURAL_DAMAGE")));
  }

  @Test
  void pricingIsExactToTheCentAndDeterministic() {
    Plan p = plan(d("FENDER", "RIGHT", "dent", "moderate"), d("HEADLAMP", "RIGHT", "crack", "moderate"), d("TIRE", "LEFT", "puncture", "moderate"));
    Priced a = pricer.price(new PriceInput(camry, p.lines(), new BigDecimal("250")));
    Priced b = pricer.price(new PriceInput(camry, planner.plan(new PlanInput(camry, LocalDate.of(2025, 6, 1), List.of(
        d("FENDER", "RIGHT", "dent", "moderate"), d("HEADLAMP", "RIGHT", "crack", "moderate"), d("TIRE", "LEFT", "puncture", "moderate")))).lines(), new BigDecimal("250")));
    assertEquals(a, b);
    BigDecimal sum = a.lines().stream().map(RepairLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    assertEquals(0, sum.compareTo(a.totals().linesTotal()));
    assertTrue(a.lines().stream().allMatch(l -> l.amount().scale() == 2));
    assertEquals(a.totals().linesTotal().add(a.totals().tax()), a.totals().grossTotal());
    assertEquals(new BigDecimal("250.00"), a.totals().customerPays());
    assertEquals(a.totals().grossTotal().subtract(new BigDecimal("250.00")), a.totals().insurerPays());
    RepairLine headlamp = a.lines().stream().filter(l -> "HEADLAMP".equals(l.partCode())).findFirst().orElseThrow();
    // 2019 car in 2025: aftermarket part at 70% of the OEM mid price (150 + 2000) / 2 = 1075.00
    assertEquals("PAA", headlamp.partType());
    assertEquals(new BigDecimal("752.50"), headlamp.partPrice());
    assertEquals(new BigDecimal("752.50").add(new BigDecimal("0.8").multiply(new BigDecimal("70.00"))).setScale(2), headlamp.amount());
  }
}
