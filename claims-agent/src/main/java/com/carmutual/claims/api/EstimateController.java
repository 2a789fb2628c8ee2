package com.carmutual.claims.api;

import com.carmutual.claims.estimate.Estimate;
import com.carmutual.claims.estimate.EstimateExport;
import com.carmutual.claims.estimate.EstimateService;
import com.carmutual.claims.estimate.LineEdit;
import com.carmutual.claims.intake.ClaimService;
import com.carmutual.claims.pricing.Pricer;
import com.carmutual.shared.problem.ProblemException;
import com.carmutual.shared.web.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import com.carmutual.claims.capacity.RequestPool;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/**
 * The estimate of a claim and the adjusters' corrections. Every change answers the new version;
 * send {@code If-Match: <version>} to refuse the change when someone else changed it first.
 */
@Controller("/v1/claims/{id}/estimate")
@ExecuteOn(RequestPool.NAME)
@Tag(name = "estimates")
class EstimateController {
  private final EstimateService estimates;
  private final ClaimService claims;
  private final EstimateExport export;
  private final Pricer pricer;

  EstimateController(EstimateService estimates, ClaimService claims, EstimateExport export, Pricer pricer) {
    this.estimates = estimates;
    this.claims = claims;
    this.export = export;
    this.pricer = pricer;
  }

  /** Body of approve and of line deletion: why. */
  @Serdeable
  record Comment(@Nullable String comment) {}

  @Operation(summary = "The latest estimate version: lines, totals, flags, total-loss check")
  @Get
  Estimate get(String id) {
    return estimates.current(id);
  }

  @Operation(summary = "Every version of the estimate, oldest first")
  @Get("/versions")
  List<Estimate> versions(String id) {
    return estimates.history(id);
  }

  @Get("/versions/{version}")
  Estimate version(String id, int version) {
    return estimates.version(id, version);
  }

  @Operation(summary = "Change a line (only the fields given); makes a new version")
  @Patch("/lines/{lineId}")
  Estimate patch(String id, String lineId, @Body LineEdit edit, @Nullable @Header("If-Match") String ifMatch) {
    return estimates.patchLine(id, lineId, edit, version(ifMatch), author());
  }

  @Operation(summary = "Add a line; makes a new version")
  @Post("/lines")
  HttpResponse<Estimate> add(String id, @Body LineEdit edit, @Nullable @Header("If-Match") String ifMatch) {
    return HttpResponse.status(HttpStatus.CREATED).body(estimates.addLine(id, edit, version(ifMatch), author()));
  }

  @Operation(summary = "Delete a line; makes a new version")
  @Delete("/lines/{lineId}")
  Estimate delete(String id, String lineId, @Nullable @QueryValue String comment, @Nullable @Header("If-Match") String ifMatch) {
    return estimates.deleteLine(id, lineId, version(ifMatch), comment, author());
  }

  @Operation(summary = "Approve the latest version")
  @Post("/approve")
  Estimate approve(String id, @Nullable @Body Comment body, @Nullable @Header("If-Match") String ifMatch) {
    return estimates.approve(id, version(ifMatch), body == null ? null : body.comment(), author());
  }

  @Operation(summary = "Export the approved estimate: format=bms (CIECA-BMS-shaped JSON) or html (printable page)")
  @Get("/export")
  HttpResponse<?> export(String id, @Nullable @QueryValue String format) {
    Estimate e = estimates.approved(id);
    String f = format == null ? "bms" : format.toLowerCase(java.util.Locale.ROOT);
    return switch (f) {
      case "bms", "json" -> HttpResponse.ok(export.bms(claims.get(id), e, pricer.profile().laborRates(), pricer.profile().paintMaterialsRate(),
          pricer.profile().partsTaxRate())).contentType(MediaType.APPLICATION_JSON_TYPE);
      case "html" -> HttpResponse.ok(export.html(claims.get(id), e)).contentType(MediaType.TEXT_HTML_TYPE);
      default -> throw ProblemException.badRequest("export-format", "format must be bms or html, not " + format);
    };
  }

  private static Integer version(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return null;
    }
    String v = ifMatch.trim().replace("W/", "").replace("\"", "");
    try {
      return Integer.valueOf(v);
    } catch (NumberFormatException e) {
      throw ProblemException.badRequest("if-match", "If-Match must be the estimate version number, not " + ifMatch);
    }
  }

  private static String author() {
    return Caller.client().orElse("unknown");
  }
}
