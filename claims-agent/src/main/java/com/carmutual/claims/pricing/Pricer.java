package com.carmutual.claims.pricing;

import com.carmutual.claims.plan.RepairLine;
import com.carmutual.claims.taxonomy.Part;
import com.carmutual.claims.taxonomy.Taxonomy;
import com.carmutual.claims.vehicle.VehicleClass;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prices lines with {@link BigDecimal} arithmetic, each component rounded half-up to the cent once,
 * so totals are sums of what the lines show: parts by vehicle class and part type, labour hours by
 * labour-type rate, refinish at the refinish rate, paint materials per refinish hour, tax on parts
 * and materials, the deductible. Same input, same output.
 */
@Singleton
public class Pricer {
  private static final Map<String, BigDecimal> PART_TYPE_FACTOR =
      Map.of("PAN", BigDecimal.ONE, "PAA", new BigDecimal("0.70"), "PAC", new BigDecimal("0.75"), "PAL", new BigDecimal("0.60"),
          "PAR", new BigDecimal("0.65"), "PAG", new BigDecimal("0.85"));

  private final Taxonomy taxonomy;
  private final PricingProfile profile;

  public Pricer(Taxonomy taxonomy, PricingProfile profile) {
    this.taxonomy = taxonomy;
    this.profile = profile;
  }

  public PricingProfile profile() {
    return profile;
  }

  /** The list price of a part for a vehicle class and part type (OEM mid-range x class x type factor). */
  public BigDecimal partPrice(String partCode, String vehicleClass, String partType) {
    Part part = taxonomy.part(partCode).orElse(null);
    if (part == null) {
      return BigDecimal.ZERO;
    }
    BigDecimal oem = part.oemPriceLow().add(part.oemPriceHigh()).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
    BigDecimal classFactor = classOf(vehicleClass).partMultiplier();
    BigDecimal typeFactor = PART_TYPE_FACTOR.getOrDefault(partType == null ? "PAN" : partType, BigDecimal.ONE);
    return cents(oem.multiply(classFactor).multiply(typeFactor));
  }

  private static VehicleClass classOf(String name) {
    try {
      return name == null ? VehicleClass.CAR : VehicleClass.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return VehicleClass.CAR;
    }
  }

  public Priced price(PriceInput input) {
    String vehicleClass = input.vehicle() == null ? "CAR" : input.vehicle().vehicleClass();
    List<RepairLine> out = new ArrayList<>();
    BigDecimal parts = BigDecimal.ZERO.setScale(2);
    BigDecimal sublet = BigDecimal.ZERO.setScale(2);
    BigDecimal laborHours = BigDecimal.ZERO;
    BigDecimal refinishHours = BigDecimal.ZERO;
    Map<String, BigDecimal> laborByType = new TreeMap<>();
    BigDecimal rateLar = profile.rate("LAR");
    for (RepairLine l : input.lines()) {
      if ("materials".equals(l.operation())) {
        continue; // recomputed below from the refinish hours
      }
      BigDecimal partPrice = l.partPrice();
      if (partPrice == null && "replace".equals(l.operation()) && l.partCode() != null) {
        partPrice = partPrice(l.partCode(), vehicleClass, l.partType());
      }
      partPrice = partPrice == null ? null : cents(partPrice);
      BigDecimal labor = cents(l.laborHours().multiply(profile.rate(l.laborType())));
      BigDecimal refinish = cents(l.refinishHours().multiply(rateLar));
      BigDecimal sub = l.subletAmount() == null ? BigDecimal.ZERO.setScale(2) : cents(l.subletAmount());
      BigDecimal amount = (partPrice == null ? BigDecimal.ZERO.setScale(2) : partPrice).add(labor).add(refinish).add(sub);
      out.add(l.withPrice(partPrice, amount));
      parts = parts.add(partPrice == null ? BigDecimal.ZERO : partPrice);
      sublet = sublet.add(sub);
      laborHours = laborHours.add(l.laborHours());
      refinishHours = refinishHours.add(l.refinishHours());
      if (labor.signum() != 0) {
        laborByType.merge(l.laborType() == null ? "LAB" : l.laborType(), labor, BigDecimal::add);
      }
      if (refinish.signum() != 0) {
        laborByType.merge("LAR", refinish, BigDecimal::add);
      }
    }
    BigDecimal materials = cents(refinishHours.max(BigDecimal.ZERO).multiply(profile.paintMaterialsRate()));
    if (materials.signum() > 0) {
      out.add(new RepairLine(String.format(Locale.ROOT, "M%02d", 1), null, null, "Paint and materials (" + refinishHours.stripTrailingZeros().toPlainString()
          + " refinish h x " + profile.paintMaterialsRate().toPlainString() + ")", "materials", null, null, null, BigDecimal.ZERO, BigDecimal.ZERO,
          null, null, null, materials, "rule", 1.0, "PM_RATE x refinish hours"));
    }
    BigDecimal labor = laborByType.values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    BigDecimal lines = out.stream().map(RepairLine::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    BigDecimal tax = cents(parts.add(materials).multiply(profile.partsTaxRate()));
    BigDecimal gross = lines.add(tax);
    BigDecimal deductible = cents(input.deductible() == null ? profile.defaultDeductible() : input.deductible());
    BigDecimal customer = gross.min(deductible);
    Totals totals =
        new Totals(parts, Map.copyOf(laborByType), labor, laborHours, refinishHours, materials, sublet, lines, tax, gross, deductible, customer,
            gross.subtract(customer));
    return new Priced(out, totals);
  }

  static BigDecimal cents(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_UP);
  }
}
