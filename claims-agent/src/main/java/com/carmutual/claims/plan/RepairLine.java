package com.carmutual.claims.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;

/**
 * One estimate line. Planning fills the operation and hours; pricing fills {@code partPrice} (when
 * not already set, e.g. by an adjuster) and {@code amount}. {@code operation} is one of replace,
 * repair, refinish, blend, r&i, calibrate, aim, sublet, overlap, clear-coat, materials; {@code
 * source} is vision, text, annotation, rule or adjuster.
 */
@Serdeable
public record RepairLine(
    String lineId,
    @Nullable String partCode,
    @Nullable String side,
    String description,
    String operation,
    @Nullable String damageType,
    @Nullable String severity,
    @Nullable String laborType,
    BigDecimal laborHours,
    BigDecimal refinishHours,
    @Nullable String partType,
    @Nullable BigDecimal partPrice,
    @Nullable BigDecimal subletAmount,
    @Nullable BigDecimal amount,
    String source,
    @Nullable Double confidence,
    @Nullable String evidence) {

  public RepairLine withPrice(BigDecimal newPartPrice, BigDecimal newAmount) {
    return new RepairLine(lineId, partCode, side, description, operation, damageType, severity, laborType, laborHours, refinishHours, partType,
        newPartPrice, subletAmount, newAmount, source, confidence, evidence);
  }

  public RepairLine withLineId(String id) {
    return new RepairLine(id, partCode, side, description, operation, damageType, severity, laborType, laborHours, refinishHours, partType,
        partPrice, subletAmount, amount, source, confidence, evidence);
  }

  public RepairLine withRefinishHours(BigDecimal hours) {
    return new RepairLine(lineId, partCode, side, description, operation, damageType, severity, laborType, laborHours, hours, partType,
        partPrice, subletAmount, amount, source, confidence, evidence);
  }
}
