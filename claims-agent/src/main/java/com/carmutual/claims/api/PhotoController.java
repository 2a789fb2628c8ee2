package com.carmutual.claims.api;

import com.carmutual.claims.intake.ClaimService;
import com.carmutual.shared.gateway.ImageInput;
import com.carmutual.shared.problem.ProblemException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/**
 * A claim's stored photo bytes by position (0-based, upload order, as in the claim's
 * {@code photos}), for the adjusters' page thumbnails and viewer.
 */
@Controller("/v1/claims/{id}/photos")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "claims")
class PhotoController {
  private final ClaimService claims;

  PhotoController(ClaimService claims) {
    this.claims = claims;
  }

  @Operation(summary = "One photo of a claim, as uploaded (its detected media type)")
  @Get(value = "/{index}", produces = {MediaType.IMAGE_JPEG, MediaType.IMAGE_PNG, "image/webp", "image/heic"})
  HttpResponse<byte[]> photo(String id, int index) {
    claims.get(id);
    List<ImageInput> images = claims.images(id);
    if (index < 0 || index >= images.size()) {
      throw ProblemException.notFound("photo " + index + " of claim " + id + " (it has " + images.size() + ")");
    }
    ImageInput image = images.get(index);
    return HttpResponse.ok(image.data())
        .contentType(MediaType.of(image.mediaType()))
        .header("Cache-Control", "private, max-age=3600");
  }
}
