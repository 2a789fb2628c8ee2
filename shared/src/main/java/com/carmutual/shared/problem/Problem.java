package com.carmutual.shared.problem;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * An RFC 9457 problem document: what every service answers when a request fails.
 *
 * <p>{@code type} is stable and documented; {@code detail} is for people; {@code errors} lists the
 * fields of the request that were wrong, each with what was wrong.
 */
@Serdeable
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    @Nullable String instance,
    @Nullable List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";
  static final String TYPE_BASE = "https://carmutual.example/problems/";

  /** One wrong field: a JSON-pointer-like path to it and what is wrong with it. */
  @Serdeable
  public record FieldError(String field, String message) {}

  public static String type(String slug) {
    return TYPE_BASE + slug;
  }
}
