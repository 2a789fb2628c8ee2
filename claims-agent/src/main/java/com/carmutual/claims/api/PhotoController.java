package com.carmutual.claims.api;

import com.carmutual.claims.capacity.RequestPool;
import com.carmutual.claims.intake.ClaimService;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.types.files.SystemFile;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A claim's stored photos by position (0-based, upload order, as in the claim's {@code photos}):
 * the original for the viewer and a small JPEG thumbnail for the adjusters' page. Each answer is
 * one file streamed from disk, never read into memory.
 */
@Controller("/v1/claims/{id}/photos")
@ExecuteOn(RequestPool.NAME)
@Tag(name = "claims")
class PhotoController {
  private final ClaimService claims;

  PhotoController(ClaimService claims) {
    this.claims = claims;
  }

  @Operation(summary = "One photo of a claim, as uploaded (its detected media type)")
  @Get(value = "/{index}", produces = {MediaType.IMAGE_JPEG, MediaType.IMAGE_PNG, "image/webp", "image/heic"})
  HttpResponse<SystemFile> photo(String id, int index) {
    return answer(claims.photo(id, index, false));
  }

  @Operation(summary = "The photo's thumbnail (JPEG, long side 320 px by default, made once at intake); a HEIC or WebP photo is answered as uploaded")
  @Get(value = "/{index}/thumbnail", produces = {MediaType.IMAGE_JPEG, MediaType.IMAGE_PNG, "image/webp", "image/heic"})
  HttpResponse<SystemFile> thumbnail(String id, int index) {
    return answer(claims.photo(id, index, true));
  }

  private static HttpResponse<SystemFile> answer(ClaimService.PhotoFile file) {
    MediaType type = MediaType.of(file.mediaType());
    return HttpResponse.ok(new SystemFile(file.path().toFile(), type))
        .contentType(type)
        .header("Cache-Control", "private, max-age=3600");
  }
}
