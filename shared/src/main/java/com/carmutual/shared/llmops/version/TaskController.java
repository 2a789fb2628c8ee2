package com.carmutual.shared.llmops.version;

import com.carmutual.shared.gateway.TaskVersion;
import com.carmutual.shared.llmops.support.Actors;
import com.carmutual.shared.llmops.version.TaskVersions.TaskView;
import com.carmutual.shared.llmops.version.TaskVersions.VersionChange;
import com.carmutual.shared.problem.ProblemException;
import com.carmutual.shared.web.AdminOnly;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;

/** Which prompt/route version each task runs with, switched at run time with an audit trail. */
@Controller("/v1/llmops/tasks")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "llmops")
class TaskController {
  private final TaskVersions versions;
  private final Actors actors;

  TaskController(TaskVersions versions, Actors actors) {
    this.versions = versions;
    this.actors = actors;
  }

  /** The version to make active; both null returns the task to its configured defaults. */
  @Serdeable
  record SwitchRequest(
      @Nullable String routeVersion, @Nullable String promptVersion, @Nullable String reason) {}

  /** Why a rollback was made. */
  @Serdeable
  record RollbackRequest(@Nullable String reason) {}

  @Get
  @Operation(summary = "Every task: active prompt/route version, available versions, last switch")
  List<TaskView> list() {
    return versions.tasks();
  }

  @Get("/{task}")
  @Operation(summary = "One task's active and available versions")
  TaskView get(String task) {
    return versions.task(task).orElseThrow(() -> ProblemException.notFound("task " + task));
  }

  @Put("/{task}/active")
  @AdminOnly
  @Operation(summary = "Switches the task's active version (admin clients of SUITE_ADMIN_CLIENTS; audited)")
  VersionChange switchActive(String task, @Body SwitchRequest request) {
    String actor = actors.requireAdmin();
    return versions.switchTo(
        task, new TaskVersion(blankToNull(request.routeVersion()), blankToNull(request.promptVersion())),
        actor, request.reason());
  }

  @Post("/{task}/rollback")
  @AdminOnly
  @Operation(summary = "Undoes the task's last version change (admin clients only; audited)")
  VersionChange rollback(String task, @Nullable @Body RollbackRequest request) {
    String actor = actors.requireAdmin();
    return versions.rollback(task, actor, request == null ? null : request.reason());
  }

  @Get("/{task}/history")
  @Operation(summary = "The task's version changes, newest first")
  List<VersionChange> history(String task, @Nullable @QueryValue Integer limit) {
    return versions.history(task, limit == null ? 100 : limit);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
