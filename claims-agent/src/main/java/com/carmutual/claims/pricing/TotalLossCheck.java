package com.carmutual.claims.pricing;

import com.carmutual.claims.taxonomy.Taxonomy;
import com.carmutual.claims.taxonomy.Taxonomy.TotalLossThreshold;
import com.carmutual.claims.vehicle.Vehicle;
import com.carmutual.claims.vehicle.VehicleClass;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares the repair cost with the vehicle's value under the configured threshold table
 * ({@code total_loss_thresholds.csv}): percentage states total the car when repair >= pct x ACV;
 * total-loss-formula states when repair + salvage >= ACV (salvage taken as 20% of ACV); elsewhere
 * the carrier default percentage.
 */
@Singleton
public class TotalLossCheck {
  private static final Pattern STATE = Pattern.compile("\\b([A-Z]{2})\\b");
  private static final BigDecimal SALVAGE_SHARE = new BigDecimal("0.20");
  private static final BigDecimal YEARLY_KEEP = new BigDecimal("0.85");
  private static final Map<String, String> STATE_NAMES =
      Map.of("texas", "TX", "california", "CA", "florida", "FL", "new york", "NY", "colorado", "CO", "illinois", "IL", "michigan", "MI", "georgia", "GA", "arizona", "AZ", "nevada", "NV");

  private final Taxonomy taxonomy;
  private final PricingProfile profile;

  public TotalLossCheck(Taxonomy taxonomy, PricingProfile profile) {
    this.taxonomy = taxonomy;
    this.profile = profile;
  }

  public TotalLoss check(Vehicle vehicle, LocalDate lossDate, String lossPlace, BigDecimal repairCost, BigDecimal reportedValue) {
    BigDecimal acv;
    String acvSource;
    if (reportedValue != null && reportedValue.signum() > 0) {
      acv = reportedValue.setScale(2, RoundingMode.HALF_UP);
      acvSource = "report";
    } else {
      VehicleClass cls = VehicleClass.valueOf(vehicle.vehicleClass());
      int age = vehicle.year() == null || lossDate == null ? 5 : Math.max(0, lossDate.getYear() - vehicle.year());
      acv = cls.newValue().multiply(YEARLY_KEEP.pow(age)).max(new BigDecimal("2000")).setScale(2, RoundingMode.HALF_UP);
      acvSource = "estimated: " + cls + " new value " + cls.newValue().toPlainString() + " x 0.85^" + age + " years (no valuation service offline)";
    }
    String state = state(lossPlace).orElse(null);
    TotalLossThreshold rule = state == null ? null : taxonomy.threshold(state).orElse(null);
    String method;
    BigDecimal pct;
    if (rule != null && "percent".equals(rule.method()) && rule.percent() != null) {
      method = "percent";
      pct = rule.percent();
    } else if (rule != null && "TLF".equals(rule.method())) {
      method = "TLF";
      pct = BigDecimal.ONE.subtract(SALVAGE_SHARE).multiply(BigDecimal.valueOf(100));
    } else {
      method = "carrier-default";
      pct = profile.defaultTotalLossPercent();
    }
    BigDecimal threshold = acv.multiply(pct).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    boolean total = repairCost.compareTo(threshold) >= 0;
    String why =
        switch (method) {
          case "percent" -> state + " totals at repair >= " + pct.stripTrailingZeros().toPlainString() + "% of ACV (" + rule.source() + ")";
          case "TLF" -> state + " uses the total-loss formula: repair + salvage (20% of ACV) >= ACV (" + rule.source() + ")";
          default -> "no state rule for '" + lossPlace + "': carrier default " + pct.stripTrailingZeros().toPlainString() + "% of ACV (legal to confirm)";
        };
    return new TotalLoss(acv, acvSource, state, method, pct, threshold, repairCost, total, why);
  }

  /** The US state code written in a loss place ("Austin, TX"), if any. */
  static Optional<String> state(String place) {
    if (place == null) {
      return Optional.empty();
    }
    Matcher m = STATE.matcher(place);
    while (m.find()) {
      String s = m.group(1);
      if (s.equals("DC") || s.matches("A[KLRZ]|C[AOT]|DE|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY]")) {
        return Optional.of(s);
      }
    }
    String lower = place.toLowerCase(Locale.ROOT);
    return STATE_NAMES.entrySet().stream().filter(e -> lower.contains(e.getKey())).map(Map.Entry::getValue).findFirst();
  }
}
