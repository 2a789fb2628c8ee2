package com.carmutual.vin.api;

import com.carmutual.shared.problem.Problem;
import com.carmutual.shared.problem.ProblemException;
import com.carmutual.vin.decode.DecodedVin;
import com.carmutual.vin.decode.VinDecoder;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Decodes VINs: one, or a batch in order (JSON array or NDJSON lines). */
@Controller("/v1/vins")
@Tag(name = "vins")
@ExecuteOn(TaskExecutors.BLOCKING)
class VinController {
  static final int MAX_BATCH = 10_000;
  static final String NDJSON = "application/x-ndjson";

  private final VinDecoder decoder;
  private final JsonMapper json;

  VinController(VinDecoder decoder, JsonMapper json) {
    this.decoder = decoder;
    this.json = json;
  }

  /** One decode result of a batch: the decoded VIN, or the problem with that line. */
  @Serdeable
  record BatchItem(int index, String input, @Nullable DecodedVin result, @Nullable Problem error) {}

  @Get("/{vin}")
  @Operation(summary = "Decode one VIN", description = "Lower case and blanks are normalised; a malformed VIN is a 400 naming the position.")
  DecodedVin decode(@PathVariable String vin) {
    return decoder.decode(vin);
  }

  @Post("/batch")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Decode up to 10,000 VINs", description = "Results in the same order; a bad VIN gets its own error, never fails the batch.")
  List<BatchItem> batch(@Body List<String> vins) {
    if (vins == null || vins.isEmpty()) {
      throw ProblemException.badRequest("empty-batch", "The batch is empty; send a JSON array of VINs");
    }
    if (vins.size() > MAX_BATCH) {
      throw new ProblemException(io.micronaut.http.HttpStatus.REQUEST_ENTITY_TOO_LARGE, "batch-too-large",
          "The batch has " + vins.size() + " VINs; at most " + MAX_BATCH + " per request (use NDJSON for more)");
    }
    List<BatchItem> out = new ArrayList<>(vins.size());
    for (int i = 0; i < vins.size(); i++) {
      out.add(item(i, vins.get(i)));
    }
    return out;
  }

  @Post("/batch")
  @Consumes(NDJSON)
  @Produces(NDJSON)
  @Operation(summary = "Decode VINs as NDJSON", description = "One VIN per line (bare or as a JSON string); one JSON result per line, in order.")
  String batchNdjson(@Body String body) {
    StringBuilder out = new StringBuilder();
    int index = 0;
    for (String line : (body == null ? "" : body).split("\r?\n")) {
      if (line.isBlank()) {
        continue;
      }
      String vin = line.trim();
      if (vin.startsWith("\"") && vin.endsWith("\"") && vin.length() >= 2) {
        vin = vin.substring(1, vin.length() - 1);
      }
      try {
        out.append(json.writeValueAsString(item(index++, vin))).append('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out.toString();
  }

  private BatchItem item(int index, String vin) {
    try {
      return new BatchItem(index, vin, decoder.decode(vin), null);
    } catch (ProblemException e) {
      return new BatchItem(index, vin, null, e.toProblem(null));
    }
  }
}
