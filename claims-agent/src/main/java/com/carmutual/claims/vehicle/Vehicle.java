package com.carmutual.claims.vehicle;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The vehicle an estimate is priced for: decoded by vin-matching when it answered, else as the
 * report described it ({@code source} says which), with its pricing class.
 */
@Serdeable
public record Vehicle(
    @Nullable String vin,
    @Nullable Integer year,
    @Nullable String make,
    @Nullable String model,
    @Nullable String bodyClass,
    @Nullable String catalogId,
    @Nullable String matchDecision,
    String vehicleClass,
    String source,
    List<String> warnings) {}
