package com.carmutual.claims.pricing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;

/**
 * The total-loss check: the vehicle's actual cash value (from the report, else estimated by class
 * and age), the rule applied (state percentage, total-loss formula, or the carrier default) and
 * whether the repair cost reaches it.
 */
@Serdeable
public record TotalLoss(
    BigDecimal actualCashValue,
    String acvSource,
    @Nullable String state,
    String method,
    BigDecimal thresholdPercent,
    BigDecimal thresholdAmount,
    BigDecimal repairCost,
    boolean totalLoss,
    String explanation) {}
