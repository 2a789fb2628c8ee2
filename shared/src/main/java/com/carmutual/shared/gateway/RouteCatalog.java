package com.carmutual.shared.gateway;

import com.carmutual.shared.gateway.local.LocalTask;
import io.micronaut.context.BeanContext;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The {@link GatewayCatalog} built from configuration, local tasks and prompt files. */
@Singleton
final class RouteCatalog implements GatewayCatalog {
  private final Routing routing;
  private final BeanContext context;
  private volatile Map<String, Set<String>> promptFiles;

  RouteCatalog(Routing routing, BeanContext context) {
    this.routing = routing;
    this.context = context;
  }

  @Override
  public List<TaskEntry> tasks() {
    Set<String> names = new TreeSet<>(routing.config().routes().keySet());
    names.addAll(promptFiles().keySet());
    names.addAll(localTasks());
    List<TaskEntry> out = new ArrayList<>();
    for (String n : names) {
      out.add(entry(n));
    }
    return out;
  }

  @Override
  public Optional<TaskEntry> task(String task) {
    boolean known = routing.config().routes().containsKey(task) || promptFiles().containsKey(task)
        || localTasks().contains(task);
    return known ? Optional.of(entry(task)) : Optional.empty();
  }

  @Override
  public TaskVersion effective(String task) {
    Routing.Resolved r = routing.resolve(task);
    return new TaskVersion(r.route().version(), r.promptVersion());
  }

  private TaskEntry entry(String task) {
    GatewayConfig.TaskRoutes routes = routing.config().routes().get(task);
    List<RouteVersion> versions = new ArrayList<>();
    String defaultVersion = routes == null ? GatewayConfig.LOCAL : routes.defaultVersion();
    if (routes != null) {
      for (GatewayConfig.Route r : new TreeMap<>(routes.byVersion()).values()) {
        versions.add(view(r, r.version().equals(defaultVersion)));
      }
    }
    if (routes == null || !routes.byVersion().containsKey(GatewayConfig.LOCAL)) {
      versions.add(view(GatewayConfig.Route.local(task, "v1"), routes == null));
    }
    GatewayConfig.Route def = routes == null ? GatewayConfig.Route.local(task, "v1") : routes.defaultRoute();
    return new TaskEntry(task, defaultVersion, def.promptVersion(), List.copyOf(versions),
        List.copyOf(promptFiles().getOrDefault(task, Set.of())), localTasks().contains(task));
  }

  private static RouteVersion view(GatewayConfig.Route r, boolean isDefault) {
    List<Target> targets = new ArrayList<>();
    for (GatewayConfig.Target t : r.targets()) {
      targets.add(new Target(t.provider(), t.model()));
    }
    return new RouteVersion(r.version(), r.promptVersion(), List.copyOf(targets), isDefault, r.timeout(),
        r.deadline(), r.maxRetries(), r.temperature(), r.maxTokens(), r.cache());
  }

  private Map<String, Set<String>> promptFiles() {
    Map<String, Set<String>> p = promptFiles;
    if (p == null) {
      p = routing.prompts().scan();
      promptFiles = p;
    }
    return p;
  }

  @SuppressWarnings("rawtypes")
  private Set<String> localTasks() {
    Set<String> out = new TreeSet<>();
    for (LocalTask t : context.getBeansOfType(LocalTask.class)) {
      out.add(t.task());
    }
    return out;
  }
}
