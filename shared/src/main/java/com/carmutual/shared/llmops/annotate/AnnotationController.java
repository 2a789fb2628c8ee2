package com.carmutual.shared.llmops.annotate;

import com.carmutual.shared.llmops.Annotations.Annotation;
import com.carmutual.shared.llmops.eval.set.EvalSets;
import com.carmutual.shared.llmops.eval.set.EvalSets.EvalItem;
import com.carmutual.shared.llmops.eval.set.EvalSets.SetInfo;
import com.carmutual.shared.llmops.support.Actors;
import com.carmutual.shared.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** People's labels on outputs, their reuse as answers, and their conversion to evaluation items. */
@Controller("/v1/llmops/annotations")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "llmops")
class AnnotationController {
  private final StoredAnnotations annotations;
  private final EvalSets sets;
  private final Actors actors;

  private final java.util.Set<String> servedTasks;

  AnnotationController(
      StoredAnnotations annotations, EvalSets sets, Actors actors, List<ReplyRule> replyRules) {
    this.annotations = annotations;
    this.sets = sets;
    this.actors = actors;
    this.servedTasks = java.util.Set.copyOf(replyRules.stream().map(ReplyRule::getTask).toList());
  }

  /** A label: right/wrong, a corrected output, a comment; the author defaults to the API client. */
  @Serdeable
  record NewAnnotation(
      String task,
      JsonNode input,
      @Nullable JsonNode output,
      @Nullable JsonNode correctedOutput,
      @Nullable Boolean correct,
      @Nullable String comment,
      @Nullable String author,
      @Nullable String runId) {}

  /** The set annotations become items of ({@code annotations} unless named). */
  @Serdeable
  record ToEval(@Nullable String set) {}

  @Serdeable
  record BulkToEval(List<String> ids, @Nullable String set) {}

  @Post
  @Operation(summary = "Stores an annotation with its input, output and the versions that produced it")
  HttpResponse<AnnotationView> create(@Body NewAnnotation body) {
    if (body.task() == null || body.input() == null || body.input().isNull()) {
      throw ProblemException.badRequest("invalid-annotation", "task and input are required");
    }
    boolean servesAnAnswer = nullIfJsonNull(body.correctedOutput()) != null || Boolean.TRUE.equals(body.correct());
    if (servesAnAnswer && servedTasks.contains(body.task())) {
      // annotation reply answers everyone's calls of this task with it: a configuration change
      actors.requireAdmin();
    }
    String author = body.author() == null || body.author().isBlank() ? actors.current() : body.author();
    String id =
        annotations.record(
            new Annotation(
                body.task(),
                body.input(),
                nullIfJsonNull(body.output()),
                nullIfJsonNull(body.correctedOutput()),
                body.correct(),
                body.comment(),
                author,
                body.runId()));
    return HttpResponse.created(annotations.find(id).orElseThrow());
  }

  @Get
  @Operation(summary = "Annotations newest first, filtered by task and/or run")
  List<AnnotationView> list(
      @Nullable @QueryValue String task, @Nullable @QueryValue String runId, @Nullable @QueryValue Integer limit) {
    return annotations.list(task, runId, limit == null ? 100 : limit);
  }

  @Get("/{id}")
  @Operation(summary = "One annotation with its hit count")
  AnnotationView get(String id) {
    return annotations.find(id).orElseThrow(() -> ProblemException.notFound("annotation " + id));
  }

  @Post("/{id}/to-eval")
  @Operation(summary = "Turns an annotation into an evaluation item (new version of the task's set)")
  SetInfo toEval(String id, @Nullable @Body ToEval body) {
    return convert(List.of(id), body == null ? null : body.set());
  }

  @Post("/to-eval")
  @Operation(summary = "Turns several annotations into evaluation items, grouped by task")
  List<SetInfo> toEvalBulk(@Body BulkToEval body) {
    if (body.ids() == null || body.ids().isEmpty()) {
      throw ProblemException.badRequest("no-items", "ids must not be empty");
    }
    Map<String, List<String>> byTask = new LinkedHashMap<>();
    for (String id : body.ids()) {
      AnnotationView a = get(id);
      byTask.computeIfAbsent(a.task(), t -> new ArrayList<>()).add(id);
    }
    List<SetInfo> out = new ArrayList<>();
    byTask.values().forEach(ids -> out.add(convert(ids, body.set())));
    return out;
  }

  private SetInfo convert(List<String> ids, @Nullable String set) {
    String name = set == null || set.isBlank() ? "annotations" : set;
    List<EvalItem> items = new ArrayList<>();
    String task = null;
    for (String id : ids) {
      AnnotationView a = get(id);
      task = a.task();
      JsonNode expected = a.approvedOutput();
      if (expected == null) {
        throw ProblemException.badRequest(
            "annotation-without-answer",
            "annotation " + id + " has neither a corrected output nor an output marked correct");
      }
      items.add(new EvalItem("annotation-" + id, a.input(), expected, "annotation:" + id));
    }
    return sets.append(task, name, items, "annotations", actors.current());
  }

  private static JsonNode nullIfJsonNull(JsonNode n) {
    return n == null || n.isNull() ? null : n;
  }
}
