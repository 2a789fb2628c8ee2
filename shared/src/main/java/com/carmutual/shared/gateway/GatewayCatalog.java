package com.carmutual.shared.gateway;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the gateway knows about tasks: every task with a configured route, a local implementation
 * or a prompt on the classpath, with its route versions (and their targets), the prompt versions
 * available ({@code prompts/<task>/<version>.md}) and the configured defaults. Read-only; versions
 * are switched through {@link ActiveVersions} and {@link GatewayOverrides}.
 */
public interface GatewayCatalog {

  /** Every known task, sorted by name. */
  List<TaskEntry> tasks();

  /** One task, if known. */
  Optional<TaskEntry> task(String task);

  /**
   * The versions a call of {@code task} would use now on this thread, after applying {@link
   * GatewayOverrides} over {@link ActiveVersions} over configuration.
   */
  TaskVersion effective(String task);

  /** A task: its route versions (always including the implicit {@code local}) and prompts. */
  @Serdeable
  record TaskEntry(
      String task,
      String defaultRouteVersion,
      String defaultPromptVersion,
      List<RouteVersion> routes,
      List<String> promptVersions,
      boolean hasLocalImplementation) {}

  /** One route version: the targets tried in order, and its prompt version. */
  @Serdeable
  record RouteVersion(
      String version,
      String promptVersion,
      List<Target> targets,
      boolean isDefault,
      @Nullable Duration timeout,
      @Nullable Duration deadline,
      int maxRetries,
      @Nullable Double temperature,
      @Nullable Integer maxTokens,
      boolean cache) {}

  /** A provider and model (model is null for {@code local}). */
  @Serdeable
  record Target(String provider, @Nullable String model) {}
}
