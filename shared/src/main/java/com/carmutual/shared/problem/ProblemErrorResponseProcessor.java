package com.carmutual.shared.problem;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces Micronaut's default error body so that every error the framework produces (unknown
 * route, bad JSON, constraint violations, body too large, unsupported media type) is a problem
 * document. Server errors never carry the exception's message or stack to the caller: they get a
 * reference that is logged with the cause.
 */
@Singleton
final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorResponseProcessor.class);

  @Override
  public MutableHttpResponse<Problem> processResponse(
      ErrorContext context, MutableHttpResponse<?> baseResponse) {
    HttpStatus status = baseResponse.getStatus();
    String path = context.getRequest() == null ? null : context.getRequest().getPath();
    Problem problem;
    if (context.getRootCause().orElse(null) instanceof ProblemException pe) {
      problem = pe.toProblem(path);
      status = pe.status();
    } else if (status.getCode() >= 500) {
      String reference = UUID.randomUUID().toString();
      LOG.error(
          "Internal error {} on {}", reference, path, context.getRootCause().orElse(null));
      problem =
          new Problem(
              Problem.type("internal"),
              status.getReason(),
              status.getCode(),
              "The service failed to handle the request; reference " + reference,
              path,
              null);
    } else {
      List<Problem.FieldError> fields = new ArrayList<>();
      StringBuilder detail = new StringBuilder();
      for (Error error : context.getErrors()) {
        if (error.getPath().isPresent()) {
          fields.add(new Problem.FieldError(cleanPath(error.getPath().get()), error.getMessage()));
        }
        if (detail.length() > 0) {
          detail.append("; ");
        }
        detail.append(error.getMessage());
      }
      String slug = fields.isEmpty() ? ProblemResponses.slugFor(status) : "validation";
      problem =
          new Problem(
              Problem.type(slug),
              status.getReason(),
              status.getCode(),
              detail.length() == 0 ? status.getReason() : detail.toString(),
              path,
              fields.isEmpty() ? null : fields);
    }
    return baseResponse
        .status(status)
        .contentType(MediaType.of(Problem.MEDIA_TYPE))
        .body(problem);
  }

  /** Turns a constraint path such as {@code create.request.vin} into {@code request.vin}. */
  private static String cleanPath(String path) {
    int dot = path.indexOf('.');
    return dot > 0 && dot < path.length() - 1 ? path.substring(dot + 1) : path;
  }
}
