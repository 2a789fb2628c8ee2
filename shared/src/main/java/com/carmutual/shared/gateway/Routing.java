package com.carmutual.shared.gateway;

import io.micronaut.context.BeanContext;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/**
 * Decides which route version and prompt version a call of a task uses: {@link GatewayOverrides}
 * (this thread) over {@link ActiveVersions} (switched at run time) over configuration; a task
 * with no route, and route version {@code local}, go to the local provider.
 */
@Singleton
final class Routing {
  /** The route and prompt version in force for one call. */
  record Resolved(GatewayConfig.Route route, String promptVersion) {}

  private final GatewayConfig config;
  private final PromptLibrary prompts;
  private final BeanContext context;
  private volatile Optional<ActiveVersions> active;

  Routing(Environment environment, BeanContext context) {
    this.config = GatewayConfig.read(environment);
    this.prompts = new PromptLibrary(environment.getClassLoader());
    this.context = context;
  }

  GatewayConfig config() {
    return config;
  }

  PromptLibrary prompts() {
    return prompts;
  }

  Resolved resolve(String task) {
    TaskVersion override = GatewayOverrides.current(task).orElse(null);
    TaskVersion switched = activeVersions().flatMap(a -> a.active(task)).orElse(null);
    GatewayConfig.TaskRoutes routes = config.routes().get(task);
    String routeVersion = first(
        override == null ? null : override.routeVersion(),
        switched == null ? null : switched.routeVersion(),
        routes == null ? GatewayConfig.LOCAL : routes.defaultVersion());
    GatewayConfig.Route route = routes == null ? null : routes.byVersion().get(routeVersion);
    if (route == null && GatewayConfig.LOCAL.equals(routeVersion)) {
      route = GatewayConfig.Route.local(task, "v1");
    }
    if (route == null) {
      throw new LlmException(task, LlmException.Kind.NOT_CONFIGURED,
          "route version '" + routeVersion + "' is not configured; known: "
              + (routes == null ? "[local]" : routes.byVersion().keySet() + " and local"));
    }
    String promptVersion = first(
        override == null ? null : override.promptVersion(),
        switched == null ? null : switched.promptVersion(),
        route.promptVersion());
    return new Resolved(route, promptVersion);
  }

  private Optional<ActiveVersions> activeVersions() {
    Optional<ActiveVersions> a = active;
    if (a == null) {
      // Looked up lazily: the LLM-operations implementation may itself depend on the gateway.
      List<ActiveVersions> all = List.copyOf(context.getBeansOfType(ActiveVersions.class));
      if (all.size() <= 1) {
        a = all.stream().findFirst();
      } else {
        // several sources (e.g. a test's fixed versions beside the stored ones): the first that knows the task wins
        ActiveVersions combined = task -> all.stream().map(v -> v.active(task)).flatMap(Optional::stream).findFirst();
        a = Optional.of(combined);
      }
      active = a;
    }
    return a;
  }

  private static String first(String a, String b, String c) {
    return a != null ? a : b != null ? b : c;
  }
}
