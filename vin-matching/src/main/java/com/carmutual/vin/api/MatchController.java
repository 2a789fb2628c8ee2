package com.carmutual.vin.api;

import com.carmutual.vin.match.MatchRequest;
import com.carmutual.vin.match.MatchResult;
import com.carmutual.vin.match.VinMatcher;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Matches a VIN (and optional hint) to the pricing catalog. */
@Controller("/v1/vins/match")
@Tag(name = "match")
@ExecuteOn(TaskExecutors.BLOCKING)
class MatchController {
  private final VinMatcher matcher;

  MatchController(VinMatcher matcher) {
    this.matcher = matcher;
  }

  @Post
  @Operation(summary = "Match a VIN to catalog rows", description = "decision auto | review | no_match with ranked candidates, scores, confidence and reasons")
  MatchResult match(@Body @Valid MatchRequest request) {
    return matcher.match(request);
  }
}
