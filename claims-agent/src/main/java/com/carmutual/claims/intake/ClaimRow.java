package com.carmutual.claims.intake;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Row of table {@code claims}; an idempotency key is unique per client ({@code idempotencyClient}, empty when anonymous). */
@MappedEntity("claims")
record ClaimRow(
    @Id String id,
    String memberId,
    @Nullable String vin,
    @Nullable Integer vehicleYear,
    @Nullable String vehicleMake,
    @Nullable String vehicleModel,
    LocalDate lossDate,
    @Nullable String lossLocation,
    String description,
    String reportJson,
    String status,
    @Nullable String idempotencyKey,
    @Nullable String idempotencyClient,
    String requestHash,
    String flagsJson,
    String flagCodes,
    int photoCount,
    int flagCount,
    int estimateVersion,
    @Nullable BigDecimal estimateTotal,
    @Nullable String createdBy,
    Instant createdAt,
    Instant updatedAt) {}
