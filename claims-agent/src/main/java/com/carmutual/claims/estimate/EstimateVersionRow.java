package com.carmutual.claims.estimate;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.math.BigDecimal;
import java.time.Instant;

/** Row of table {@code claim_estimate_versions}: one immutable estimate version as JSON. */
@MappedEntity("claim_estimate_versions")
record EstimateVersionRow(
    @Id String id,
    String claimId,
    int version,
    String status,
    String changeKind,
    @Nullable String changeNote,
    String author,
    @Nullable String runId,
    String estimateJson,
    BigDecimal grandTotal,
    Instant createdAt) {}
