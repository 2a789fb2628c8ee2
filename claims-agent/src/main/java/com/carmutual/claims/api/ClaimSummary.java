package com.carmutual.claims.api;

import com.carmutual.claims.vehicle.VehicleDescription;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One row of the adjusters' queue; {@code plate} and {@code source} identify phone-filed claims. */
@Serdeable
record ClaimSummary(
    String id,
    String status,
    String memberId,
    @Nullable String vin,
    @Nullable VehicleDescription vehicle,
    @Nullable String plate,
    @Nullable String source,
    @Nullable LocalDate lossDate,
    int photoCount,
    List<String> flagCodes,
    int estimateVersion,
    @Nullable BigDecimal estimateTotal,
    Instant createdAt) {}
