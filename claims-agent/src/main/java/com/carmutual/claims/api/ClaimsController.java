package com.carmutual.claims.api;

import com.carmutual.claims.estimate.Estimate;
import com.carmutual.claims.estimate.EstimateService;
import com.carmutual.claims.flag.Flag;
import com.carmutual.claims.intake.Claim;
import com.carmutual.claims.intake.ClaimReport;
import com.carmutual.claims.intake.ClaimService;
import com.carmutual.claims.intake.IntakeResult;
import com.carmutual.claims.intake.NewPhoto;
import com.carmutual.shared.problem.ProblemException;
import com.carmutual.shared.web.Caller;
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
import io.micronaut.http.server.multipart.MultipartBody;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Claim intake (JSON or multipart with photos), claim reads and the adjusters' queue. */
@Controller("/v1/claims")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "claims")
class ClaimsController {
  private static final Logger LOG = LoggerFactory.getLogger(ClaimsController.class);

  private final ClaimService claims;
  private final EstimateService estimates;
  private final JsonMapper mapper;

  ClaimsController(ClaimService claims, EstimateService estimates, JsonMapper mapper) {
    this.claims = claims;
    this.estimates = estimates;
    this.mapper = mapper;
  }

  @Operation(summary = "File a claim from its report (JSON); Idempotency-Key makes retries safe")
  @Post(consumes = MediaType.APPLICATION_JSON)
  HttpResponse<ClaimCreated> create(@Body ClaimReport report, @Nullable @Header("Idempotency-Key") String idempotencyKey) {
    long t0 = System.nanoTime();
    IntakeResult result = claims.submit(report, List.of(), idempotencyKey, Caller.client().orElse(null));
    return created(result, 0, System.nanoTime() - t0);
  }

  @Operation(summary = "File a claim with photos: multipart parts 'report' (JSON) and up to 20 'photos'")
  @Post(consumes = MediaType.MULTIPART_FORM_DATA)
  HttpResponse<ClaimCreated> createWithPhotos(@Body MultipartBody body, @Nullable @Header("Idempotency-Key") String idempotencyKey) {
    long t0 = System.nanoTime();
    PartsCollector collector = new PartsCollector();
    body.subscribe(collector);
    List<PartsCollector.ReceivedPart> parts;
    try {
      parts = collector.result().get(5, TimeUnit.MINUTES);
    } catch (ExecutionException e) {
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
    ClaimReport report = null;
    List<NewPhoto> photos = new ArrayList<>();
    for (PartsCollector.ReceivedPart p : parts) {
      if ("report".equals(p.name())) {
        try {
          report = mapper.readValue(p.bytes(), ClaimReport.class);
        } catch (Exception e) {
          throw ProblemException.badRequest("report-malformed", "part 'report' is not a claim report in JSON: " + e.getMessage());
        }
      } else if (Stream.of("photos", "photo", "photos[]").anyMatch(n -> n.equals(p.name()))) {
        photos.add(new NewPhoto(p.fileName() == null ? "photo-" + (photos.size() + 1) : p.fileName(), p.bytes()));
      } else {
        throw ProblemException.badRequest("multipart", "unexpected part '" + p.name() + "': send 'report' and 'photos'");
      }
    }
    if (report == null) {
      throw ProblemException.badRequest("report-missing", "the multipart body has no 'report' part");
    }
    long t1 = System.nanoTime();
    IntakeResult result = claims.submit(report, photos, idempotencyKey, Caller.client().orElse(null));
    return created(result, t1 - t0, System.nanoTime() - t1);
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

  @Operation(summary = "The adjusters' queue, filtered by status and flag code; sort = newest (default), oldest, total, flags")
  @Get
  List<ClaimSummary> list(@Nullable @QueryValue String status, @Nullable @QueryValue String flag, @Nullable @QueryValue String sort,
      @Nullable @QueryValue Integer limit) {
    int n = limit == null ? 100 : Math.max(1, Math.min(limit, 500));
    return claims.list(status, flag, sort, n).stream()
        .map(c -> new ClaimSummary(c.id(), c.status(), c.report().memberId(), c.report().vin(), c.report().vehicle(), c.report().plate(), c.report().source(), c.report().lossDate(),
            c.photos().size(), c.flags().stream().map(Flag::code).distinct().toList(), c.estimateVersion(), c.estimateTotal(), c.createdAt()))
        .toList();
  }
}
