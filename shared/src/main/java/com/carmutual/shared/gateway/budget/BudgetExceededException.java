package com.carmutual.shared.gateway.budget;

import com.carmutual.shared.gateway.LlmException;
import io.micronaut.core.annotation.Nullable;

/**
 * A call refused because a daily budget is spent (or would be by this call's estimate). Answered
 * as 429 problem+json naming the budget when it reaches a controller.
 */
public final class BudgetExceededException extends LlmException {
  private final String budget;
  @Nullable private final String fallbackRoute;

  BudgetExceededException(String task, String budget, @Nullable String fallbackRoute, String detail) {
    super(task, Kind.REJECTED, "budget " + budget + " is spent: " + detail);
    this.budget = budget;
    this.fallbackRoute = fallbackRoute;
  }

  /** The name of the budget ({@code llm.budgets.<name>}). */
  public String budget() {
    return budget;
  }

  /** The route version to send the call to instead, when the budget names one. */
  @Nullable
  public String fallbackRoute() {
    return fallbackRoute;
  }
}
