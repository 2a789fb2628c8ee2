package com.carmutual.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The environment variables a service reads, found in its sources rather than listed by hand:
 * placeholders ({@code ${NAME...}}) in its application.yml and in Java string literals of the
 * service and of shared, {@code System.getenv("NAME")} (and, in a file that calls getenv with a
 * variable, the UPPER_CASE string constants it passes), and Micronaut's mapping of an
 * environment variable onto a configuration key ({@code DATASOURCES_DEFAULT_URL} sets {@code
 * datasources.default.url}) for every key in application.yml, every {@code @Value} key and every
 * {@code @ConfigurationProperties}/{@code @EachProperty} prefix.
 */
final class ServiceConfig {
  /**
   * Read by the JVM or the framework itself, not by a configuration key: the java launcher reads
   * JDK_JAVA_OPTIONS and JAVA_TOOL_OPTIONS; Micronaut reads MICRONAUT_ENVIRONMENTS.
   */
  static final Set<String> PLATFORM = Set.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "MICRONAUT_ENVIRONMENTS");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)");
  private static final Pattern GETENV = Pattern.compile("getenv\\(\\s*\"([A-Za-z0-9_]+)\"");
  /** In a file that calls getenv with a variable, the constant names it may be given. */
  private static final Pattern ENV_LITERAL = Pattern.compile("\"([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\"");
  private static final Pattern PREFIX =
      Pattern.compile("@(?:ConfigurationProperties|EachProperty)\\(\\s*(?:value\\s*=\\s*)?\"([A-Za-z0-9_.\\-]+)\"");

  final String service;
  final Set<String> exact = new TreeSet<>();
  final Set<String> prefixes = new TreeSet<>();
  /** The OpenTelemetry SDK's autoconfiguration reads OTEL_* itself, when the service has the SDK. */
  boolean readsOtel;

  private ServiceConfig(String service) {
    this.service = service;
  }

  static ServiceConfig of(String service) {
    Path root = Repo.root();
    ServiceConfig c = new ServiceConfig(service);
    try {
      Path yml = root.resolve(service).resolve("src/main/resources/application.yml");
      String text = Files.readString(yml);
      placeholders(text, c.exact);
      flatten("", Yaml.load(text), c.exact);
      c.readsOtel = Files.readString(root.resolve("shared/pom.xml")).contains("<artifactId>opentelemetry-exporter-otlp</artifactId>");
      for (Path src : List.of(root.resolve(service).resolve("src/main/java"), root.resolve("shared/src/main/java"))) {
        for (String java : javaSources(src)) {
          placeholders(java, c.exact);
          find(GETENV, java, c.exact);
          if (java.contains("System.getenv(")) {
            find(ENV_LITERAL, java, c.exact);
          }
          Set<String> p = new TreeSet<>();
          find(PREFIX, java, p);
          p.forEach(x -> c.prefixes.add(envName(x) + "_"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return c;
  }

  /** Whether setting this environment variable changes anything in the service. */
  boolean reads(String env) {
    return PLATFORM.contains(env) || exact.contains(env) || (readsOtel && env.startsWith("OTEL_")) || prefixes.stream().anyMatch(env::startsWith);
  }

  /** A configuration key or placeholder as Micronaut's environment variable for it. */
  static String envName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static void placeholders(String text, Set<String> out) {
    Set<String> raw = new TreeSet<>();
    find(PLACEHOLDER, text, raw);
    raw.forEach(k -> out.add(envName(k)));
  }

  private static void find(Pattern p, String text, Set<String> out) {
    Matcher m = p.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
  }

  private static void flatten(String prefix, Map<String, Object> node, Set<String> out) {
    for (var e : node.entrySet()) {
      String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
      out.add(envName(key));
      if (e.getValue() instanceof Map<?, ?> m) {
        flatten(key, Yaml.cast(m), out);
      }
    }
  }

  private static List<String> javaSources(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        out.add(Files.readString(p));
      }
    }
    return out;
  }
}
