package com.carmutual.claims.capacity;

import com.carmutual.shared.problem.Problem;
import com.carmutual.shared.problem.ProblemResponses;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Answers {@link Busy} as 503 problem+json with its {@code Retry-After}. */
@Produces(Problem.MEDIA_TYPE)
@Singleton
final class BusyHandler implements ExceptionHandler<Busy, HttpResponse<Problem>> {
  @Override
  public HttpResponse<Problem> handle(HttpRequest request, Busy busy) {
    return ProblemResponses.of(request, busy).header("Retry-After", Long.toString(busy.retryAfterSeconds()));
  }
}
