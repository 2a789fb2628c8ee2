package com.carmutual.shared.llmops.eval.set;

import com.carmutual.shared.llmops.support.Jsons;
import com.carmutual.shared.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Sort;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Evaluation sets per task, stored as immutable versions: every change (a new file content, items
 * added from annotations, runs or calls) makes version n+1 and leaves version n as it was, so an
 * experiment names exactly what it ran on.
 */
@Singleton
public class EvalSets {
  private static final int MAX_NAME = 200;
  private static final Sort ORDER =
      Sort.of(Sort.Order.asc("task"), Sort.Order.asc("name"), Sort.Order.asc("version"));

  private final EvalSetRepository sets;
  private final EvalItemRepository items;
  private final Jsons jsons;
  private final Clock clock;

  EvalSets(EvalSetRepository sets, EvalItemRepository items, Jsons jsons, Clock clock) {
    this.sets = sets;
    this.items = items;
    this.jsons = jsons;
    this.clock = clock;
  }

  /** One item: its id within the set, input, expected output, and origin (file, annotation, run). */
  @Serdeable
  public record EvalItem(String id, JsonNode input, @Nullable JsonNode expected, @Nullable String origin) {}

  /** One set version. */
  @Serdeable
  public record SetInfo(
      String id,
      String task,
      String name,
      int version,
      String source,
      int itemCount,
      String createdBy,
      Instant createdAt) {}

  /**
   * Makes {@code content} the latest version of the set, unless the latest already holds exactly
   * these items (then nothing changes). Returns the version in force.
   */
  public SetInfo replaceWith(String task, String name, List<EvalItem> content, String source, String actor) {
    check(task, name);
    String hash = hash(content);
    Optional<EvalSetEntity> latest = latestEntity(task, name);
    if (latest.isPresent() && latest.get().contentHash().equals(hash)) {
      return info(latest.get());
    }
    return create(task, name, latest.map(EvalSetEntity::version).orElse(0) + 1, content, source, actor, hash);
  }

  /** Adds items (an item with an existing id replaces it) as a new version of the set. */
  public SetInfo append(String task, String name, List<EvalItem> added, String source, String actor) {
    check(task, name);
    if (added.isEmpty()) {
      throw ProblemException.badRequest("no-items", "no items to add to " + task + "/" + name);
    }
    Map<String, EvalItem> merged = new LinkedHashMap<>();
    Optional<EvalSetEntity> latest = latestEntity(task, name);
    latest.ifPresent(l -> items(l.id()).forEach(i -> merged.put(i.id(), i)));
    added.forEach(i -> merged.put(i.id(), i));
    List<EvalItem> content = new ArrayList<>(merged.values());
    return create(
        task,
        name,
        latest.map(EvalSetEntity::version).orElse(0) + 1,
        content,
        source,
        actor,
        hash(content));
  }

  /** A set version: the given one, or the latest when {@code version} is null. */
  public Optional<SetInfo> find(String task, String name, @Nullable Integer version) {
    return (version == null ? latestEntity(task, name) : sets.findByTaskAndNameAndVersion(task, name, version))
        .map(EvalSets::info);
  }

  public Optional<SetInfo> byId(String setId) {
    return sets.findById(setId).map(EvalSets::info);
  }

  /** Every set version, of one task when given. */
  public List<SetInfo> list(@Nullable String task) {
    List<EvalSetEntity> found =
        task == null ? sets.findAll(ORDER) : sets.findByTask(task, ORDER);
    return found.stream().map(EvalSets::info).toList();
  }

  /** The items of one set version, in order. */
  public List<EvalItem> items(String setId) {
    return items.findBySetIdOrderBySeq(setId).stream()
        .map(
            e ->
                new EvalItem(
                    e.itemKey(),
                    jsons.read(e.input()),
                    e.expected() == null ? null : jsons.read(e.expected()),
                    e.origin()))
        .toList();
  }

  private Optional<EvalSetEntity> latestEntity(String task, String name) {
    return sets.findByTaskAndNameOrderByVersionDesc(task, name).stream().findFirst();
  }

  @Transactional
  SetInfo create(
      String task, String name, int version, List<EvalItem> content, String source, String actor, String hash) {
    String id = UUID.randomUUID().toString();
    EvalSetEntity set =
        new EvalSetEntity(id, task, name, version, source, hash, content.size(), actor, clock.instant());
    sets.save(set);
    List<EvalItemEntity> rows = new ArrayList<>();
    int seq = 0;
    for (EvalItem i : content) {
      rows.add(
          new EvalItemEntity(
              UUID.randomUUID().toString(),
              id,
              seq++,
              i.id(),
              jsons.write(i.input()),
              i.expected() == null ? null : jsons.write(i.expected()),
              i.origin()));
    }
    if (!rows.isEmpty()) {
      items.saveAll(rows);
    }
    return info(set);
  }

  private String hash(List<EvalItem> content) {
    StringBuilder sb = new StringBuilder();
    for (EvalItem i : content) {
      sb.append(i.id())
          .append('\u0001')
          .append(jsons.canonical(i.input()))
          .append('\u0001')
          .append(jsons.canonical(i.expected()))
          .append('\n');
    }
    return Jsons.sha256(sb.toString());
  }

  private static void check(String task, String name) {
    if (task == null || task.isBlank() || task.length() > MAX_NAME) {
      throw ProblemException.badRequest("invalid-set", "task must be 1-200 characters");
    }
    if (name == null || !name.matches("[A-Za-z0-9._-]{1,200}")) {
      throw ProblemException.badRequest(
          "invalid-set", "set name must be 1-200 letters, digits, '.', '_' or '-': " + name);
    }
  }

  private static SetInfo info(EvalSetEntity e) {
    return new SetInfo(
        e.id(), e.task(), e.name(), e.version(), e.source(), e.itemCount(), e.createdBy(), e.createdAt());
  }
}
