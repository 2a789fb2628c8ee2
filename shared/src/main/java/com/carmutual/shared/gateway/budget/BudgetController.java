package com.carmutual.shared.gateway.budget;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** Today's budgets with what is spent and reserved, for the tasks page. */
@Controller("/v1/llmops")
@Tag(name = "llmops")
class BudgetController {
  private final Budgets budgets;

  BudgetController(Budgets budgets) {
    this.budgets = budgets;
  }

  /** The budgets of one task. */
  @Serdeable
  record TaskBudgets(String task, List<Budgets.BudgetView> budgets) {}

  @Get("/budgets")
  @Operation(summary = "Every daily budget (per task and per client): limits, spent, reserved, refused")
  List<Budgets.BudgetView> all() {
    return budgets.views(null);
  }

  @Get("/tasks/{task}/budgets")
  @Operation(summary = "The daily budgets of one task")
  TaskBudgets ofTask(String task) {
    return new TaskBudgets(task, budgets.views(task));
  }
}
