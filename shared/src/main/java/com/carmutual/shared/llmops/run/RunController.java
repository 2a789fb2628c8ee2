package com.carmutual.shared.llmops.run;

import com.carmutual.shared.llmops.run.RunViews.ReplayRequest;
import com.carmutual.shared.llmops.run.RunViews.ReplayResult;
import com.carmutual.shared.llmops.run.RunViews.RunSummary;
import com.carmutual.shared.llmops.run.RunViews.RunTree;
import com.carmutual.shared.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
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
import java.util.Map;

/** Stored workflow runs: list, read one as a node tree, replay under other versions. */
@Controller("/v1/llmops/runs")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "llmops")
class RunController {
  private final Runs runs;

  RunController(Runs runs) {
    this.runs = runs;
  }

  @Get
  @Operation(summary = "The newest workflow runs, optionally of one workflow")
  List<RunSummary> list(@Nullable @QueryValue String workflow, @Nullable @QueryValue Integer limit) {
    return runs.list(workflow, limit == null ? 50 : limit);
  }

  @Get("/{id}")
  @Operation(summary = "One workflow run as a tree of nodes with their LLM calls and the versions in force")
  RunTree get(String id) {
    return runs.tree(id).orElseThrow(() -> ProblemException.notFound("run " + id));
  }

  @Post("/{id}/replay")
  @Operation(
      summary = "Reruns a workflow on its stored input with other prompt/route versions and compares node by node")
  ReplayResult replay(String id, @Nullable @Body ReplayRequest request) {
    return runs.replay(
        id, request == null || request.versions() == null ? Map.of() : request.versions());
  }
}
