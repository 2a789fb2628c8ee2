package com.carmutual.claims.intake;

import com.carmutual.claims.damage.DamageAnnotation;
import com.carmutual.claims.flag.Flag;
import com.carmutual.claims.photo.KnownPhoto;
import com.carmutual.claims.photo.PhotoChecks;
import com.carmutual.claims.photo.PhotoFacts;
import com.carmutual.claims.photo.PhotoInspector;
import com.carmutual.claims.taxonomy.Part;
import com.carmutual.claims.taxonomy.Taxonomy;
import com.carmutual.claims.vehicle.Vins;
import com.carmutual.shared.gateway.ImageInput;
import com.carmutual.shared.problem.Problem.FieldError;
import com.carmutual.shared.problem.ProblemException;
import com.carmutual.shared.time.BusinessZone;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claim intake and reads. Intake validates everything first (report fields, VIN check digit, every
 * photo's real type, size and pixel limits), then stores the photos (content-addressed) and the
 * claim with its photo rows in one transaction; on any failure nothing stays behind. An
 * idempotency key makes retries safe: same key and same content gives the same claim, same key and
 * different content is a 409.
 */
@Singleton
public class ClaimService {
  private static final Logger LOG = LoggerFactory.getLogger(ClaimService.class);
  private static final Set<String> SIDES = Set.of("LEFT", "RIGHT", "CENTER");
  private static final Set<String> TYPES = Set.of("scratch", "dent", "crack", "broken", "shattered", "missing", "torn", "puncture", "bent");
  private static final Set<String> SEVERITIES = Set.of("minor", "moderate", "severe");

  private final ClaimRepository claims;
  private final PhotoRepository photos;
  private final PhotoStore store;
  private final PhotoInspector inspector;
  private final PhotoChecks checks;
  private final Taxonomy taxonomy;
  private final JsonMapper mapper;
  private final Clock clock;
  private final BusinessZone zone;
  private final TransactionOperations<Connection> tx;
  private final int maxPhotos;

  ClaimService(
      ClaimRepository claims,
      PhotoRepository photos,
      PhotoStore store,
      PhotoInspector inspector,
      PhotoChecks checks,
      Taxonomy taxonomy,
      JsonMapper mapper,
      Clock clock,
      BusinessZone zone,
      TransactionOperations<Connection> tx,
      @Value("${claims.photo.max-count:20}") int maxPhotos) {
    this.claims = claims;
    this.photos = photos;
    this.store = store;
    this.inspector = inspector;
    this.checks = checks;
    this.taxonomy = taxonomy;
    this.mapper = mapper;
    this.clock = clock;
    this.zone = zone;
    this.tx = tx;
    this.maxPhotos = maxPhotos;
  }

  /** Files a claim; see the class comment for the guarantees. */
  public IntakeResult submit(ClaimReport report, List<NewPhoto> uploads, String idempotencyKey, String client) {
    if (report == null) {
      throw ProblemException.badRequest("report-missing", "the claim report is missing");
    }
    ClaimReport clean = validate(report);
    if (uploads.size() > maxPhotos) {
      throw ProblemException.badRequest("too-many-photos", uploads.size() + " photos sent; at most " + maxPhotos + " per claim");
    }
    List<PhotoFacts> facts = inspectAll(uploads);
    String hash = requestHash(clean, facts);
    String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim();
    if (key != null && key.length() > 200) {
      throw ProblemException.badRequest("idempotency-key", "Idempotency-Key is longer than 200 characters");
    }
    if (key != null) {
      Optional<IntakeResult> replay = replay(key, hash);
      if (replay.isPresent()) {
        return replay.get();
      }
    }
    Instant now = clock.instant();
    List<KnownPhoto> known =
        StreamSupport.stream(photos.findAll().spliterator(), false)
            .map(r -> new KnownPhoto(r.claimId(), r.fileName(), r.sha256(), r.dhash()))
            .toList();
    List<Flag> flags = new ArrayList<>(vehicleFlags(clean));
    flags.addAll(checks.check(facts, clean.lossDate(), clean.place(), now, zone.zone(), known));
    String id = UUID.randomUUID().toString();
    List<String> created = new ArrayList<>();
    try {
      for (int i = 0; i < uploads.size(); i++) {
        if (store.put(facts.get(i).sha256(), uploads.get(i).bytes())) {
          created.add(facts.get(i).sha256());
        }
      }
      ClaimRow row =
          new ClaimRow(
              id, clean.memberId(), clean.vin(),
              clean.vehicle() == null ? null : clean.vehicle().year(),
              clean.vehicle() == null ? null : clean.vehicle().make(),
              clean.vehicle() == null ? null : clean.vehicle().model(),
              clean.lossDate(), clean.place(), clean.description(), json(clean), "received", key, hash, json(flags),
              flags.stream().map(Flag::code).distinct().collect(Collectors.joining(",")), facts.size(), 0, null, client, now, now);
      tx.executeWrite(
          status -> {
            claims.save(row);
            for (int i = 0; i < facts.size(); i++) {
              PhotoFacts f = facts.get(i);
              photos.save(
                  new PhotoRow(UUID.randomUUID().toString(), id, i + 1, f.fileName(), f.mediaType(), f.sizeBytes(), f.width(), f.height(), f.sha256(),
                      f.dhash(), f.capturedAt(), f.gpsLatitude(), f.gpsLongitude(), f.cameraMake(), f.cameraModel(), f.software(), f.modifiedAt(),
                      f.hasExif(), f.sha256(), now));
            }
            return null;
          });
      return new IntakeResult(id, false);
    } catch (RuntimeException e) {
      created.forEach(store::delete);
      if (key != null) {
        Optional<IntakeResult> raced = replay(key, hash);
        if (raced.isPresent()) {
          return raced.get();
        }
      }
      throw e;
    }
  }

  /**
   * Inspects the photos in parallel (decoding for the dHash is the slow part), then reports the
   * first bad photo in upload order, so the answer does not depend on thread timing.
   */
  private List<PhotoFacts> inspectAll(List<NewPhoto> uploads) {
    List<Object> results =
        uploads.parallelStream()
            .map(
                p -> {
                  try {
                    return (Object) inspector.inspect(p.fileName(), p.bytes());
                  } catch (RuntimeException e) {
                    return e;
                  }
                })
            .toList();
    List<PhotoFacts> facts = new ArrayList<>();
    for (Object r : results) {
      if (r instanceof RuntimeException e) {
        throw e;
      }
      facts.add((PhotoFacts) r);
    }
    return facts;
  }

  private Optional<IntakeResult> replay(String key, String hash) {
    Optional<ClaimRow> existing = claims.findByIdempotencyKey(key);
    if (existing.isEmpty()) {
      return Optional.empty();
    }
    if (!existing.get().requestHash().equals(hash)) {
      throw new ProblemException(
          HttpStatus.CONFLICT, "idempotency-key-reused",
          "Idempotency-Key '" + key + "' was already used for claim " + existing.get().id() + " with a different request");
    }
    return Optional.of(new IntakeResult(existing.get().id(), true));
  }

  private ClaimReport validate(ClaimReport r) {
    List<FieldError> errors = new ArrayList<>();
    if (r.memberId() == null || r.memberId().isBlank()) {
      errors.add(new FieldError("memberId", "is required"));
    } else if (r.memberId().length() > 100) {
      errors.add(new FieldError("memberId", "is longer than 100 characters"));
    }
    LocalDate today = LocalDate.now(clock.withZone(zone.zone()));
    if (r.lossDate() == null) {
      errors.add(new FieldError("lossDate", "is required (YYYY-MM-DD)"));
    } else if (r.lossDate().isAfter(today)) {
      errors.add(new FieldError("lossDate", r.lossDate() + " is in the future (today is " + today + ")"));
    }
    boolean annotated = r.damages() != null && !r.damages().isEmpty();
    if ((r.description() == null || r.description().isBlank()) && !annotated) {
      errors.add(new FieldError("description", "is required unless damages are given"));
    } else if (r.description() != null && r.description().length() > 10_000) {
      errors.add(new FieldError("description", "is longer than 10000 characters"));
    }
    String vin = Vins.normalise(r.vin());
    if (vin != null && vin.isEmpty()) {
      vin = null;
    }
    String plate = trimmed(r.plate());
    if (vin == null && !described(r) && plate == null) {
      errors.add(new FieldError("vin", "a VIN, vehicle.make (with year and model) or a plate is required"));
    }
    checkLength(errors, "plate", plate, 20);
    checkLength(errors, "reporterName", trimmed(r.reporterName()), 200);
    checkLength(errors, "lossTime", trimmed(r.lossTime()), 20);
    checkLength(errors, "language", trimmed(r.language()), 20);
    checkLength(errors, "source", trimmed(r.source()), 40);
    checkLength(errors, "callSid", trimmed(r.callSid()), 64);
    if (r.vehicle() != null && r.vehicle().year() != null && (r.vehicle().year() < 1950 || r.vehicle().year() > today.getYear() + 1)) {
      errors.add(new FieldError("vehicle.year", r.vehicle().year() + " is not a plausible model year"));
    }
    if (r.deductible() != null && r.deductible().signum() < 0) {
      errors.add(new FieldError("deductible", "must not be negative"));
    }
    if (r.vehicleValue() != null && r.vehicleValue().signum() <= 0) {
      errors.add(new FieldError("vehicleValue", "must be positive"));
    }
    List<DamageAnnotation> damages = new ArrayList<>();
    if (r.damages() != null) {
      for (int i = 0; i < r.damages().size(); i++) {
        DamageAnnotation a = r.damages().get(i);
        String at = "damages[" + i + "]";
        Optional<Part> part = a == null ? Optional.empty() : taxonomy.part(a.partCode());
        if (part.isEmpty()) {
          errors.add(new FieldError(at + ".partCode", "unknown part code " + (a == null ? null : a.partCode())));
          continue;
        }
        String side = a.side() == null ? (part.get().perSide() ? null : "CENTER") : a.side().toUpperCase(Locale.ROOT);
        if (side == null || !SIDES.contains(side) || (part.get().perSide() && "CENTER".equals(side))) {
          errors.add(new FieldError(at + ".side", part.get().perSide() ? "LEFT or RIGHT is required for " + part.get().code() : "must be CENTER"));
        }
        String type = a.damageType() == null ? null : a.damageType().toLowerCase(Locale.ROOT);
        if (type != null && !TYPES.contains(type)) {
          errors.add(new FieldError(at + ".damageType", "must be one of " + TYPES.stream().sorted().toList()));
        }
        String sev = a.severity() == null ? null : a.severity().toLowerCase(Locale.ROOT);
        if (sev != null && !SEVERITIES.contains(sev)) {
          errors.add(new FieldError(at + ".severity", "must be one of minor, moderate, severe"));
        }
        damages.add(new DamageAnnotation(part.get().code(), part.get().perSide() ? side : "CENTER", type, sev));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid("the claim report is invalid", errors);
    }
    if (vin != null) {
      String form = Vins.formError(vin);
      if (form != null) {
        throw ProblemException.badRequest("vin-invalid", "VIN " + vin + ": " + form);
      }
      if (Vins.northAmerican(vin) && Vins.expectedCheckDigit(vin) != vin.charAt(8)) {
        throw ProblemException.badRequest(
            "vin-check-digit", "VIN " + vin + " fails its check digit: position 9 is '" + vin.charAt(8) + "', the VIN's characters give '" + Vins.expectedCheckDigit(vin) + "'");
      }
    }
    return new ClaimReport(
        r.memberId().trim(), vin, r.vehicle(), r.lossDate(), r.lossLocation(), r.lossPlace(), r.description() == null ? "" : r.description(),
        damages, r.deductible(), r.vehicleValue(), plate, trimmed(r.reporterName()), trimmed(r.lossTime()), r.injuries(), r.policeReport(),
        r.otherPartyInvolved(), r.vehicleDrivable(), trimmed(r.language()), trimmed(r.source()), trimmed(r.callSid()));
  }

  private static boolean described(ClaimReport r) {
    return r.vehicle() != null && r.vehicle().make() != null && !r.vehicle().make().isBlank();
  }

  private static String trimmed(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static void checkLength(List<FieldError> errors, String field, String value, int max) {
    if (value != null && value.length() > max) {
      errors.add(new FieldError(field, "is longer than " + max + " characters"));
    }
  }

  /**
   * Flags a report that names its vehicle by plate only (phone intake): it is stored and estimated
   * with a generic vehicle class, and an adjuster must identify the vehicle.
   */
  static List<Flag> vehicleFlags(ClaimReport clean) {
    if (clean.vin() != null || described(clean)) {
      return List.of();
    }
    return List.of(new Flag("VEHICLE_UNIDENTIFIED", "vehicle", "review", clean.plate(),
        "no VIN or make/model, only the plate " + clean.plate() + (clean.source() == null ? "" : " (" + clean.source() + " intake)")
            + ": priced with a generic vehicle class; identify the vehicle"));
  }

  private String requestHash(ClaimReport report, List<PhotoFacts> facts) {
    StringBuilder sb = new StringBuilder(json(report));
    for (PhotoFacts f : facts) {
      sb.append('\n').append(f.fileName()).append(':').append(f.sha256());
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String json(Object o) {
    try {
      return mapper.writeValueAsString(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private <T> T read(String json, Argument<T> type) {
    try {
      return mapper.readValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The claim, or a 404 problem. */
  public Claim get(String id) {
    return find(id).orElseThrow(() -> ProblemException.notFound("claim " + id));
  }

  public Optional<Claim> find(String id) {
    return claims.findById(id).map(this::toClaim);
  }

  private Claim toClaim(ClaimRow row) {
    List<PhotoFacts> facts =
        photos.findByClaimIdOrderBySeq(row.id()).stream()
            .map(p -> new PhotoFacts(p.fileName(), p.mediaType(), p.sizeBytes(), p.width(), p.height(), p.sha256(), p.dhash(), p.capturedAt(),
                p.gpsLatitude(), p.gpsLongitude(), p.cameraMake(), p.cameraModel(), p.software(), p.modifiedAt(), p.hasExif()))
            .toList();
    return new Claim(
        row.id(), row.status(), read(row.reportJson(), Argument.of(ClaimReport.class)), facts,
        read(row.flagsJson(), Argument.listOf(Flag.class)), row.estimateVersion(), row.estimateTotal(), row.createdBy(), row.createdAt(), row.updatedAt());
  }

  /** The claim's photos as gateway image inputs, for a vision route. */
  public List<ImageInput> images(String claimId) {
    return photos.findByClaimIdOrderBySeq(claimId).stream()
        .map(p -> new ImageInput(p.fileName(), p.mediaType(), store.get(p.storageKey())))
        .toList();
  }

  /** Records the estimate's state and flag codes on the claim (called inside the estimate's transaction). */
  public void estimateChanged(String claimId, String status, int version, BigDecimal total, List<String> estimateFlagCodes) {
    ClaimRow row = claims.findById(claimId).orElseThrow(() -> ProblemException.notFound("claim " + claimId));
    List<Flag> photoFlags = read(row.flagsJson(), Argument.listOf(Flag.class));
    String codes =
        java.util.stream.Stream.concat(photoFlags.stream().map(Flag::code), estimateFlagCodes.stream()).distinct().collect(Collectors.joining(","));
    claims.update(claimId, status, version, total, codes.length() > 2000 ? codes.substring(0, 2000) : codes, clock.instant());
  }

  /** The adjusters' queue: claims filtered by status and flag code, newest first or by total. */
  public List<Claim> list(String status, String flag, String sort, int limit) {
    Comparator<ClaimRow> order =
        switch (sort == null ? "" : sort) {
          case "total" -> Comparator.comparing((ClaimRow c) -> c.estimateTotal() == null ? BigDecimal.ZERO : c.estimateTotal()).reversed();
          case "oldest" -> Comparator.comparing(ClaimRow::createdAt);
          case "flags" -> Comparator.comparing((ClaimRow c) -> c.flagCodes().isEmpty() ? 0 : c.flagCodes().split(",").length).reversed();
          default -> Comparator.comparing(ClaimRow::createdAt).reversed();
        };
    return claims.listOrderByCreatedAtDesc().stream()
        .filter(c -> status == null || status.isBlank() || status.equalsIgnoreCase(c.status()))
        .filter(c -> flag == null || flag.isBlank() || List.of(c.flagCodes().split(",")).contains(flag.toUpperCase(Locale.ROOT)))
        .sorted(order.thenComparing(ClaimRow::id))
        .limit(limit)
        .map(this::toClaim)
        .toList();
  }

  /** Row counts of the claim tables, for operators and tests that check nothing was half-stored. */
  public long[] counts() {
    return new long[] {claims.count(), photos.count()};
  }

}
