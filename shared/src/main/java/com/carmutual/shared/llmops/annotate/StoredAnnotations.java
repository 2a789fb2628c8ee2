package com.carmutual.shared.llmops.annotate;

import com.carmutual.shared.gateway.ActiveVersions;
import com.carmutual.shared.llmops.Annotations;
import com.carmutual.shared.llmops.run.Runs;
import com.carmutual.shared.llmops.support.CodeVersion;
import com.carmutual.shared.llmops.support.Jsons;
import com.carmutual.shared.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores annotations with their input, output and the versions that produced them: those of the
 * workflow run when a run id is given, else the task's active version and the code version now.
 */
@Singleton
public class StoredAnnotations implements Annotations {
  private final AnnotationRepository repository;
  private final Jsons jsons;
  private final Clock clock;
  private final Runs runs;
  private final ActiveVersions active;
  private final CodeVersion codeVersion;
  private final AnnotationReply reply;

  StoredAnnotations(
      AnnotationRepository repository,
      Jsons jsons,
      Clock clock,
      Runs runs,
      ActiveVersions active,
      CodeVersion codeVersion,
      AnnotationReply reply) {
    this.repository = repository;
    this.jsons = jsons;
    this.clock = clock;
    this.runs = runs;
    this.active = active;
    this.codeVersion = codeVersion;
    this.reply = reply;
  }

  @Override
  public String record(Annotation a) {
    if (a.task() == null || a.task().isBlank()) {
      throw ProblemException.badRequest("invalid-annotation", "an annotation needs a task");
    }
    if (a.input() == null) {
      throw ProblemException.badRequest("invalid-annotation", "an annotation needs the input");
    }
    if (a.author() == null || a.author().isBlank()) {
      throw ProblemException.badRequest("invalid-annotation", "an annotation needs an author");
    }
    if (a.output() == null && a.correctedOutput() == null && a.correct() == null && a.comment() == null) {
      throw ProblemException.badRequest(
          "invalid-annotation", "an annotation needs a verdict, a corrected output or a comment");
    }
    JsonNode input = jsons.tree(a.input());
    String id = UUID.randomUUID().toString();
    repository.save(
        new AnnotationEntity(
            id,
            a.task(),
            jsons.write(input),
            Jsons.sha256(jsons.canonical(input)),
            jsons.write(a.output()),
            jsons.write(a.correctedOutput()),
            a.correct(),
            a.comment(),
            a.author(),
            a.runId(),
            jsons.write(versions(a.task(), a.runId())),
            clock.instant(),
            0,
            null));
    reply.invalidate(a.task());
    return id;
  }

  private Map<String, Object> versions(String task, @Nullable String runId) {
    Map<String, Object> v = new LinkedHashMap<>();
    if (runId != null) {
      runs.versions(runId).ifPresent(j -> v.put("run", j));
    }
    active.active(task).ifPresent(t -> v.put("active", t));
    v.put("code", codeVersion.get());
    return v;
  }

  /** A stored annotation as the API shows it (hit counts include every hit answered so far). */
  public Optional<AnnotationView> find(String id) {
    reply.flushHits();
    return repository.findById(id).map(this::view);
  }

  /** Annotations newest first, of one task and/or run when given. */
  public List<AnnotationView> list(@Nullable String task, @Nullable String runId, int limit) {
    reply.flushHits();
    Pageable page =
        Pageable.from(0, Math.max(1, Math.min(limit, 1000)), Sort.of(Sort.Order.desc("createdAt")));
    List<AnnotationEntity> found;
    if (task != null && runId != null) {
      found = repository.findByTaskAndRunId(task, runId, page);
    } else if (task != null) {
      found = repository.findByTask(task, page);
    } else if (runId != null) {
      found = repository.findByRunId(runId, page);
    } else {
      found = repository.findAll(page);
    }
    return found.stream().map(this::view).toList();
  }

  AnnotationView view(AnnotationEntity e) {
    return new AnnotationView(
        e.id(),
        e.task(),
        jsons.read(e.input()),
        jsons.read(e.output()),
        jsons.read(e.correctedOutput()),
        e.correct(),
        e.comment(),
        e.author(),
        e.runId(),
        jsons.read(e.versions()),
        e.createdAt(),
        e.hits(),
        e.lastHitAt());
  }
}
