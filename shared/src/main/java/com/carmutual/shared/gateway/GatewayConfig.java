package com.carmutual.shared.gateway;

import com.carmutual.shared.gateway.provider.ProviderSettings;
import io.micronaut.context.env.Environment;
import io.micronaut.core.convert.ConversionService;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's configuration under {@code llm.*}, read once at start: routes by task (several
 * entries with the same task are route versions), providers, prices and tuning. See
 * shared/README.md for the format.
 */
record GatewayConfig(
    Map<String, TaskRoutes> routes,
    Map<String, ProviderSettings> providers,
    Map<String, Price> prices,
    Tuning tuning) {

  static final String LOCAL = "local";
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
  static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);

  /** One provider/model to try; {@code timeout} overrides the route's per-attempt timeout. */
  record Target(String provider, String model, Duration timeout) {
    boolean local() {
      return LOCAL.equals(provider);
    }
  }

  /** One route version of a task. */
  record Route(
      String task,
      String version,
      String promptVersion,
      List<Target> targets,
      boolean isDefault,
      Duration timeout,
      Duration deadline,
      int maxRetries,
      Double temperature,
      Integer maxTokens,
      boolean cache) {

    static Route local(String task, String promptVersion) {
      return new Route(task, LOCAL, promptVersion, List.of(new Target(LOCAL, null, null)), false,
          DEFAULT_TIMEOUT, DEFAULT_DEADLINE, 0, null, null, false);
    }
  }

  /** Every route version of a task, and the default one. */
  record TaskRoutes(String task, Map<String, Route> byVersion, String defaultVersion) {
    Route defaultRoute() {
      return byVersion.get(defaultVersion);
    }
  }

  /** Prices per million tokens. */
  record Price(BigDecimal input, BigDecimal output, BigDecimal cachedInput) {}

  /** Retry, circuit, cache, trace and redaction settings. */
  record Tuning(
      Duration initialBackoff,
      Duration maxBackoff,
      int circuitFailureThreshold,
      Duration circuitOpenFor,
      long cacheMaxSize,
      Duration cacheTtl,
      String memberIdPattern,
      int traceQueueSize,
      boolean traceEnabled,
      String embeddingProvider,
      String embeddingModel) {}

  static GatewayConfig read(Environment env) {
    Reader r = new Reader(env);
    Map<String, ProviderSettings> providers = readProviders(r);
    Map<String, TaskRoutes> routes = readRoutes(r, providers);
    Map<String, Price> prices = readPrices(r);
    Tuning tuning = new Tuning(
        r.duration("llm.retry.initial-backoff", Duration.ofMillis(200)),
        r.duration("llm.retry.max-backoff", Duration.ofSeconds(10)),
        r.integer("llm.circuit.failure-threshold", 5),
        r.duration("llm.circuit.open-for", Duration.ofSeconds(30)),
        r.integer("llm.cache.max-size", 10_000),
        r.duration("llm.cache.ttl", Duration.ofHours(1)),
        r.string("llm.redaction.member-id-pattern", "M-?\\d{4,10}"),
        r.integer("llm.trace.queue-size", 10_000),
        r.bool("llm.trace.enabled", true),
        r.string("llm.embeddings.provider", LOCAL),
        r.string("llm.embeddings.model", null));
    return new GatewayConfig(routes, providers, prices, tuning);
  }

  private static Map<String, ProviderSettings> readProviders(Reader r) {
    Map<String, ProviderSettings> out = new LinkedHashMap<>();
    out.put("openai", provider(r, "openai", "openai", "OPENAI_BASE_URL", "https://api.openai.com", "OPENAI_API_KEY"));
    out.put("anthropic",
        provider(r, "anthropic", "anthropic", "ANTHROPIC_BASE_URL", "https://api.anthropic.com", "ANTHROPIC_API_KEY"));
    for (String name : r.env.getPropertyEntries("llm.providers")) {
      if (!out.containsKey(name)) {
        String type = r.string("llm.providers." + name + ".type", "openai");
        out.put(name, provider(r, name, type, null, null, null));
      }
    }
    return out;
  }

  private static ProviderSettings provider(
      Reader r, String name, String defaultType, String urlEnv, String defaultUrl, String keyEnv) {
    String p = "llm.providers." + name + ".";
    String url = r.string(p + "base-url", null);
    if (url == null && urlEnv != null) {
      url = env(urlEnv);
    }
    if (url == null) {
      url = defaultUrl;
    }
    if (url == null) {
      throw new IllegalStateException(p + "base-url is required for provider " + name);
    }
    String key = r.string(p + "api-key", null);
    if ((key == null || key.isBlank()) && keyEnv != null) {
      key = env(keyEnv);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String h : r.env.getPropertyEntries(p + "headers")) {
      headers.put(h, r.string(p + "headers." + h, ""));
    }
    return new ProviderSettings(name, r.string(p + "type", defaultType), URI.create(url), key, headers,
        r.string(p + "structured-output", "json_schema"), r.duration(p + "connect-timeout", Duration.ofSeconds(5)));
  }

  private static String env(String name) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? null : v;
  }

  private static Map<String, TaskRoutes> readRoutes(Reader r, Map<String, ProviderSettings> providers) {
    Map<String, List<Route>> byTask = new LinkedHashMap<>();
    for (String key : r.env.getPropertyEntries("llm.routes")) {
      String p = "llm.routes." + key + ".";
      String task = r.string(p + "task", null);
      if (task == null || task.isBlank()) {
        throw new IllegalStateException(p + "task is required (the task name this route serves)");
      }
      String version = r.string(p + "version", "v1");
      List<Target> targets = new ArrayList<>();
      Object raw = r.env.getProperty(p + "targets", Object.class).orElse(null);
      if (raw instanceof List<?> list) {
        for (Object item : list) {
          targets.add(target(r, item, p));
        }
      } else if (raw instanceof Map<?, ?> map) {
        // indexed properties (targets[0].provider) arrive as a map keyed by index
        for (Object item : map.values()) {
          targets.add(target(r, item, p));
        }
      }
      if (targets.isEmpty()) {
        throw new IllegalStateException(p + "targets must list at least one provider");
      }
      for (Target t : targets) {
        if (!t.local() && !providers.containsKey(t.provider())) {
          throw new IllegalStateException(
              p + "targets names provider '" + t.provider() + "', which is not configured under llm.providers");
        }
        if (!t.local() && (t.model() == null || t.model().isBlank())) {
          throw new IllegalStateException(p + "targets: provider " + t.provider() + " needs a model");
        }
      }
      Route route = new Route(task, version, r.string(p + "prompt-version", "v1"), List.copyOf(targets),
          r.bool(p + "default", false), r.duration(p + "timeout", DEFAULT_TIMEOUT),
          r.duration(p + "deadline", DEFAULT_DEADLINE), r.integer(p + "max-retries", 2),
          r.env.getProperty(p + "temperature", Double.class).orElse(null),
          r.env.getProperty(p + "max-tokens", Integer.class).orElse(null), r.bool(p + "cache", false));
      byTask.computeIfAbsent(task, t -> new ArrayList<>()).add(route);
    }
    Map<String, TaskRoutes> out = new LinkedHashMap<>();
    byTask.forEach((task, list) -> {
      Map<String, Route> byVersion = new LinkedHashMap<>();
      String def = null;
      for (Route route : list) {
        if (byVersion.put(route.version(), route) != null) {
          throw new IllegalStateException("task " + task + " has two routes with version " + route.version());
        }
        if (route.isDefault()) {
          def = route.version();
        }
      }
      if (def == null) {
        def = list.get(0).version();
      }
      out.put(task, new TaskRoutes(task, Map.copyOf(byVersion), def));
    });
    return Map.copyOf(out);
  }

  private static Target target(Reader r, Object item, String p) {
    if (item instanceof String s) {
      return new Target(s, null, null);
    }
    if (!(item instanceof Map<?, ?> m)) {
      throw new IllegalStateException(p + "targets entries must be {provider, model}");
    }
    String provider = str(m.get("provider"));
    if (provider == null) {
      throw new IllegalStateException(p + "targets entry without provider");
    }
    Object timeout = m.get("timeout");
    return new Target(provider, str(m.get("model")),
        timeout == null ? null : ConversionService.SHARED.convertRequired(timeout, Duration.class));
  }

  private static Map<String, Price> readPrices(Reader r) {
    Map<String, Price> out = new LinkedHashMap<>();
    Object raw = r.env.getProperty("llm.prices", Object.class).orElse(null);
    Iterable<?> items = raw instanceof List<?> l ? l : raw instanceof Map<?, ?> m ? m.values() : List.of();
    for (Object item : items) {
      if (item instanceof Map<?, ?> m) {
        String model = str(m.get("model"));
        if (model == null) {
          throw new IllegalStateException("llm.prices entries need a model");
        }
        String provider = str(m.get("provider"));
        out.put(provider == null ? model : provider + "/" + model,
            new Price(decimal(m.get("input")), decimal(m.get("output")),
                m.get("cached") == null ? decimal(m.get("input")) : decimal(m.get("cached"))));
      }
    }
    return Map.copyOf(out);
  }

  private static BigDecimal decimal(Object o) {
    return o == null ? BigDecimal.ZERO : new BigDecimal(String.valueOf(o).trim());
  }

  private static String str(Object o) {
    return o == null ? null : String.valueOf(o);
  }

  Optional<Price> price(String provider, String model) {
    if (model == null) {
      return Optional.empty();
    }
    Price p = prices.get(provider + "/" + model);
    return Optional.ofNullable(p != null ? p : prices.get(model));
  }

  private record Reader(Environment env) {
    String string(String key, String fallback) {
      return env.getProperty(key, String.class).orElse(fallback);
    }

    int integer(String key, int fallback) {
      return env.getProperty(key, Integer.class).orElse(fallback);
    }

    boolean bool(String key, boolean fallback) {
      return env.getProperty(key, Boolean.class).orElse(fallback);
    }

    Duration duration(String key, Duration fallback) {
      return env.getProperty(key, Duration.class).orElse(fallback);
    }
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
