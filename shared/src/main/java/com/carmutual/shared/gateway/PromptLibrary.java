package com.carmutual.shared.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Versioned prompt files {@code prompts/<task>/<version>.md} on the classpath, compiled once and
 * rendered with {@code {{input}}}, {@code {{schema}}}, {@code {{task}}} and any caller variable.
 * A task without a file gets a generic prompt (so a route can be tried before its prompt is
 * written); an unknown {@code {{name}}} renders as empty.
 */
final class PromptLibrary {
  static final String SYSTEM =
      "You are one step of an automated insurance-claims pipeline. Answer only with the JSON value"
          + " requested, fitting the given JSON schema exactly; no prose, no code fences.";
  static final String GENERIC =
      "Task: {{task}}\n\nAnswer with one JSON value that fits this JSON schema:\n{{schema}}\n\nInput:\n{{input}}\n";

  /** A compiled prompt: literal text and variable names, alternating. */
  record Template(String task, String version, boolean fromFile, List<String> literals, List<String> names) {
    String render(Map<String, String> values) {
      StringBuilder sb = new StringBuilder(256);
      for (int i = 0; i < literals.size(); i++) {
        sb.append(literals.get(i));
        if (i < names.size()) {
          String v = values.get(names.get(i));
          if (v != null) {
            sb.append(v);
          }
        }
      }
      return sb.toString();
    }
  }

  private final ClassLoader loader;
  private final Map<String, Optional<Template>> cache = new ConcurrentHashMap<>();

  PromptLibrary(ClassLoader loader) {
    this.loader = loader;
  }

  /** The prompt file of a task and version, if one is on the classpath. */
  Optional<Template> file(String task, String version) {
    return cache.computeIfAbsent(task + "/" + version, k -> load(task, version));
  }

  /** The file, or the generic prompt marked with the version asked for. */
  Template structured(String task, String version) {
    return file(task, version).orElseGet(() -> compile(task, version, false, GENERIC));
  }

  private Optional<Template> load(String task, String version) {
    try (InputStream in = loader.getResourceAsStream("prompts/" + task + "/" + version + ".md")) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(compile(task, version, true, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read prompts/" + task + "/" + version + ".md", e);
    }
  }

  static Template compile(String task, String version, boolean fromFile, String text) {
    List<String> literals = new ArrayList<>();
    List<String> names = new ArrayList<>();
    int pos = 0;
    while (true) {
      int open = text.indexOf("{{", pos);
      int close = open < 0 ? -1 : text.indexOf("}}", open + 2);
      if (open < 0 || close < 0) {
        literals.add(text.substring(pos));
        break;
      }
      literals.add(text.substring(pos, open));
      names.add(text.substring(open + 2, close).trim());
      pos = close + 2;
    }
    return new Template(task, version, fromFile, List.copyOf(literals), List.copyOf(names));
  }

  /** Prompt versions on the classpath, by task, sorted. */
  Map<String, Set<String>> scan() {
    Map<String, Set<String>> out = new TreeMap<>();
    try {
      Enumeration<URL> roots = loader.getResources("prompts");
      while (roots.hasMoreElements()) {
        URL url = roots.nextElement();
        if ("file".equals(url.getProtocol())) {
          Path root = Paths.get(url.toURI());
          try (Stream<Path> files = Files.walk(root, 2)) {
            files.filter(f -> f.getFileName().toString().endsWith(".md") && f.getParent() != null
                    && !f.getParent().equals(root))
                .forEach(f -> add(out, f.getParent().getFileName().toString(), f.getFileName().toString()));
          }
        } else if ("jar".equals(url.getProtocol())) {
          JarURLConnection c = (JarURLConnection) url.openConnection();
          c.setUseCaches(false);
          try (JarFile jar = c.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
              String name = entries.nextElement().getName();
              String[] parts = name.split("/");
              if (parts.length == 3 && parts[0].equals("prompts") && parts[2].endsWith(".md")) {
                add(out, parts[1], parts[2]);
              }
            }
          }
        }
      }
    } catch (Exception e) {
      // A listing is best effort: calls load prompts by exact name whatever the scan finds.
      org.slf4j.LoggerFactory.getLogger(PromptLibrary.class).warn("cannot list prompts on the classpath: {}", e.toString());
    }
    return out;
  }

  private static void add(Map<String, Set<String>> out, String task, String file) {
    out.computeIfAbsent(task, t -> new TreeSet<>()).add(file.substring(0, file.length() - 3));
  }
}
