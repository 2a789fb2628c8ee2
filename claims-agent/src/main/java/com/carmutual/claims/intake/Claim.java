package com.carmutual.claims.intake;

import com.carmutual.claims.flag.Flag;
import com.carmutual.claims.photo.PhotoFacts;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A filed claim as adjusters see it: the report, the photos' facts, the photo flags and the estimate's state. */
@Serdeable
public record Claim(
    String id,
    String status,
    ClaimReport report,
    List<PhotoFacts> photos,
    List<Flag> flags,
    int estimateVersion,
    @Nullable BigDecimal estimateTotal,
    @Nullable String createdBy,
    Instant createdAt,
    Instant updatedAt) {}
