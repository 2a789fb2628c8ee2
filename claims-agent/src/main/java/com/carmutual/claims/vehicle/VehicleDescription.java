package com.carmutual.claims.vehicle;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Year, make and model as a member wrote them in the claim report. */
@Serdeable
public record VehicleDescription(@Nullable Integer year, @Nullable String make, @Nullable String model) {}
