package com.carmutual.shared.llmops.suite;

import com.carmutual.shared.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.Locale;

/** The suite view's API: one list of every configured service, fetched by this service. */
@Controller("/v1/llmops/suite")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "llmops")
final class SuiteController {
  private final SuiteView view;

  SuiteController(SuiteView view) {
    this.view = view;
  }

  @Get("/{list}")
  @Operation(summary = "calls, runs, tasks, challengers or promotions of every service in suite.llmops.peers,"
      + " each with its status (up, absent, error, down)")
  SuiteView.Suite get(@PathVariable String list, @QueryValue @Nullable Integer limit) {
    SuiteView.Kind kind;
    try {
      kind = SuiteView.Kind.valueOf(list.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("bad-list", "list must be one of "
          + Arrays.stream(SuiteView.Kind.values()).map(k -> k.name().toLowerCase(Locale.ROOT)).toList() + ", got '" + list + "'");
    }
    if (limit != null && (limit < 1 || limit > 200)) {
      throw ProblemException.badRequest("bad-limit", "limit must be between 1 and 200, got " + limit);
    }
    return view.fetch(kind, limit == null ? 50 : limit);
  }
}
