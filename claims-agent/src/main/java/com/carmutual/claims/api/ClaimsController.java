package com.carmutual.claims.api;

import com.carmutual.claims.capacity.RequestPool;
import com.carmutual.claims.estimate.Estimate;
import com.carmutual.claims.estimate.EstimateService;
import com.carmutual.claims.flag.Flag;
import com.carmutual.claims.intake.Claim;
import com.carmutual.claims.intake.ClaimReport;
import com.carmutual.claims.intake.ClaimService;
import com.carmutual.claims.intake.IntakeResult;
import com.carmutual.claims.intake.NewPhoto;
import com.carmutual.shared.problem.Problem.FieldError;
import com.carmutual.shared.problem.ProblemException;
import com.carmutual.shared.web.Caller;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Claim intake (JSON or multipart with photos), claim reads and the adjusters' queue. */
@Controller("/v1/claims")
@ExecuteOn(RequestPool.NAME)
@Tag(name = "claims")
class ClaimsController {
  private static final Logger LOG = LoggerFactory.getLogger(ClaimsController.class);

  private final ClaimService claims;
  private final EstimateService estimates;
  private final JsonMapper mapper;

  private final int maxPhotos;

  ClaimsController(ClaimService claims, EstimateService estimates, JsonMapper mapper, @Value("${claims.photo.max-count:20}") int maxPhotos) {
    this.claims = claims;
    this.estimates = estimates;
    this.mapper = mapper;
    this.maxPhotos = maxPhotos;
  }

  @Operation(summary = "File a claim from its report (JSON); Idempotency-Key makes retries safe")
  @Post(consumes = MediaType.APPLICATION_JSON)
  HttpResponse<ClaimCreated> create(@Body ClaimReport report, @Nullable @Header("Idempotency-Key") String idempotencyKey) {
    long t0 = System.nanoTime();
    IntakeResult result = claims.submit(report, List.of(), idempotencyKey, Caller.client().orElse(null));
    return created(result, 0, System.nanoTime() - t0);
  }

  @Operation(summary = "File a claim with photos: multipart parts 'report' (JSON) and up to 20 'photos', each streamed to disk as it arrives")
  @Post(consumes = MediaType.MULTIPART_FORM_DATA)
  HttpResponse<ClaimCreated> createWithPhotos(@Body MultipartBody body, @Nullable @Header("Idempotency-Key") String idempotencyKey) {
    long t0 = System.nanoTime();
    PartsCollector collector = new PartsCollector(maxPhotos + 1);
    body.subscribe(collector);
    List<Path> files = new ArrayList<>();
    try {
      List<CompletedPart> parts = received(collector);
      ClaimReport report = null;
      List<NewPhoto> photos = new ArrayList<>();
      for (CompletedPart p : parts) {
        collector.opened(p);
        if ("report".equals(p.getName())) {
          report = report(p);
        } else if (PHOTO_PARTS.contains(p.getName())) {
          String fileName = p instanceof CompletedFileUpload f && f.getFilename() != null ? f.getFilename() : "photo-" + (photos.size() + 1);
          Path file = claims.uploadFile();
          files.add(file);
          copy(p, file, fileName);
          photos.add(new NewPhoto(fileName, file));
        } else {
          throw ProblemException.badRequest("multipart", "unexpected part '" + p.getName() + "': send 'report' and 'photos'");
        }
      }
      if (report == null) {
        throw ProblemException.badRequest("report-missing", "the multipart body has no 'report' part");
      }
      long t1 = System.nanoTime();
      IntakeResult result = claims.submit(report, photos, idempotencyKey, Caller.client().orElse(null));
      return created(result, t1 - t0, System.nanoTime() - t1);
    } finally {
      collector.discardAll();
      files.forEach(ClaimsController::deleteQuietly);
    }
  }

  private static final Set<String> PHOTO_PARTS = Set.of("photos", "photo", "photos[]");
  private static final int MAX_REPORT_BYTES = 1 << 20;

  private List<CompletedPart> received(PartsCollector collector) {
    try {
      return collector.result().get(5, TimeUnit.MINUTES);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof PartsCollector.TooManyParts) {
        throw ProblemException.badRequest("too-many-photos", "more than " + maxPhotos + " photos sent; at most " + maxPhotos + " per claim");
      }
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw ProblemException.badRequest("multipart", "the multipart body could not be read: " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ProblemException.badRequest("multipart", "interrupted while reading the upload");
    } catch (TimeoutException e) {
      throw ProblemException.badRequest("multipart", "the upload did not complete in time");
    }
  }

