package com.carmutual.claims.estimate;

import com.carmutual.claims.damage.Damage;
import com.carmutual.claims.flag.Flag;
import com.carmutual.claims.plan.RepairLine;
import com.carmutual.claims.pricing.Totals;
import com.carmutual.claims.pricing.TotalLoss;
import com.carmutual.claims.vehicle.Vehicle;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * One version of a claim's repair estimate. Version 1 comes from the workflow; every adjuster
 * change makes the next version, and older versions are kept. {@code status} is {@code draft} or
 * {@code approved}; {@code runId} is the stored workflow run that produced the machine version.
 */
@Serdeable
public record Estimate(
    String claimId,
    int version,
    String status,
    Vehicle vehicle,
    List<Damage> damages,
    List<RepairLine> lines,
    Totals totals,
    TotalLoss totalLoss,
    List<Flag> flags,
    @Nullable String runId,
    String changeKind,
    @Nullable String changeNote,
    String author,
    Instant createdAt) {}
