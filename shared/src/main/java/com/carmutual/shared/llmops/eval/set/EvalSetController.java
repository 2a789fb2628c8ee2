package com.carmutual.shared.llmops.eval.set;

import com.carmutual.shared.gateway.LlmCallRecord;
import com.carmutual.shared.gateway.LlmCalls;
import com.carmutual.shared.llmops.eval.set.EvalSets.EvalItem;
import com.carmutual.shared.llmops.eval.set.EvalSets.SetInfo;
import com.carmutual.shared.llmops.run.Runs;
import com.carmutual.shared.llmops.support.Actors;
import com.carmutual.shared.llmops.support.Jsons;
import com.carmutual.shared.problem.ProblemException;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;

/** Versioned evaluation sets: read, add items, add items from stored runs or traced calls. */
@Controller("/v1/llmops/eval-sets")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "llmops")
class EvalSetController {
  private final EvalSets sets;
  private final Runs runs;
  private final BeanProvider<LlmCalls> calls;
  private final Jsons jsons;
  private final Actors actors;

  EvalSetController(
      EvalSets sets, Runs runs, BeanProvider<LlmCalls> calls, Jsons jsons, Actors actors) {
    this.sets = sets;
    this.runs = runs;
    this.calls = calls;
    this.jsons = jsons;
    this.actors = actors;
  }

  /** A set version with its items. */
  @Serdeable
  record SetDetail(SetInfo set, List<EvalItem> items) {}

  /** Items to add; an item without id gets {@code item-<n>}. */
  @Serdeable
  record AddItems(List<NewItem> items) {}

  @Serdeable
  record NewItem(@Nullable String id, JsonNode input, @Nullable JsonNode expected) {}

  /** Stored workflow runs or traced calls whose input and output become items. */
  @Serdeable
  record FromIds(List<String> ids) {}

  @Get
  @Operation(summary = "Every evaluation set version, of one task when given")
  List<SetInfo> list(@Nullable @QueryValue String task) {
    return sets.list(task);
  }

  @Get("/{task}/{name}")
  @Operation(summary = "One evaluation set version (latest unless ?version=) with its items")
  SetDetail get(String task, String name, @Nullable @QueryValue Integer version) {
    SetInfo info =
        sets.find(task, name, version)
            .orElseThrow(() -> ProblemException.notFound("evaluation set " + task + "/" + name));
    return new SetDetail(info, sets.items(info.id()));
  }

  @Post("/{task}/{name}/items")
  @Operation(summary = "Adds items to a set as a new version")
  SetInfo add(String task, String name, @Body AddItems body) {
    if (body.items() == null || body.items().isEmpty()) {
      throw ProblemException.badRequest("no-items", "items must not be empty");
    }
    int base = sets.find(task, name, null).map(SetInfo::itemCount).orElse(0);
    List<EvalItem> items = new ArrayList<>();
    for (NewItem i : body.items()) {
      if (i.input() == null || i.input().isNull()) {
        throw ProblemException.badRequest("invalid-item", "every item needs an input");
      }
      String id = i.id() == null || i.id().isBlank() ? "item-" + (base + items.size() + 1) : i.id();
      items.add(new EvalItem(id, i.input(), i.expected(), "api:" + actors.current()));
    }
    return sets.append(task, name, items, "api", actors.current());
  }

  @Post("/{task}/{name}/from-runs")
  @Operation(summary = "Adds stored workflow runs (input, and output as expected) to a set as a new version")
  SetInfo fromRuns(String task, String name, @Body FromIds body) {
    List<EvalItem> items = new ArrayList<>();
    for (String runId : nonEmpty(body)) {
      JsonNode input =
          runs.input(runId).orElseThrow(() -> ProblemException.notFound("run " + runId));
      JsonNode output =
          runs.output(runId)
              .orElseThrow(
                  () ->
                      ProblemException.badRequest(
                          "run-failed", "run " + runId + " failed: it has no output to expect"));
      items.add(new EvalItem("run-" + runId, input, output, "run:" + runId));
    }
    return sets.append(task, name, items, "runs", actors.current());
  }

  @Post("/{task}/{name}/from-calls")
  @Operation(summary = "Adds traced gateway calls (input JSON, parsed output as expected) to a set as a new version")
  SetInfo fromCalls(String task, String name, @Body FromIds body) {
    if (!calls.isPresent()) {
      throw ProblemException.badRequest("no-traces", "this service stores no gateway traces");
    }
    List<EvalItem> items = new ArrayList<>();
    for (String callId : nonEmpty(body)) {
      LlmCallRecord call =
          calls.get().find(callId).orElseThrow(() -> ProblemException.notFound("call " + callId));
      JsonNode input;
      try {
        input = jsons.read(call.input());
      } catch (IllegalArgumentException e) {
        throw ProblemException.badRequest(
            "call-input-not-json",
            "call " + callId + " stored a rendered prompt, not the task input; add it from its workflow run");
      }
      if (call.parsed() == null) {
        throw ProblemException.badRequest("call-failed", "call " + callId + " has no parsed output");
      }
      items.add(new EvalItem("call-" + callId, input, jsons.read(call.parsed()), "call:" + callId));
    }
    return sets.append(task, name, items, "calls", actors.current());
  }

  private static List<String> nonEmpty(FromIds body) {
    if (body == null || body.ids() == null || body.ids().isEmpty()) {
      throw ProblemException.badRequest("no-items", "ids must not be empty");
    }
    return body.ids();
  }
}
