package com.carmutual.shared.llmops.shadow;

import com.carmutual.shared.llmops.shadow.ChallengerViews.ChallengerRequest;
import com.carmutual.shared.llmops.shadow.ChallengerViews.ChallengerView;
import com.carmutual.shared.llmops.support.Actors;
import com.carmutual.shared.problem.ProblemException;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A task's challenger in shadow: start (admin), read, end (admin). */
@Controller("/v1/llmops/tasks/{task}/challenger")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "llmops")
class ChallengerController {
  private final Challengers challengers;
  private final Actors actors;

  ChallengerController(Challengers challengers, Actors actors) {
    this.challengers = challengers;
    this.actors = actors;
  }

  @Put
  @Operation(summary = "Runs a challenger version in shadow on a share of live inputs (admin; replaces a running one)")
  ChallengerView start(String task, @Body ChallengerRequest request) {
    String actor = actors.requireAdmin();
    return challengers.start(task, request, actor);
  }

  @Get
  @Operation(summary = "The task's challenger: counts, agreement, scores with 95% intervals, latency and cost")
  ChallengerView get(String task) {
    return challengers.current(task).orElseThrow(() -> ProblemException.notFound("a challenger of task " + task));
  }

  @Delete
  @Operation(summary = "Ends the task's challenger (admin); its results stay")
  ChallengerView end(String task) {
    actors.requireAdmin();
    return challengers.end(task);
  }
}
