package com.carmutual.shared.llmops.promote;

import com.carmutual.shared.llmops.promote.PromotionViews.PromotionRequest;
import com.carmutual.shared.llmops.promote.PromotionViews.PromotionView;
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

/** Promotions gated by evaluation: start one (admin), read one, list a task's. */
@Controller("/v1/llmops")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "llmops")
class PromotionController {
  private final Promotions promotions;
  private final Actors actors;

  PromotionController(Promotions promotions, Actors actors) {
    this.promotions = promotions;
    this.actors = actors;
  }

  @Post("/tasks/{task}/promotions")
  @Operation(summary = "Runs candidate and champion on the sets and promotes the candidate if every gate passes (admin; 202)")
  HttpResponse<PromotionView> start(String task, @Body PromotionRequest request) {
    String actor = actors.requireAdmin();
    return HttpResponse.accepted().body(promotions.start(task, request, actor));
  }

  @Get("/tasks/{task}/promotions")
  @Operation(summary = "The task's promotions, newest first")
  List<PromotionView> list(String task, @Nullable @QueryValue Integer limit) {
    return promotions.list(task, limit == null ? 20 : limit);
  }

  @Get("/promotions/{id}")
  @Operation(summary = "A promotion: running, promoted or rejected, each gate's measured value and the experiments")
  PromotionView get(String id) {
    return promotions.find(id).orElseThrow(() -> ProblemException.notFound("promotion " + id));
  }
}
