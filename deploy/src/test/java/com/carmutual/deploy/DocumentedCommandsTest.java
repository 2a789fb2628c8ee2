package com.carmutual.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The commands written in README.md, docs/ and the modules' READMEs name things that exist: scripts,
 * modules, test classes, benchmark names, classes and files. CI runs every benchmark command in smoke
 * mode ({@code deploy/local/bench.sh --smoke all}); this test catches the rest of the rot without
 * running anything heavy.
 */
class DocumentedCommandsTest {
  private static final Pattern FENCE = Pattern.compile("(?ms)^\\s*```(bash|sh|shell|console)?\\s*$(.*?)^\\s*```\\s*$");
  /** Inline code that is a command (not a file name written in prose). */
  private static final Pattern INLINE = Pattern.compile("`((?:mvn |java |flock |curl |kubectl |deploy/[\\w/.-]+\\.sh)[^`]*)`");
  private static final Pattern BENCH = Pattern.compile("deploy/local/bench\\.sh\\s+(?:--smoke\\s+)?([a-z0-9-]+)");

  /** Each markdown file a newcomer reads, with the commands written in it. */
  static Map<Path, List<String>> commands() throws IOException {
    Path root = Repo.root();
    List<Path> files = new ArrayList<>();
    files.add(root.resolve("README.md"));
    files.add(root.resolve("ARCHITECTURE.md"));
    try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    for (String m : modules()) {
      Path readme = root.resolve(m).resolve("README.md");
      if (Files.isRegularFile(readme)) {
        files.add(readme);
      }
    }
    Map<Path, List<String>> out = new LinkedHashMap<>();
    for (Path f : files) {
      String text = Files.readString(f, StandardCharsets.UTF_8);
      List<String> lines = new ArrayList<>();
      Matcher fence = FENCE.matcher(text);
      while (fence.find()) {
        String body = fence.group(2).replaceAll("\\\\\\n\\s*", " ");
        for (String line : body.split("\n")) {
          String command = line.replaceFirst("\\s+#.*$", "").strip();
          if (!command.isEmpty() && !command.startsWith("#")) {
            lines.add(command);
          }
        }
      }
      Matcher inline = INLINE.matcher(text.replaceAll("(?ms)^\\s*```.*?^\\s*```", ""));
      while (inline.find()) {
        lines.add(inline.group(1).strip());
      }
      out.put(root.relativize(f), lines);
    }
    return out;
  }

  static List<String> modules() throws IOException {
    Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(Repo.root().resolve("pom.xml")));
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** The benchmarks bench.sh knows: name -> {module, kind, class}. */
  static Map<String, String[]> benchmarks() throws Exception {
    Process p = new ProcessBuilder("bash", Repo.root().resolve("deploy/local/bench.sh").toString(), "catalog")
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    Map<String, String[]> byName = new LinkedHashMap<>();
    for (String line : out.strip().split("\n")) {
      String[] f = line.split("\\|");
      byName.put(f[0], new String[] {f[1], f[2], f[3]});
    }
    return byName;
  }

