package com.carmutual.vin.decode;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * What a VIN says. Attributes are null when the VIN (and vPIC) cannot tell them; {@code sources}
 * names, per attribute, the pattern or rule it came from.
 *
 * @param valid false only for North American VINs (or VINs built to that rule) whose check digit
 *     is wrong; other VINs with a failing check are reported, never invalid
 * @param checkDigit {@code valid}, {@code invalid} or {@code not_applicable}
 * @param modelYearCandidates every year position 10 can mean, no more than one year ahead
 * @param confidence 0..1: how sure the decode is (lower without a check digit, for ambiguous years,
 *     for makers unknown to vPIC)
 */
@Serdeable
public record DecodedVin(
    String vin,
    boolean valid,
    String checkDigit,
    String wmi,
    @Nullable String manufacturer,
    @Nullable String make,
    @Nullable String model,
    @Nullable Integer modelYear,
    List<Integer> modelYearCandidates,
    @Nullable String vehicleType,
    @Nullable String bodyClass,
    @Nullable String series,
    @Nullable String trim,
    @Nullable String doors,
    @Nullable String displacementL,
    @Nullable String engineCylinders,
    @Nullable String engineModel,
    @Nullable String engineConfiguration,
    @Nullable String fuelTypePrimary,
    @Nullable String fuelTypeSecondary,
    @Nullable String turbo,
    @Nullable String electrificationLevel,
    @Nullable String otherEngineInfo,
    @Nullable String gvwr,
    @Nullable String driveType,
    @Nullable String plantCity,
    @Nullable String plantState,
    @Nullable String plantCountry,
    String region,
    @Nullable String country,
    List<String> warnings,
    double confidence,
    Map<String, Source> sources) {}
