package com.carmutual.shared.gateway;

import io.micronaut.context.env.Environment;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The first-token and idle timeouts of streamed calls: {@code llm.routes.<key>.first-token-timeout}
 * and {@code idle-timeout} for one route version, else {@code llm.providers.<name>.…} for the
 * provider, else {@code llm.stream.first-token-timeout} / {@code llm.stream.idle-timeout}
 * (10 s / 5 s).
 */
final class StreamTimeoutSettings {
  static final Duration DEFAULT_FIRST_TOKEN = Duration.ofSeconds(10);
  static final Duration DEFAULT_IDLE = Duration.ofSeconds(5);

  /** The two limits; either may be null (not set at that level). */
  record Limits(Duration firstToken, Duration idle) {}

  private final Map<String, Limits> byRoute = new HashMap<>();
  private final Map<String, Limits> byProvider = new HashMap<>();
  private final Limits defaults;

  StreamTimeoutSettings(Environment env) {
    for (String key : env.getPropertyEntries("llm.routes")) {
      String p = "llm.routes." + key + ".";
      String task = env.getProperty(p + "task", String.class).orElse(null);
      String version = env.getProperty(p + "version", String.class).orElse("v1");
      Limits l = limits(env, p);
      if (task != null && (l.firstToken() != null || l.idle() != null)) {
        byRoute.put(task + "/" + version, l);
      }
    }
    for (String name : env.getPropertyEntries("llm.providers")) {
      Limits l = limits(env, "llm.providers." + name + ".");
      if (l.firstToken() != null || l.idle() != null) {
        byProvider.put(name, l);
      }
    }
    Limits d = limits(env, "llm.stream.");
    defaults = new Limits(d.firstToken() == null ? DEFAULT_FIRST_TOKEN : d.firstToken(),
        d.idle() == null ? DEFAULT_IDLE : d.idle());
  }

  /** The limits for one target of one route. */
  Limits of(GatewayConfig.Route route, String provider) {
    Limits r = byRoute.get(route.task() + "/" + route.version());
    Limits p = byProvider.get(provider);
    return new Limits(first(r == null ? null : r.firstToken(), p == null ? null : p.firstToken(), defaults.firstToken()),
        first(r == null ? null : r.idle(), p == null ? null : p.idle(), defaults.idle()));
  }

  private static Limits limits(Environment env, String prefix) {
    Duration first = env.getProperty(prefix + "first-token-timeout", Duration.class).orElse(null);
    Duration idle = env.getProperty(prefix + "idle-timeout", Duration.class).orElse(null);
    for (Duration d : new Duration[] {first, idle}) {
      if (d != null && (d.isNegative() || d.isZero())) {
        throw new IllegalStateException(prefix + "first-token-timeout and idle-timeout must be positive, got " + d);
      }
    }
    return new Limits(first, idle);
  }

  private static Duration first(Duration a, Duration b, Duration c) {
    return a != null ? a : b != null ? b : c;
  }
}
