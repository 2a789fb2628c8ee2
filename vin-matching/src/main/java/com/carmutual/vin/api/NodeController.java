package com.carmutual.vin.api;

import com.carmutual.vin.decode.DecodedVin;
import com.carmutual.vin.decode.VinDecoder;
import com.carmutual.vin.match.MatchRequest;
import com.carmutual.vin.match.MatchResult;
import com.carmutual.vin.match.VinMatcher;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The service's standalone nodes, typed, for workflows and experiments. */
@Controller("/v1/nodes")
@Tag(name = "nodes")
@ExecuteOn(TaskExecutors.BLOCKING)
class NodeController {
  private final VinDecoder decoder;
  private final VinMatcher matcher;

  NodeController(VinDecoder decoder, VinMatcher matcher) {
    this.decoder = decoder;
    this.matcher = matcher;
  }

  /** Input of node {@code vin.decode}. */
  @Serdeable
  record DecodeInput(@NotBlank @Size(max = 64) String vin) {}

  @Post("/vin.decode")
  @Operation(summary = "Node vin.decode: VIN to decoded attributes with sources")
  DecodedVin decode(@Body @Valid DecodeInput input) {
    return decoder.decode(input.vin());
  }

  @Post("/vin.match")
  @Operation(summary = "Node vin.match: VIN and hint to catalog decision and candidates")
  MatchResult match(@Body @Valid MatchRequest input) {
    return matcher.match(input);
  }
}
