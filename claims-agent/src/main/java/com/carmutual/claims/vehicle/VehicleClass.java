package com.carmutual.claims.vehicle;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The pricing class of a vehicle (car, SUV, pickup; luxury or electric makes cost more), told from
 * the decoded body class when there is one, else from the make and model names.
 */
public enum VehicleClass {
  CAR(new BigDecimal("1.00"), new BigDecimal("28000")),
  SUV(new BigDecimal("1.10"), new BigDecimal("34000")),
  PICKUP(new BigDecimal("1.20"), new BigDecimal("40000")),
  LUXURY(new BigDecimal("2.00"), new BigDecimal("55000"));

  private static final Pattern PICKUP_MODELS =
      Pattern.compile(
          "\\b(tacoma|tundra|f-?\\d{3}|silverado|sierra|ram|ranger|colorado|canyon|frontier|titan|ridgeline|gladiator|maverick|santa cruz|cybertruck|hilux|navara)\\b");
  private static final Pattern SUV_MODELS =
      Pattern.compile(
          "\\b(explorer|rogue|sportage|model y|model x|grand cherokee|cherokee|wrangler|rav4|rav-4|cr-v|crv|hr-v|pilot|highlander|4runner|escape|edge|expedition|tahoe|suburban|equinox|traverse|tucson|santa fe|palisade|sorento|telluride|cx-5|cx-9|outback|forester|ascent|pathfinder|murano|atlas|tiguan|x3|x5|q5|q7|glc|gle|rx|nx|xc60|xc90)\\b");
  /** Hatchbacks, minivans and Chinese-market SUVs: a liftgate where a sedan has a trunk lid. */
  private static final Pattern OTHER_LIFTGATE_MODELS =
      Pattern.compile(
          "\\b(prius|golf|fit|jazz|yaris hatchback|impreza hatchback|mazda ?3 hatchback|bolt|leaf|i3|odyssey|sienna|pacifica|carnival|sedona|quest|caravan|"
              + "boyue|es6|es8|ec6|tang|song|yuan|h6|cs75|cs55|tiggo|l7|l8|l9|li one|g9|p7 suv|x9|zeekr 001|model y|model x|byd atto|atto 3)\\b");
  private static final Set<String> LUXURY_MAKES =
      Set.of("tesla", "bmw", "mercedes-benz", "mercedes", "audi", "lexus", "porsche", "land rover", "jaguar", "genesis", "maserati", "volvo", "acura", "infiniti", "cadillac", "lincoln", "rivian", "lucid", "polestar");

  private final BigDecimal partMultiplier;
  private final BigDecimal newValue;

  VehicleClass(BigDecimal partMultiplier, BigDecimal newValue) {
    this.partMultiplier = partMultiplier;
    this.newValue = newValue;
  }

  /** Multiplier on the mainstream sedan/crossover part prices of the taxonomy. */
  public BigDecimal partMultiplier() {
    return partMultiplier;
  }

  /** A typical price when new, the start of the offline actual-cash-value estimate. */
  public BigDecimal newValue() {
    return newValue;
  }

  /** The class of a vehicle from whatever is known about it; {@link #CAR} when nothing is. */
  public static VehicleClass of(String make, String model, String bodyClass) {
    String mk = lower(make);
    String md = lower(model);
    String body = lower(bodyClass);
    if (LUXURY_MAKES.contains(mk)) {
      return LUXURY;
    }
    if (isPickup(make, model, bodyClass)) {
      return PICKUP;
    }
    if (body.contains("sport utility") || body.contains("suv") || body.contains("multipurpose") || SUV_MODELS.matcher(md).find()) {
      return SUV;
    }
    return CAR;
  }

  /** True when the body class or model name says pickup truck. */
  public static boolean isPickup(String make, String model, String bodyClass) {
    return lower(bodyClass).contains("pickup") || PICKUP_MODELS.matcher(lower(model)).find() || "ram".equals(lower(make));
  }

  /** True when the body opens at the back with a liftgate (SUVs, hatchbacks, minivans), not a trunk lid. */
  public static boolean hasLiftgate(String make, String model, String bodyClass) {
    String body = lower(bodyClass);
    String md = lower(model);
    return !isPickup(make, model, bodyClass)
        && (body.contains("sport utility") || body.contains("suv") || body.contains("hatchback") || body.contains("minivan") || body.contains("multipurpose")
            || SUV_MODELS.matcher(md).find() || OTHER_LIFTGATE_MODELS.matcher(md).find());
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT).trim();
  }
}
