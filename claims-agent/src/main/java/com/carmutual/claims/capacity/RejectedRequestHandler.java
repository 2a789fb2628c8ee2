package com.carmutual.claims.capacity;

import com.carmutual.shared.problem.BusyException;
import com.carmutual.shared.problem.Problem;
import com.carmutual.shared.problem.ProblemResponses;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;

/**
 * A request the bounded request pool ({@link RequestPool}) could not take: 503 with
 * {@code Retry-After} rather than a queue that grows with the load.
 */
@Produces(Problem.MEDIA_TYPE)
@Singleton
final class RejectedRequestHandler implements ExceptionHandler<RejectedExecutionException, HttpResponse<Problem>> {
  @Override
  public HttpResponse<Problem> handle(HttpRequest request, RejectedExecutionException exception) {
    return ProblemResponses.of(request,
        new BusyException("busy", "claims-agent is handling as many requests as it is configured for; retry shortly", Duration.ofSeconds(2)));
  }
}
