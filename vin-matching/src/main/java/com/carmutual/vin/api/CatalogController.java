package com.carmutual.vin.api;

import com.carmutual.shared.problem.ProblemException;
import com.carmutual.shared.web.AdminOnly;
import com.carmutual.vin.catalog.Catalog;
import com.carmutual.vin.catalog.CatalogRow;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Reads and replaces the pricing catalog. */
@Controller("/v1/catalog")
@Tag(name = "catalog")
@ExecuteOn(TaskExecutors.BLOCKING)
class CatalogController {
  private final Catalog catalog;

  CatalogController(Catalog catalog) {
    this.catalog = catalog;
  }

  /** What a replace did. */
  @Serdeable
  record Replaced(int rows) {}

  @Put
  @AdminOnly
  @Consumes({"text/csv", MediaType.TEXT_PLAIN})
  @Operation(summary = "Replace the whole catalog from CSV", description = "Atomic: a file with any bad row changes nothing; the 422 problem lists every bad row.")
  Replaced replace(@Body String csv) {
    return new Replaced(catalog.replace(csv));
  }

  @Get("/{catalogId}")
  @Operation(summary = "Read one catalog row")
  CatalogRow get(String catalogId) {
    return catalog.find(catalogId).orElseThrow(() -> ProblemException.notFound("Catalog row " + catalogId));
  }
}
