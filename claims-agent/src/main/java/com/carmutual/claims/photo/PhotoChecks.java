package com.carmutual.claims.photo;

import com.carmutual.claims.flag.Flag;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Photo fraud and quality checks, each reported as a flag with its evidence, never as a rejection:
 * capture time after the upload or long before the loss, GPS far from the loss place, near-duplicates
 * of photos in other claims (dHash Hamming distance), editing software in EXIF, and missing metadata
 * marked as unknown (messaging apps strip EXIF; that is not fraud).
 */
@Singleton
public class PhotoChecks {
  private static final Pattern EDITORS =
      Pattern.compile("photoshop|gimp|lightroom|snapseed|picsart|pixlr|affinity|canva|facetune|paint\\.net|luminar|polarr|vsco|meitu|美图|photoscape|pixelmator|fotor");

  private final int maxDaysBeforeLoss;
  private final double maxDistanceKm;
  private final int duplicateBits;
  private final int reviewBits;

  PhotoChecks(
      @Value("${claims.photo-checks.max-days-before-loss:14}") int maxDaysBeforeLoss,
      @Value("${claims.photo-checks.max-distance-km:50}") double maxDistanceKm,
      @Value("${claims.photo-checks.duplicate-bits:6}") int duplicateBits,
      @Value("${claims.photo-checks.review-bits:12}") int reviewBits) {
    this.maxDaysBeforeLoss = maxDaysBeforeLoss;
    this.maxDistanceKm = maxDistanceKm;
    this.duplicateBits = duplicateBits;
    this.reviewBits = reviewBits;
  }

  /** Flags for the photos of one claim. */
  public List<Flag> check(
      List<PhotoFacts> photos, LocalDate lossDate, String lossPlace, Instant uploadedAt, ZoneId zone, List<KnownPhoto> otherClaims) {
    List<Flag> flags = new ArrayList<>();
    Optional<double[]> place = LossPlaces.coordinates(lossPlace);
    for (int i = 0; i < photos.size(); i++) {
      PhotoFacts p = photos.get(i);
      String n = p.fileName();
      if (!p.hasExif()) {
        flags.add(new Flag("PHOTO_METADATA_MISSING", "photo", "info", n, "no EXIF metadata: capture time and place unknown (often stripped by messaging apps; not a fraud signal)"));
      }
      if (p.capturedAt() == null) {
        if (p.hasExif()) {
          flags.add(new Flag("PHOTO_CAPTURE_TIME_UNKNOWN", "photo", "info", n, "EXIF has no DateTimeOriginal"));
        }
      } else {
        if (p.capturedAt().isAfter(uploadedAt.plus(Duration.ofMinutes(10)))) {
          flags.add(new Flag("PHOTO_CAPTURED_AFTER_UPLOAD", "photo", "warning", n, "captured " + p.capturedAt() + ", after the upload at " + uploadedAt));
        }
        if (lossDate != null) {
          LocalDate captured = p.capturedAt().atZone(zone).toLocalDate();
          if (captured.isBefore(lossDate.minusDays(maxDaysBeforeLoss))) {
            flags.add(new Flag("PHOTO_CAPTURED_BEFORE_LOSS", "photo", "warning", n,
                "captured " + captured + ", more than " + maxDaysBeforeLoss + " days before the loss date " + lossDate));
          } else if (captured.isBefore(lossDate)) {
            flags.add(new Flag("PHOTO_CAPTURED_BEFORE_LOSS", "photo", "review", n, "captured " + captured + ", before the loss date " + lossDate));
          }
        }
      }
      if (p.gpsLatitude() == null) {
        if (p.hasExif()) {
          flags.add(new Flag("PHOTO_GPS_UNKNOWN", "photo", "info", n, "no GPS position in EXIF"));
        }
      } else if (place.isPresent()) {
        double km = LossPlaces.distanceKm(p.gpsLatitude(), p.gpsLongitude(), place.get()[0], place.get()[1]);
        if (km > maxDistanceKm) {
          flags.add(new Flag("PHOTO_FAR_FROM_LOSS", "photo", "warning", n,
              String.format(Locale.ROOT, "taken at %.5f,%.5f, %.0f km from the loss place '%s' (limit %.0f km)", p.gpsLatitude(), p.gpsLongitude(), km, lossPlace, maxDistanceKm)));
        }
      } else {
        flags.add(new Flag("PHOTO_GPS_UNCHECKED", "photo", "info", n, "loss place '" + lossPlace + "' has no coordinates known offline; GPS not compared"));
      }
      if (p.software() != null && EDITORS.matcher(p.software().toLowerCase(Locale.ROOT)).find()) {
        flags.add(new Flag("PHOTO_EDITED", "photo", "warning", n, "EXIF Software tag says '" + p.software() + "'"));
      }
      if (p.capturedAt() != null && p.modifiedAt() != null && p.modifiedAt().isAfter(p.capturedAt().plus(Duration.ofMinutes(1)))) {
        flags.add(new Flag("PHOTO_MODIFIED_AFTER_CAPTURE", "photo", "review", n, "EXIF ModifyDate " + p.modifiedAt() + " is after DateTimeOriginal " + p.capturedAt()));
      }
      if (p.dhash() == null) {
        flags.add(new Flag("PHOTO_HASH_UNAVAILABLE", "photo", "info", n, p.mediaType() + " is not decoded here, so no perceptual hash: near-duplicate check covers exact copies only"));
      }
      for (int j = 0; j < i; j++) {
        PhotoFacts q = photos.get(j);
        if (q.sha256().equals(p.sha256())) {
          flags.add(new Flag("PHOTO_DUPLICATE_IN_CLAIM", "photo", "info", n, "same bytes as " + q.fileName() + " in this claim"));
        }
      }
      for (KnownPhoto k : otherClaims) {
        if (k.sha256().equals(p.sha256())) {
          flags.add(new Flag("PHOTO_NEAR_DUPLICATE", "photo", "warning", n, "identical bytes to " + k.fileName() + " of claim " + k.claimId()));
          continue;
        }
        if (p.dhash() != null && k.dhash() != null) {
          int d = DHash.distance(p.dhash(), k.dhash());
          if (d <= duplicateBits) {
            flags.add(new Flag("PHOTO_NEAR_DUPLICATE", "photo", "warning", n,
                "dHash distance " + d + "/64 to " + k.fileName() + " of claim " + k.claimId() + " (duplicate at <= " + duplicateBits + ")"));
          } else if (d <= reviewBits) {
            flags.add(new Flag("PHOTO_SIMILAR", "photo", "review", n,
                "dHash distance " + d + "/64 to " + k.fileName() + " of claim " + k.claimId() + " (review at <= " + reviewBits + ")"));
          }
        }
      }
    }
    return flags;
  }
}
