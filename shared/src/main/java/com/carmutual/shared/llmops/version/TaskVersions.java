package com.carmutual.shared.llmops.version;

import com.carmutual.shared.gateway.GatewayCatalog;
import com.carmutual.shared.gateway.TaskVersion;
import com.carmutual.shared.gateway.local.LocalTask;
import com.carmutual.shared.llmops.eval.EvalTarget;
import com.carmutual.shared.problem.ProblemException;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Switches a task's active prompt/route version at run time with an audit record (who, when, from,
 * to), rolls the last switch back, and lists tasks with their active and available versions
 * (available versions come from the gateway's catalog).
 */
@Singleton
public class TaskVersions {
  private final ActiveVersionRepository active;
  private final VersionAuditRepository audit;
  private final StoredActiveVersions cache;
  private final BeanProvider<GatewayCatalog> catalog;
  private final List<LocalTask<?, ?>> localTasks;
  private final List<EvalTarget> evalTargets;
  private final Clock clock;

  TaskVersions(
      ActiveVersionRepository active,
      VersionAuditRepository audit,
      StoredActiveVersions cache,
      BeanProvider<GatewayCatalog> catalog,
      List<LocalTask<?, ?>> localTasks,
      List<EvalTarget> evalTargets,
      Clock clock) {
    this.active = active;
    this.audit = audit;
    this.cache = cache;
    this.catalog = catalog;
    this.localTasks = localTasks;
    this.evalTargets = evalTargets;
    this.clock = clock;
  }

  /** A task: what is active, what could be, and the last switch. */
  @Serdeable
  public record TaskView(
      String task,
      @Nullable TaskVersion active,
      @Nullable String defaultRouteVersion,
      @Nullable String defaultPromptVersion,
      List<String> routeVersions,
      List<String> promptVersions,
      boolean hasLocalImplementation,
      @Nullable VersionChange lastChange) {}

  /** One audit record. */
  @Serdeable
  public record VersionChange(
      String id,
      String task,
      String action,
      TaskVersion from,
      TaskVersion to,
      String actor,
      @Nullable String reason,
      Instant at) {}

  /** Every task known here, sorted. */
  public List<TaskView> tasks() {
    TreeSet<String> names = new TreeSet<>();
    GatewayCatalog c = catalog.isPresent() ? catalog.get() : null;
    if (c != null) {
      c.tasks().forEach(t -> names.add(t.task()));
    }
    localTasks.forEach(t -> names.add(t.task()));
    evalTargets.forEach(t -> names.add(t.task()));
    active.findAll().forEach(a -> names.add(a.task()));
    List<TaskView> out = new ArrayList<>();
    for (String n : names) {
      out.add(view(n, c));
    }
    return out;
  }

  public Optional<TaskView> task(String task) {
    return tasks().stream().filter(t -> t.task().equals(task)).findFirst();
  }

  private TaskView view(String task, @Nullable GatewayCatalog c) {
    Optional<GatewayCatalog.TaskEntry> entry = c == null ? Optional.empty() : c.task(task);
    TaskVersion current =
        active.findById(task).map(a -> new TaskVersion(a.routeVersion(), a.promptVersion())).orElse(null);
    List<String> routes =
        entry.map(e -> e.routes().stream().map(GatewayCatalog.RouteVersion::version).toList())
            .orElse(List.of("local"));
    return new TaskView(
        task,
        current,
        entry.map(GatewayCatalog.TaskEntry::defaultRouteVersion).orElse(null),
        entry.map(GatewayCatalog.TaskEntry::defaultPromptVersion).orElse(null),
        routes,
        entry.map(GatewayCatalog.TaskEntry::promptVersions).orElse(List.of()),
        entry.map(GatewayCatalog.TaskEntry::hasLocalImplementation)
            .orElse(localTasks.stream().anyMatch(t -> t.task().equals(task))),
        history(task, 1).stream().findFirst().orElse(null));
  }

  /** The audit trail of a task, newest first. */
  public List<VersionChange> history(String task, int limit) {
    return audit
        .findByTask(
            task, Pageable.from(0, Math.max(1, Math.min(limit, 500)), Sort.of(Sort.Order.desc("at"))))
        .stream()
        .map(TaskVersions::change)
        .toList();
  }

  private static VersionChange change(VersionAuditEntity a) {
    return new VersionChange(
        a.id(),
        a.task(),
        a.action(),
        new TaskVersion(a.fromRoute(), a.fromPrompt()),
        new TaskVersion(a.toRoute(), a.toPrompt()),
        a.actor(),
        a.reason(),
        a.at());
  }

  /**
   * Makes {@code to} the active version of {@code task}. Both parts null returns the task to its
   * configured defaults. Versions the gateway's catalog does not list are refused.
   */
  public VersionChange switchTo(String task, TaskVersion to, String actor, @Nullable String reason) {
    checkKnown(task, to);
    VersionChange change = write(task, "switch", to, actor, reason);
    cache.invalidate();
    return change;
  }

  /** Undoes the last change of {@code task}: its active version becomes what it was before. */
  public VersionChange rollback(String task, String actor, @Nullable String reason) {
    List<VersionChange> last = history(task, 1);
    if (last.isEmpty()) {
      throw new ProblemException(
          HttpStatus.CONFLICT, "nothing-to-roll-back", "task " + task + " was never switched");
    }
    VersionChange change = write(task, "rollback", last.get(0).from(), actor, reason);
    cache.invalidate();
    return change;
  }

  /**
   * Records a decision about {@code task} in the version audit under {@code action} (a promotion, a
   * rejected promotion, an automatic rollback), with {@code to} the version it concerns; when
   * {@code apply}, {@code to} also becomes the active version.
   */
  public VersionChange decide(
      String task, String action, TaskVersion to, String actor, @Nullable String reason, boolean apply) {
    if (!apply) {
      TaskVersion now =
          active.findById(task).map(a -> new TaskVersion(a.routeVersion(), a.promptVersion()))
              .orElse(new TaskVersion(null, null));
      VersionAuditEntity record =
          new VersionAuditEntity(UUID.randomUUID().toString(), task, action, now.routeVersion(), now.promptVersion(),
              to.routeVersion(), to.promptVersion(), actor, reason, clock.instant());
      audit.save(record);
      return change(record);
    }
    checkKnown(task, to);
    VersionChange change = write(task, action, to, actor, reason);
    cache.invalidate();
    return change;
  }

  @Transactional
  VersionChange write(String task, String action, TaskVersion to, String actor, @Nullable String reason) {
    Instant now = clock.instant();
    Optional<ActiveVersionEntity> before = active.findById(task);
    TaskVersion from =
        before.map(b -> new TaskVersion(b.routeVersion(), b.promptVersion())).orElse(new TaskVersion(null, null));
    boolean toDefaults = to.routeVersion() == null && to.promptVersion() == null;
    if (toDefaults) {
      before.ifPresent(b -> active.deleteById(task));
    } else {
      ActiveVersionEntity next =
          new ActiveVersionEntity(task, to.routeVersion(), to.promptVersion(), actor, now);
      if (before.isPresent()) {
        active.update(next);
      } else {
        active.save(next);
      }
    }
    VersionAuditEntity record =
        new VersionAuditEntity(
            UUID.randomUUID().toString(),
            task,
            action,
            from.routeVersion(),
            from.promptVersion(),
            to.routeVersion(),
            to.promptVersion(),
            actor,
            reason,
            now);
    audit.save(record);
    return change(record);
  }

  /** Refuses (400/404 problem) a task or version the gateway's catalog does not list. */
  public void checkKnown(String task, TaskVersion to) {
    if (task == null || task.isBlank() || task.length() > 200) {
      throw ProblemException.badRequest("invalid-task", "task name must be 1-200 characters");
    }
    if (!catalog.isPresent()) {
      return;
    }
    GatewayCatalog.TaskEntry entry =
        catalog.get().task(task).orElseThrow(() -> ProblemException.notFound("task " + task));
    if (to.routeVersion() != null
        && entry.routes().stream().noneMatch(r -> r.version().equals(to.routeVersion()))) {
      throw ProblemException.badRequest(
          "unknown-version",
          "task "
              + task
              + " has no route version '"
              + to.routeVersion()
              + "'; available: "
              + entry.routes().stream().map(GatewayCatalog.RouteVersion::version).toList());
    }
    if (to.promptVersion() != null && !entry.promptVersions().contains(to.promptVersion())) {
      throw ProblemException.badRequest(
          "unknown-version",
          "task "
              + task
              + " has no prompt version '"
              + to.promptVersion()
              + "'; available: "
              + entry.promptVersions());
    }
  }
}
