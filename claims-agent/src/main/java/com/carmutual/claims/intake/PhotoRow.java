package com.carmutual.claims.intake;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * Row of table {@code claim_photos}; the bytes live in the photo store under {@code storageKey}.
 * {@code dhashQ0..3} are the dHash's four 16-bit quarters, indexed for the near-duplicate search.
 */
@MappedEntity("claim_photos")
record PhotoRow(
    @Id String id,
    String claimId,
    int seq,
    String fileName,
    String mediaType,
    long sizeBytes,
    int width,
    int height,
    String sha256,
    @Nullable String dhash,
    @Nullable Instant capturedAt,
    @Nullable Double gpsLatitude,
    @Nullable Double gpsLongitude,
    @Nullable String cameraMake,
    @Nullable String cameraModel,
    @Nullable String software,
    @Nullable Instant modifiedAt,
    boolean hasExif,
    String storageKey,
    Instant createdAt,
    @Nullable String dhashQ0,
    @Nullable String dhashQ1,
    @Nullable String dhashQ2,
    @Nullable String dhashQ3) {}
