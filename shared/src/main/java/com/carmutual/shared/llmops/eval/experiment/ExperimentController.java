package com.carmutual.shared.llmops.eval.experiment;

import com.carmutual.shared.llmops.eval.experiment.ExperimentViews.Comparison;
import com.carmutual.shared.llmops.eval.experiment.ExperimentViews.ExperimentRequest;
import com.carmutual.shared.llmops.eval.experiment.ExperimentViews.ExperimentView;
import com.carmutual.shared.llmops.eval.experiment.ExperimentViews.ItemResult;
import com.carmutual.shared.llmops.support.Actors;
import com.carmutual.shared.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** Experiments: start one, follow its progress, read its items, compare two side by side. */
@Controller("/v1/llmops/experiments")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "llmops")
class ExperimentController {
  private final Experiments experiments;
  private final Actors actors;

  ExperimentController(Experiments experiments, Actors actors) {
    this.experiments = experiments;
    this.actors = actors;
  }

  @Post
  @Operation(summary = "Starts an experiment (runs in the background; poll GET /{id} for done/total)")
  HttpResponse<ExperimentView> start(@Body ExperimentRequest request) {
    return HttpResponse.accepted().body(experiments.start(request, actors.current()));
  }

  @Get
  @Operation(summary = "The newest experiments, of one task when given")
  List<ExperimentView> list(@Nullable @QueryValue String task, @Nullable @QueryValue Integer limit) {
    return experiments.list(task, limit == null ? 50 : limit);
  }

  @Get("/compare")
  @Operation(summary = "Two experiment configurations item by item: a and b are <id> or <id>:<configuration>")
  Comparison compare(@QueryValue String a, @QueryValue String b) {
    return experiments.compare(a, b);
  }

  @Get("/{id}")
  @Operation(summary = "An experiment: status, progress (done/total) and summary per configuration")
  ExperimentView get(String id) {
    return experiments.view(id).orElseThrow(() -> ProblemException.notFound("experiment " + id));
  }

  @Get("/{id}/items")
  @Operation(summary = "Per-item output, score, latency, tokens and cost")
  List<ItemResult> items(String id, @Nullable @QueryValue String configuration) {
    return experiments.items(id, configuration);
  }
}
