package com.carmutual.claims.taxonomy;

import java.math.BigDecimal;
import java.util.List;

/**
 * One exterior part of the taxonomy ({@code parts.csv}): its canonical code, whether it has a side,
 * rough OEM price and labour ranges, and the panels next to it that are blended for colour match.
 */
public record Part(
    String code,
    String name,
    String area,
    boolean perSide,
    String material,
    List<String> operations,
    BigDecimal oemPriceLow,
    BigDecimal oemPriceHigh,
    String altParts,
    BigDecimal replaceHoursLow,
    BigDecimal replaceHoursHigh,
    String laborType,
    BigDecimal refinishHoursLow,
    BigDecimal refinishHoursHigh,
    List<String> blendCandidates,
    String ruleNotes) {

  /** True when the part is painted (has refinish time), so repairs and replacements need refinish. */
  public boolean painted() {
    return refinishHoursHigh.signum() > 0;
  }

  /** True for welded or structural parts (labour type LAS), whose damage is rarely fully visible. */
  public boolean structural() {
    return "LAS".equals(laborType);
  }

  public boolean glass() {
    return "LAG".equals(laborType);
  }

  /** True when aftermarket or recycled parts are commonly available. */
  public boolean alternativePartsCommon() {
    String a = altParts.toUpperCase(java.util.Locale.ROOT);
    return a.contains("A/M") || a.contains("LKQ") || a.contains("AFTERMARKET");
  }
}
