package com.carmutual.claims.estimate;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;

/**
 * An adjuster's change to a line (PATCH: only the fields given change) or a new line (POST:
 * {@code partCode} or {@code description}, and {@code operation} required). {@code comment} says
 * why, and is stored with the annotation.
 */
@Serdeable
public record LineEdit(
    @Nullable String partCode,
    @Nullable String side,
    @Nullable String operation,
    @Nullable String damageType,
    @Nullable String severity,
    @Nullable String laborType,
    @Nullable BigDecimal laborHours,
    @Nullable BigDecimal refinishHours,
    @Nullable String partType,
    @Nullable BigDecimal partPrice,
    @Nullable BigDecimal subletAmount,
    @Nullable String description,
    @Nullable String comment) {}
