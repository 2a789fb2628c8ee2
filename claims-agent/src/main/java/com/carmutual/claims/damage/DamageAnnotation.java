package com.carmutual.claims.damage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A damage the member marked explicitly in the report (part code, side, type, severity). */
@Serdeable
public record DamageAnnotation(
    String partCode, @Nullable String side, @Nullable String damageType, @Nullable String severity) {}
