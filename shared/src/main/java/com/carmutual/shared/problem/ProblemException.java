package com.carmutual.shared.problem;

import io.micronaut.http.HttpStatus;
import java.util.List;

/**
 * A failure that is answered as a problem document. Services throw it (or a subclass) for
 * domain errors; the handler turns it into {@code application/problem+json}.
 */
public class ProblemException extends RuntimeException {
  private final HttpStatus status;
  private final String slug;
  private final List<Problem.FieldError> errors;

  public ProblemException(HttpStatus status, String slug, String detail) {
    this(status, slug, detail, List.of());
  }

  public ProblemException(
      HttpStatus status, String slug, String detail, List<Problem.FieldError> errors) {
    super(detail);
    this.status = status;
    this.slug = slug;
    this.errors = List.copyOf(errors);
  }

  public static ProblemException badRequest(String slug, String detail) {
    return new ProblemException(HttpStatus.BAD_REQUEST, slug, detail);
  }

  public static ProblemException notFound(String what) {
    return new ProblemException(HttpStatus.NOT_FOUND, "not-found", what + " was not found");
  }

  public static ProblemException invalid(String detail, List<Problem.FieldError> errors) {
    return new ProblemException(HttpStatus.BAD_REQUEST, "validation", detail, errors);
  }

  public HttpStatus status() {
    return status;
  }

  public String slug() {
    return slug;
  }

  public List<Problem.FieldError> errors() {
    return errors;
  }

  public Problem toProblem(String instance) {
    return new Problem(
        Problem.type(slug),
        status.getReason(),
        status.getCode(),
        getMessage(),
        instance,
        errors.isEmpty() ? null : errors);
  }
}
