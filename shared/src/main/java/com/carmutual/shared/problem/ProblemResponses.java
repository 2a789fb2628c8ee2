package com.carmutual.shared.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.util.List;

/** Builds problem+json responses; the one place that knows the media type and the shape. */
public final class ProblemResponses {
  private ProblemResponses() {}

  public static MutableHttpResponse<Problem> of(
      HttpRequest<?> request, HttpStatus status, String slug, String detail) {
    return of(request, new ProblemException(status, slug, detail));
  }

  public static MutableHttpResponse<Problem> of(HttpRequest<?> request, ProblemException e) {
    Problem problem = e.toProblem(request == null ? null : request.getPath());
    MutableHttpResponse<Problem> response = HttpResponse.<Problem>status(e.status())
        .contentType(MediaType.of(Problem.MEDIA_TYPE))
        .body(problem);
    if (e instanceof BusyException busy) {
      response.header("Retry-After", Long.toString(busy.retryAfterSeconds()));
    }
    return response;
  }

  static String slugFor(HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST -> "bad-request";
      case UNAUTHORIZED -> "unauthorized";
      case FORBIDDEN -> "forbidden";
      case NOT_FOUND -> "not-found";
      case METHOD_NOT_ALLOWED -> "method-not-allowed";
      case NOT_ACCEPTABLE -> "not-acceptable";
      case CONFLICT -> "conflict";
      case REQUEST_ENTITY_TOO_LARGE -> "payload-too-large";
      case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
      case UNPROCESSABLE_ENTITY -> "unprocessable";
      case TOO_MANY_REQUESTS -> "rate-limited";
      case SERVICE_UNAVAILABLE -> "unavailable";
      default -> status.getCode() >= 500 ? "internal" : "client-error";
    };
  }

  static List<Problem.FieldError> none() {
    return List.of();
  }
}
