package com.carmutual.claims.damage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One damaged part: canonical part code, side ({@code LEFT}/{@code RIGHT}, {@code CENTER} for parts
 * without a side), damage type and severity in the label vocabulary of the claims data, where it
 * came from ({@code vision}, {@code text}, {@code annotation}), how sure the reader is, and the
 * photo or words that show it.
 */
@Serdeable
public record Damage(
    String partCode,
    String side,
    String damageType,
    String severity,
    @Nullable String source,
    @Nullable Double confidence,
    @Nullable String evidencePhoto,
    @Nullable String evidence) {

  /** The identity used to merge and score damages: part and side. */
  public String key() {
    return partCode + "/" + side;
  }

  public Damage withSource(String newSource) {
    return new Damage(partCode, side, damageType, severity, newSource, confidence, evidencePhoto, evidence);
  }
}
