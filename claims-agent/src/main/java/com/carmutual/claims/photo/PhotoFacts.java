package com.carmutual.claims.photo;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * What intake learned about one photo from its bytes: the real media type, size and dimensions,
 * content hash, perceptual hash (dHash, 16 hex digits; null for HEIC/WebP, which are not decoded)
 * and the EXIF capture time, GPS position, camera and software tags when present.
 */
@Serdeable
public record PhotoFacts(
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
    boolean hasExif) {}