  private ClaimReport report(CompletedPart p) {
    if (p instanceof CompletedFileUpload f && f.getSize() > MAX_REPORT_BYTES) {
      f.discard();
      throw ProblemException.badRequest("report-too-large", "part 'report' has " + f.getSize() + " bytes; the limit is " + MAX_REPORT_BYTES);
    }
    try {
      return mapper.readValue(p.getBytes(), ClaimReport.class);
    } catch (Exception e) {
      throw ProblemException.badRequest("report-malformed", "part 'report' is not a claim report in JSON: " + e.getMessage());
    }
  }

  /** Streams one part to its file in blocks (the part itself is on disk past the multipart threshold). */
  private static void copy(CompletedPart part, Path file, String fileName) {
    try (InputStream in = part.getInputStream(); OutputStream out = Files.newOutputStream(file)) {
      in.transferTo(out);
    } catch (IOException e) {
      throw ProblemException.badRequest("multipart", "photo " + fileName + " could not be read from the upload: " + e.getMessage());
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("upload file {} not deleted: {}", file, e.toString());
    }
  }

  /** 201 with the claim id; the first estimate is made here, and the Server-Timing header says where the time went. */
  private HttpResponse<ClaimCreated> created(IntakeResult result, long uploadNanos, long intakeNanos) {
    long t0 = System.nanoTime();
    Integer version = null;
    java.math.BigDecimal total = null;
    try {
      Estimate e = estimates.current(result.claimId());
      version = e.version();
      total = e.totals().grossTotal();
    } catch (RuntimeException e) {
      // the claim is stored; the estimate is made again on the first GET of it
      LOG.warn("estimate of claim {} not made at intake: {}", result.claimId(), e.toString());
    }
    Claim claim = claims.get(result.claimId());
    String timing = String.format(java.util.Locale.ROOT, "upload;dur=%.1f, intake;dur=%.1f, estimate;dur=%.1f",
        uploadNanos / 1e6, intakeNanos / 1e6, (System.nanoTime() - t0) / 1e6);
    HttpResponse<ClaimCreated> response =
        HttpResponse.<ClaimCreated>status(HttpStatus.CREATED)
            .body(new ClaimCreated(result.claimId(), claim.status(), result.replayed(), version, total))
            .headers(h -> h.location(URI.create("/v1/claims/" + result.claimId())).add("Server-Timing", timing));
    if (result.replayed()) {
      response = ((io.micronaut.http.MutableHttpResponse<ClaimCreated>) response).header("Idempotent-Replayed", "true");
    }
    return response;
  }

  @Operation(summary = "A claim: report, photos' facts and photo flags")
  @Get("/{id}")
  Claim get(String id) {
    return claims.get(id);
  }

  @Operation(summary = "The adjusters' queue, one page: filtered by status and flag code; sort = newest (default), oldest, total, flags; "
      + "limit 1-500 (default 100), offset 0-100000")
  @Get
  List<ClaimSummary> list(@Nullable @QueryValue String status, @Nullable @QueryValue String flag, @Nullable @QueryValue String sort,
      @Nullable @QueryValue String limit, @Nullable @QueryValue String offset) {
    List<FieldError> errors = new ArrayList<>();
    int n = bounded(errors, "limit", limit, 100, 1, 500);
    int from = bounded(errors, "offset", offset, 0, 0, 100_000);
    String order = blank(sort) ? "newest" : sort.trim().toLowerCase(Locale.ROOT);
    if (!ClaimService.QUEUE_ORDERS.contains(order)) {
      errors.add(new FieldError("sort", "must be one of " + ClaimService.QUEUE_ORDERS));
    }
    String state = blank(status) ? null : status.trim().toLowerCase(Locale.ROOT);
    if (state != null && !ClaimService.STATUSES.contains(state)) {
      errors.add(new FieldError("status", "must be one of " + ClaimService.STATUSES));
    }
    String code = blank(flag) ? null : flag.trim().toUpperCase(Locale.ROOT);
    if (code != null && !code.matches("[A-Z0-9_]{1,60}")) {
      errors.add(new FieldError("flag", "must be a flag code such as PHOTO_NEAR_DUPLICATE"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid("the queue parameters are invalid", errors);
    }
    return claims.list(state, code, order, n, from).stream()
        .map(q -> {
          Claim c = q.claim();
          return new ClaimSummary(c.id(), c.status(), c.report().memberId(), c.report().vin(), c.report().vehicle(), c.report().plate(), c.report().source(),
              c.report().lossDate(), q.photoCount(), c.flags().stream().map(Flag::code).distinct().toList(), c.estimateVersion(), c.estimateTotal(), c.createdAt());
        })
        .toList();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** A whole-number query parameter within [min, max]; a field error naming it otherwise. */
  private static int bounded(List<FieldError> errors, String name, String value, int fallback, int min, int max) {
    if (blank(value)) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(value.trim());
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    String shown = value.length() > 20 ? value.substring(0, 20) + "..." : value;
    errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max + ", not '" + shown + "'"));
    return fallback;
  }
}