  @Test
  void everyScriptACommandNamesExistsAndIsExecutable() throws IOException {
    List<String> missing = new ArrayList<>();
    Pattern script = Pattern.compile("(deploy/[\\w./-]+\\.sh)\\b");
    for (var e : commands().entrySet()) {
      for (String c : e.getValue()) {
        Matcher m = script.matcher(c);
        while (m.find()) {
          Path p = Repo.root().resolve(m.group(1));
          if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
            missing.add(e.getKey() + ": " + m.group(1));
          }
        }
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void everyRepositoryPathACommandReadsExists() throws IOException {
    List<String> missing = new ArrayList<>();
    Pattern path = Pattern.compile("(?<![\\w./-])((?:deploy|docs|shared|vin-matching|claims-agent|text2data|phone-agent)/[\\w./-]*\\w)");
    for (var e : commands().entrySet()) {
      for (String c : e.getValue()) {
        Matcher m = path.matcher(c);
        while (m.find()) {
          String p = m.group(1);
          boolean output = p.contains("/target/") || p.contains("/.run/") || p.endsWith("/target");
          if (!output && !Files.exists(Repo.root().resolve(p))) {
            missing.add(e.getKey() + ": " + p + " in `" + c + "`");
          }
        }
      }
    }
    assertEquals(List.of(), missing);
  }

  @Test
  void everyModuleATestClassAndAClassNamedInACommandExists() throws IOException {
    List<String> modules = modules();
    Set<String> testClasses = new TreeSet<>();
    Set<String> classes = new TreeSet<>();
    for (String m : modules) {
      for (String dir : List.of("src/main/java", "src/test/java")) {
        Path src = Repo.root().resolve(m).resolve(dir);
        if (!Files.isDirectory(src)) {
          continue;
        }
        try (Stream<Path> files = Files.walk(src)) {
          files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
            String fqcn = src.relativize(f).toString().replace('/', '.').replaceAll("\\.java$", "");
            classes.add(fqcn);
            if (dir.startsWith("src/test")) {
              testClasses.add(fqcn.substring(fqcn.lastIndexOf('.') + 1));
            }
          });
        }
      }
    }
    List<String> wrong = new ArrayList<>();
    Pattern pl = Pattern.compile("\\s-pl\\s+([\\w,-]+)");
    Pattern test = Pattern.compile("-Dtest=([\\w#,*]+)");
    Pattern fqcn = Pattern.compile("\\b(com\\.carmutual(?:\\.[a-z0-9_]+)+\\.[A-Z]\\w*)\\b");
    for (var e : commands().entrySet()) {
      for (String c : e.getValue()) {
        Matcher m = pl.matcher(c);
        while (m.find()) {
          for (String module : m.group(1).split(",")) {
            if (!modules.contains(module)) {
              wrong.add(e.getKey() + ": -pl " + module + " in `" + c + "`");
            }
          }
        }
        m = test.matcher(c);
        while (m.find()) {
          for (String t : m.group(1).split(",")) {
            String name = t.replaceAll("#.*", "");
            if (!name.contains("*") && !testClasses.contains(name)) {
              wrong.add(e.getKey() + ": -Dtest=" + name + " in `" + c + "`");
            }
          }
        }
        m = fqcn.matcher(c);
        while (m.find()) {
          if (!classes.contains(m.group(1))) {
            wrong.add(e.getKey() + ": class " + m.group(1));
          }
        }
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void everyBenchmarkNameInTheDocsIsOneBenchShKnows() throws Exception {
    Map<String, String[]> known = benchmarks();
    List<String> unknown = new ArrayList<>();
    int uses = 0;
    for (var e : commands().entrySet()) {
      for (String c : e.getValue()) {
        Matcher m = BENCH.matcher(c);
        while (m.find()) {
          uses++;
          if (!known.containsKey(m.group(1)) && !Set.of("list", "all").contains(m.group(1))) {
            unknown.add(e.getKey() + ": " + m.group(0));
          }
        }
      }
    }
    assertEquals(List.of(), unknown);
    assertTrue(uses >= known.size(), "docs use bench.sh " + uses + " times for " + known.size() + " benchmarks");
  }

  @Test
  void everyBenchmarkClassIsRunByBenchShAndExists() throws Exception {
    Map<String, String[]> known = benchmarks();
    Set<String> listed = new TreeSet<>();
    for (var e : known.entrySet()) {
      String module = e.getValue()[0];
      String kind = e.getValue()[1];
      String cls = e.getValue()[2];
      if (kind.equals("script")) {
        assertTrue(Files.isExecutable(Repo.root().resolve(cls)), e.getKey() + ": " + cls);
        continue;
      }
      String simple = cls.substring(cls.lastIndexOf('.') + 1);
      listed.add(module + "/" + simple);
      try (Stream<Path> files = Files.walk(Repo.root().resolve(module).resolve("src/test/java"))) {
        List<Path> found = files.filter(f -> f.getFileName().toString().equals(simple + ".java")).toList();
        assertEquals(1, found.size(), e.getKey() + ": " + simple + " in " + module + "/src/test/java");
        String source = Files.readString(found.get(0));
        assertTrue(Repo.root().resolve(module).relativize(found.get(0)).toString().replace('/', '.').contains(cls),
            e.getKey() + ": " + cls + " is at " + found.get(0));
        if (kind.equals("main")) {
          assertTrue(source.contains("public static void main("), e.getKey() + ": " + simple + " has a main");
        } else {
          assertTrue(source.contains("@EnabledIfSystemProperty"), e.getKey() + ": " + simple + " runs only when asked");
        }
      }
    }
    // the other way round: every benchmark class in test sources is one bench.sh runs (and CI smokes)
    Set<String> present = new TreeSet<>();
    for (String m : modules()) {
      Path src = Repo.root().resolve(m).resolve("src/test/java");
      if (Files.isDirectory(src)) {
        try (Stream<Path> files = Files.walk(src)) {
          files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith("Benchmark.java"))
              .forEach(n -> present.add(m + "/" + n.replace(".java", "")));
        }
      }
    }
    assertEquals(present, listed);
  }

  @Test
  void benchmarksPageRunsEveryBenchmarkThroughBenchSh() throws IOException {
    List<String> raw = new ArrayList<>();
    for (String c : commands().get(Path.of("docs/benchmarks.md"))) {
      if (c.matches(".*(-Dtest=\\w*Benchmark|Benchmark\\s*\\d*$|dependency:build-classpath).*") && !c.contains("bench.sh")) {
        raw.add(c);
      }
    }
    assertEquals(List.of(), raw, "benchmark commands should be deploy/local/bench.sh <name>: it builds what they need");
  }

  @Test
  void localJavaProgramsCompile(@org.junit.jupiter.api.io.TempDir Path out) throws IOException {
    javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
    try (Stream<Path> files = Files.list(Repo.root().resolve("deploy/local"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int status = javac.run(null, null, err, "-d", out.toString(), f.toString());
        assertEquals(0, status, f + " (run as `java " + Repo.root().relativize(f) + "`): " + err);
      }
    }
  }

  @Test
  void localScriptsParse() throws Exception {
    try (Stream<Path> files = Files.list(Repo.root().resolve("deploy/local"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".sh")).toList()) {
        Process p = new ProcessBuilder("bash", "-n", f.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), f + ": " + out);
        assertTrue(Files.isExecutable(f), f + " is executable");
      }
    }
  }
}
