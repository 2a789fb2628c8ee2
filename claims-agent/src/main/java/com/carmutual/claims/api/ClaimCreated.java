package com.carmutual.claims.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;

/** Answer of claim intake: the claim id, whether the request was a replay, and the first estimate's version and total when it could be made. */
@Serdeable
record ClaimCreated(String claimId, String status, boolean replayed, @Nullable Integer estimateVersion, @Nullable BigDecimal estimateTotal) {}
