package com.carmutual.shared.gateway.budget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;

/**
 * One configured daily budget ({@code llm.budgets.<name>}): of a task or of a client, in US
 * dollars (the gateway's cost estimate) and/or tokens; a null limit is unlimited. When it is spent
 * a call is refused (429), or sent to {@code fallbackRoute}, a route version of the task.
 */
@Serdeable
public record BudgetLimit(
    String name,
    @Nullable String task,
    @Nullable String client,
    @Nullable BigDecimal dailyUsd,
    @Nullable Long dailyTokens,
    @Nullable String fallbackRoute) {

  boolean appliesTo(String callTask, @Nullable String callClient) {
    return (task != null && task.equals(callTask)) || (client != null && client.equals(callClient));
  }
}
