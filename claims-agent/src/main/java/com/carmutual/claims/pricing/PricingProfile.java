package com.carmutual.claims.pricing;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Rates and policies of the estimate profile ({@code claims.pricing.*}): labour rate per CIECA
 * labour type, paint-and-materials rate per refinish hour, tax rate on parts and materials, the
 * default deductible, and the carrier's total-loss threshold where the state table gives none.
 */
@Serdeable
@ConfigurationProperties("claims.pricing")
public record PricingProfile(
    @Nullable Map<String, BigDecimal> laborRates,
    @Nullable BigDecimal paintMaterialsRate,
    @Nullable BigDecimal partsTaxRate,
    @Nullable BigDecimal defaultDeductible,
    @Nullable BigDecimal defaultTotalLossPercent) {

  private static final Map<String, BigDecimal> DEFAULT_RATES =
      Map.of(
          "LAB", new BigDecimal("70.00"),
          "LAR", new BigDecimal("70.00"),
          "LAM", new BigDecimal("120.00"),
          "LAS", new BigDecimal("85.00"),
          "LAF", new BigDecimal("85.00"),
          "LAE", new BigDecimal("120.00"),
          "LAD", new BigDecimal("120.00"),
          "LAG", new BigDecimal("70.00"));

  public PricingProfile {
    laborRates = laborRates == null || laborRates.isEmpty() ? DEFAULT_RATES : Map.copyOf(laborRates);
    paintMaterialsRate = paintMaterialsRate == null ? new BigDecimal("45.00") : paintMaterialsRate;
    partsTaxRate = partsTaxRate == null ? new BigDecimal("0.0825") : partsTaxRate;
    defaultDeductible = defaultDeductible == null ? new BigDecimal("500.00") : defaultDeductible;
    defaultTotalLossPercent = defaultTotalLossPercent == null ? new BigDecimal("75") : defaultTotalLossPercent;
  }

  /** The hourly rate of a labour type; body rate for types the profile does not list. */
  public BigDecimal rate(String laborType) {
    BigDecimal r = laborType == null ? null : laborRates.get(laborType);
    return r != null ? r : laborRates.getOrDefault("LAB", new BigDecimal("70.00"));
  }
}
