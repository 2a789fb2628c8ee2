package com.carmutual.shared.gateway.budget;

import com.carmutual.shared.problem.Problem;
import com.carmutual.shared.problem.ProblemResponses;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Answers a spent budget as 429 problem+json whose detail names the budget. */
@Produces(Problem.MEDIA_TYPE)
@Singleton
final class BudgetExceededHandler implements ExceptionHandler<BudgetExceededException, HttpResponse<Problem>> {

  @Override
  public HttpResponse<Problem> handle(HttpRequest request, BudgetExceededException e) {
    return ProblemResponses.of(request, HttpStatus.TOO_MANY_REQUESTS, "budget-exceeded", e.getMessage());
  }
}
