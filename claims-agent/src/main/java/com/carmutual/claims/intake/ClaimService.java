package com.carmutual.claims.intake;

import com.carmutual.claims.damage.DamageAnnotation;
import com.carmutual.claims.flag.Flag;
import com.carmutual.claims.photo.KnownPhoto;
import com.carmutual.claims.photo.PhotoChecks;
import com.carmutual.claims.photo.PhotoDecoder;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claim intake and reads. Intake validates everything first (report fields, VIN check digit, every
 * photo's real type, size and pixel limits), then stores the photos (content-addressed) and the
 * claim with its photo rows in one transaction; on any failure nothing stays behind. An
 * idempotency key makes a client's retries safe: same client, key and content gives the same claim,
 * same client and key with different content is a 409 that names no claim; keys of different
 * clients never meet. Photos are files from the first byte (streamed to disk on upload), read as
 * streams and decoded at most once each, under {@link PhotoDecoder}'s limit.
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
  private final PhotoDecoder decoder;
  private final ClaimQueries queries;
  private final Taxonomy taxonomy;
  private final JsonMapper mapper;
  private final Clock clock;
  private final BusinessZone zone;
  private final TransactionOperations<Connection> tx;
  private final int maxPhotos;
  private final int maxKnownPhotos;

  ClaimService(
      ClaimRepository claims,
      PhotoRepository photos,
      PhotoStore store,
      PhotoInspector inspector,
      PhotoChecks checks,
      PhotoDecoder decoder,
      ClaimQueries queries,
      Taxonomy taxonomy,
      JsonMapper mapper,
      Clock clock,
      BusinessZone zone,
      TransactionOperations<Connection> tx,
      @Value("${claims.photo.max-count:20}") int maxPhotos,
      @Value("${claims.photo-checks.max-candidates:2000}") int maxKnownPhotos) {
    this.claims = claims;
    this.photos = photos;
    this.store = store;
    this.inspector = inspector;
    this.checks = checks;
    this.decoder = decoder;
    this.queries = queries;
    this.taxonomy = taxonomy;
    this.mapper = mapper;
    this.clock = clock;
    this.zone = zone;
    this.tx = tx;
    this.maxPhotos = maxPhotos;
    this.maxKnownPhotos = maxKnownPhotos;
  }

  /** A new empty file to stream one uploaded photo into; {@link #submit} moves it into the store, the caller deletes what is left. */
  public Path uploadFile() {
    return store.newTempFile(".upload");
  }

  /**
   * Files a claim; see the class comment for the guarantees. The photos are files already on disk
   * ({@link #uploadFile()}); they are inspected one after another, each decoded at most once.
   */
  public IntakeResult submit(ClaimReport report, List<NewPhoto> uploads, String idempotencyKey, String client) {
    if (report == null) {
      throw ProblemException.badRequest("report-missing", "the claim report is missing");
    }
    ClaimReport clean = validate(report);
    if (uploads.size() > maxPhotos) {
      throw ProblemException.badRequest("too-many-photos", uploads.size() + " photos sent; at most " + maxPhotos + " per claim");
    }
    String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.trim();
    if (key != null && key.length() > 200) {
      throw ProblemException.badRequest("idempotency-key", "Idempotency-Key is longer than 200 characters");
    }
    String owner = client == null ? "" : client;
    List<PhotoDecoder.Outputs> renditions = new ArrayList<>();
    try {
      List<PhotoFacts> facts = new ArrayList<>();
      for (NewPhoto upload : uploads) {
        PhotoDecoder.Outputs out = new PhotoDecoder.Outputs(store.newTempFile(".thumb.jpg"), store.newTempFile(".vision.jpg"));
        renditions.add(out);
        facts.add(inspector.inspect(upload.fileName(), upload.file(), out));
      }
      String hash = requestHash(clean, facts);
      if (key != null) {
        Optional<IntakeResult> replay = replay(owner, key, hash);
        if (replay.isPresent()) {
          return replay.get();
        }
      }
      return store(clean, uploads, facts, renditions, key, owner, hash, client);
    } finally {
      for (PhotoDecoder.Outputs out : renditions) {
        PhotoStore.deleteQuietly(out.thumbnail());
        PhotoStore.deleteQuietly(out.vision());
      }
    }
  }

  private IntakeResult store(
      ClaimReport clean, List<NewPhoto> uploads, List<PhotoFacts> facts, List<PhotoDecoder.Outputs> renditions, String key, String owner, String hash,
      String client) {
    Instant now = clock.instant();
    List<KnownPhoto> known = facts.isEmpty() ? List.of() : queries.candidates(facts, maxKnownPhotos);
    List<Flag> flags = new ArrayList<>(vehicleFlags(clean));
    flags.addAll(checks.check(facts, clean.lossDate(), clean.place(), now, zone.zone(), known));
    String id = UUID.randomUUID().toString();
    List<String> created = new ArrayList<>();
    try {
      for (int i = 0; i < uploads.size(); i++) {
        String sha = facts.get(i).sha256();
        if (store.put(sha, uploads.get(i).file())) {
          created.add(sha);
        }
        store.putRendition(sha, PhotoStore.Rendition.THUMBNAIL, renditions.get(i).thumbnail());
        store.putRendition(sha, PhotoStore.Rendition.VISION, renditions.get(i).vision());
      }
      Set<String> codes = flags.stream().map(Flag::code).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
      ClaimRow row =
          new ClaimRow(
              id, clean.memberId(), clean.vin(),
              clean.vehicle() == null ? null : clean.vehicle().year(),
              clean.vehicle() == null ? null : clean.vehicle().make(),
              clean.vehicle() == null ? null : clean.vehicle().model(),
              clean.lossDate(), clean.place(), clean.description(), json(clean), "received", key, key == null ? null : owner, hash, json(flags),
              String.join(",", codes), facts.size(), codes.size(), 0, null, client, now, now);
      tx.executeWrite(
          status -> {
            claims.save(row);
            queries.replaceFlagCodes(id, codes);
            for (int i = 0; i < facts.size(); i++) {
              PhotoFacts f = facts.get(i);
              String d = f.dhash();
              photos.save(
                  new PhotoRow(UUID.randomUUID().toString(), id, i + 1, f.fileName(), f.mediaType(), f.sizeBytes(), f.width(), f.height(), f.sha256(),
                      d, f.capturedAt(), f.gpsLatitude(), f.gpsLongitude(), f.cameraMake(), f.cameraModel(), f.software(), f.modifiedAt(),
                      f.hasExif(), f.sha256(), now, d == null ? null : ClaimQueries.quarter(d, 0), d == null ? null : ClaimQueries.quarter(d, 1),
                      d == null ? null : ClaimQueries.quarter(d, 2), d == null ? null : ClaimQueries.quarter(d, 3)));
            }
            return null;
          });
      return new IntakeResult(id, false);
    } catch (RuntimeException e) {
      created.forEach(store::delete);
      if (key != null) {
        Optional<IntakeResult> raced = replay(owner, key, hash);
        if (raced.isPresent()) {
          return raced.get();
        }
      }
      throw e;
    }
  }

  /** The earlier claim this client filed with this key; a 409 (naming no claim) when the request differs. */
  private Optional<IntakeResult> replay(String owner, String key, String hash) {
    Optional<ClaimRow> existing = claims.findByIdempotencyClientAndIdempotencyKey(owner, key);
    if (existing.isEmpty()) {
      return Optional.empty();
    }
    if (!existing.get().requestHash().equals(hash)) {
      throw new ProblemException(
          HttpStatus.CONFLICT, "idempotency-key-reused", "Idempotency-Key '" + key + "' was already used by this client with a different request");
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
    return toClaim(row, photoFacts(row.id()));
  }

  private List<PhotoFacts> photoFacts(String claimId) {
    return
        photos.findByClaimIdOrderBySeq(claimId).stream()
            .map(p -> new PhotoFacts(p.fileName(), p.mediaType(), p.sizeBytes(), p.width(), p.height(), p.sha256(), p.dhash(), p.capturedAt(),
                p.gpsLatitude(), p.gpsLongitude(), p.cameraMake(), p.cameraModel(), p.software(), p.modifiedAt(), p.hasExif()))
            .toList();
  }

  private Claim toClaim(ClaimRow row, List<PhotoFacts> facts) {
    return new Claim(
        row.id(), row.status(), read(row.reportJson(), Argument.of(ClaimReport.class)), facts,
        read(row.flagsJson(), Argument.listOf(Flag.class)), row.estimateVersion(), row.estimateTotal(), row.createdBy(), row.createdAt(), row.updatedAt());
  }

  /**
   * The claim's photos as sent to a vision route: each photo's vision copy (JPEG, long side at most
   * {@code claims.vision.long-side}, no EXIF or GPS), made now for a photo stored before copies
   * were kept. HEIC and WebP photos, which are not decoded here and so cannot be stripped of their
   * metadata, are not sent.
   */
  public List<ImageInput> visionImages(String claimId) {
    List<ImageInput> out = new ArrayList<>();
    for (PhotoRow p : photos.findByClaimIdOrderBySeq(claimId)) {
      Optional<Path> copy = rendition(p, PhotoStore.Rendition.VISION);
      if (copy.isEmpty()) {
        LOG.info("photo {} of claim {} ({}) is not sent to a vision route: it is not decoded here", p.seq(), claimId, p.mediaType());
        continue;
      }
      try {
        out.add(new ImageInput(p.fileName(), "image/jpeg", Files.readAllBytes(copy.get())));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the vision copy of photo " + p.storageKey(), e);
      }
    }
    return out;
  }

  /** A stored photo file to stream: the original, or its thumbnail (the original for a type that has none). */
  public record PhotoFile(Path path, String mediaType, String fileName) {}

  /** Photo {@code index} (0-based, upload order) of a claim, or a 404 problem. */
  public PhotoFile photo(String claimId, int index, boolean thumbnail) {
    PhotoRow p = index < 0 ? null : photos.findByClaimIdAndSeq(claimId, index + 1).orElse(null);
    if (p == null) {
      get(claimId);
      throw ProblemException.notFound("photo " + index + " of claim " + claimId);
    }
    if (thumbnail) {
      Optional<Path> thumb = rendition(p, PhotoStore.Rendition.THUMBNAIL);
      if (thumb.isPresent()) {
        return new PhotoFile(thumb.get(), "image/jpeg", p.fileName());
      }
    }
    Path original = store.original(p.storageKey());
    if (!Files.isRegularFile(original)) {
      throw new IllegalStateException("photo file " + p.storageKey() + " of claim " + claimId + " is missing from the photo store");
    }
    return new PhotoFile(original, p.mediaType(), p.fileName());
  }

  /** The stored rendition, made now (once, under the decode limit) when a decodable photo has none yet. */
  private Optional<Path> rendition(PhotoRow p, PhotoStore.Rendition kind) {
    Optional<Path> existing = store.existingRendition(p.storageKey(), kind);
    if (existing.isPresent() || !PhotoInspector.DECODABLE.contains(p.mediaType())) {
      return existing;
    }
    PhotoDecoder.Outputs out = new PhotoDecoder.Outputs(store.newTempFile(".thumb.jpg"), store.newTempFile(".vision.jpg"));
    try {
      decoder.render(p.fileName(), store.original(p.storageKey()), out);
      store.putRendition(p.storageKey(), PhotoStore.Rendition.THUMBNAIL, out.thumbnail());
      store.putRendition(p.storageKey(), PhotoStore.Rendition.VISION, out.vision());
    } finally {
      PhotoStore.deleteQuietly(out.thumbnail());
      PhotoStore.deleteQuietly(out.vision());
    }
    return store.existingRendition(p.storageKey(), kind);
  }

  /** Records the estimate's state and flag codes on the claim (called inside the estimate's transaction). */
  public void estimateChanged(String claimId, String status, int version, BigDecimal total, List<String> estimateFlagCodes) {
    ClaimRow row = claims.findById(claimId).orElseThrow(() -> ProblemException.notFound("claim " + claimId));
    List<Flag> photoFlags = read(row.flagsJson(), Argument.listOf(Flag.class));
    Set<String> codes =
        java.util.stream.Stream.concat(photoFlags.stream().map(Flag::code), estimateFlagCodes.stream())
            .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    String joined = String.join(",", codes);
    claims.update(claimId, status, version, total, joined.length() > 2000 ? joined.substring(0, 2000) : joined, codes.size(), clock.instant());
    queries.replaceFlagCodes(claimId, codes);
  }

  /** Queue orders by name, the first the default. */
  public static final List<String> QUEUE_ORDERS = List.of("newest", "oldest", "total", "flags");
  /** Claim statuses, as the queue filters them. */
  public static final List<String> STATUSES = List.of("received", "estimated", "in_review", "approved");

  /** One queue entry: the claim without its photos' facts, and how many photos it has. */
  public record Queued(Claim claim, int photoCount) {}

  /**
   * One page of the adjusters' queue, filtered by status and flag code and ordered, all in SQL on
   * indexes; the caller has checked the parameters ({@link #QUEUE_ORDERS}, {@link #STATUSES}).
   */
  public List<Queued> list(String status, String flag, String sort, int limit, int offset) {
    return queries.queue(status, flag == null ? null : flag.toUpperCase(Locale.ROOT), sort == null ? "newest" : sort, limit, offset).stream()
        .map(row -> new Queued(toClaim(row, List.of()), row.photoCount()))
        .toList();
  }

  /** Row counts of the claim tables, for operators and tests that check nothing was half-stored. */
  public long[] counts() {
    return new long[] {claims.count(), photos.count()};
  }

}
