package com.carmutual.shared.llmops.eval.experiment;

import com.carmutual.shared.gateway.TaskVersion;
import com.carmutual.shared.llmops.eval.experiment.ExperimentViews.ConfigSummary;
import com.carmutual.shared.llmops.eval.experiment.ExperimentViews.Configuration;
import com.carmutual.shared.llmops.eval.experiment.ExperimentViews.ExperimentRequest;
import com.carmutual.shared.llmops.eval.experiment.ExperimentViews.ExperimentView;
import com.carmutual.shared.llmops.eval.set.EvalSets;
import com.carmutual.shared.llmops.eval.set.EvalSets.SetInfo;
import com.carmutual.shared.llmops.support.CodeVersion;
import com.carmutual.shared.problem.ProblemException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code eval} command-line mode: {@code java -jar <service>.jar eval ...} runs experiments
 * without the HTTP server, prints progress and a summary, optionally writes this service's section
 * of {@code docs/evaluation.md}, and exits non-zero when an experiment fails or scores below {@code
 * --min-score}.
 */
@Singleton
public final class EvalCommand {
  static final String USAGE =
      """
      usage: java -jar <service>.jar eval (--set <task>/<name>[@<version>] | --all)
               [--config <name>[=<task>:<route>/<prompt>[;<task>:<route>/<prompt>...]]]...
               [--scorer <spec>] [--limit <n>] [--min-score <0..1>]
               [--markdown <file>] [--in-memory]
        --all        every set (latest version) of every task with an EvalTarget in this service
        --config     a named configuration; '-' for a part keeps its default, e.g.
                     --config v2=claims.damage:-/v2  (no --config: the active versions)
        --markdown   replace this service's section of the file (e.g. docs/evaluation.md)
        --in-memory  use a fresh in-memory database instead of the service's own
      """;

  private final Experiments experiments;
  private final EvalSets sets;
  private final CodeVersion codeVersion;
  private final Clock clock;
  private final String service;

  EvalCommand(
      Experiments experiments,
      EvalSets sets,
      CodeVersion codeVersion,
      Clock clock,
      @Value("${micronaut.application.name:service}") String service) {
    this.experiments = experiments;
    this.sets = sets;
    this.codeVersion = codeVersion;
    this.clock = clock;
    this.service = service;
  }

  /** Starts the application context without the HTTP server, runs the command, returns the exit code. */
  public static int main(Class<?> mainClass, String[] args) {
    Map<String, Object> props = new HashMap<>();
    // the command evaluates the bundled sets: running it is asking for them
    props.put("suite.eval.load-bundled-sets", true);
    for (String a : args) {
      if (a.equals("--in-memory")) {
        props.put(
            "datasources.default.url",
            "jdbc:h2:mem:eval;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        props.put("datasources.default.username", "sa");
        props.put("datasources.default.password", "");
      }
      if (a.equals("--help") || a.equals("-h")) {
        System.out.println(USAGE);
        return 0;
      }
    }
    try (ApplicationContext ctx =
        ApplicationContext.builder().properties(props).start()) {
      return ctx.getBean(EvalCommand.class).run(args, System.out);
    } catch (RuntimeException e) {
      System.err.println("eval failed: " + e.getMessage());
      return 1;
    }
  }

  /** Runs the command; 0 success, 1 failed or below --min-score, 2 bad usage. */
  public int run(String[] args, PrintStream out) {
    Options o;
    try {
      o = Options.parse(args);
    } catch (IllegalArgumentException e) {
      out.println("eval: " + e.getMessage());
      out.println(USAGE);
      return 2;
    }
    List<String[]> todo = new ArrayList<>(); // task, name, version or null
    if (o.all) {
      for (String task : experiments.targetTasks()) {
        Map<String, SetInfo> latest = new LinkedHashMap<>();
        sets.list(task).forEach(s -> latest.put(s.name(), s));
        latest.values().forEach(s -> todo.add(new String[] {task, s.name(), null}));
      }
    } else {
      todo.add(o.set);
    }
    List<ExperimentView> views = new ArrayList<>();
    int code = 0;
    for (String[] t : todo) {
      out.printf("== %s/%s%s%n", t[0], t[1], t[2] == null ? "" : "@" + t[2]);
      ExperimentView v;
      try {
        v =
            experiments.runNow(
                new ExperimentRequest(
                    t[0], t[1], t[2] == null ? null : Integer.valueOf(t[2]), o.configs, o.scorer, o.limit),
                "cli",
                (config, done, total, r) -> {
                  if (total <= 200 || done % Math.max(1, total / 20) == 0 || done == total) {
                    out.printf(
                        "  [%s] %d/%d %s score=%s %s%n",
                        config,
                        done,
                        total,
                        r.itemId(),
                        r.score() == null ? "-" : String.format(Locale.ROOT, "%.2f", r.score()),
                        r.error() == null ? "" : "error: " + r.error());
                  }
                });
      } catch (ProblemException e) {
        out.println("eval: " + e.getMessage());
        return 2;
      }
      views.add(v);
      out.printf("  experiment %s: %s%n", v.id(), v.status());
      for (ConfigSummary s : v.summary()) {
        out.printf(
            Locale.ROOT,
            "  %-12s mean %s  95%% CI [%s, %s]  scored %d/%d  errors %d  p50 %s ms  tokens %d/%d  cost %s%n",
            s.configuration(),
            fmt(s.meanScore()),
            fmt(s.ci95Low()),
            fmt(s.ci95High()),
            s.scored(),
            s.items(),
            s.errors(),
            fmt(s.latencyP50Ms()),
            s.inputTokens(),
            s.outputTokens(),
            s.cost().stripTrailingZeros().toPlainString());
        if (s.outcomes() != null && !s.outcomes().isEmpty()) {
          out.printf(Locale.ROOT, "  %-12s outcomes %s%n", "", s.outcomes());
        }
        if (o.minScore != null && (s.meanScore() == null || s.meanScore() < o.minScore)) {
          out.printf("  below --min-score %s%n", o.minScore);
          code = 1;
        }
      }
      if (!"done".equals(v.status())) {
        out.println("  failed: " + v.error());
        code = 1;
      }
    }
    if (o.markdown != null) {
      try {
        writeMarkdown(Path.of(o.markdown), views);
        out.println("wrote section '" + service + "' of " + o.markdown);
      } catch (IOException e) {
        out.println("eval: cannot write " + o.markdown + ": " + e.getMessage());
        return 1;
      }
    }
    return code;
  }

  private static String fmt(Double d) {
    return d == null ? "-" : String.format(Locale.ROOT, "%.3f", d);
  }

  /** Replaces (or appends) the block between this service's markers, leaving the rest of the file. */
  void writeMarkdown(Path file, List<ExperimentView> views) throws IOException {
    String start = "<!-- eval:" + service + ":start -->";
    String end = "<!-- eval:" + service + ":end -->";
    StringBuilder b = new StringBuilder();
    b.append(start).append('\n');
    b.append("### ").append(service).append("\n\n");
    b.append("Generated ")
        .append(clock.instant())
        .append(" by `java -jar ")
        .append(service)
        .append("/target/")
        .append(service)
        .append(".jar eval --all --in-memory --markdown docs/evaluation.md` (code version ")
        .append(codeVersion.get())
        .append(").\n\n");
    if (views.isEmpty()) {
      b.append("No evaluation set with an `EvalTarget` in this service yet");
      List<String> tasks = experiments.targetTasks();
      b.append(tasks.isEmpty() ? " (no EvalTarget beans)." : " (EvalTargets: " + tasks + ", but no sets).");
      b.append('\n');
    } else {
      b.append(
          "| task | set | items | scorer | configuration | mean score | 95% CI | outcomes | scored | errors | p50 ms | p95 ms | tokens in/out | cost |\n");
      b.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
      for (ExperimentView v : views) {
        for (ConfigSummary s : v.summary()) {
          b.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %s v%d | %d | %s | %s | %s | [%s, %s] | %s | %d | %d | %s | %s | %d/%d | %s |%n",
                  v.task(),
                  v.set(),
                  v.setVersion(),
                  s.items(),
                  v.scorer(),
                  s.configuration(),
                  fmt(s.meanScore()),
                  fmt(s.ci95Low()),
                  fmt(s.ci95High()),
                  s.outcomes() == null || s.outcomes().isEmpty() ? "" : s.outcomes().entrySet().stream()
                      .map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", ")),
                  s.scored(),
                  s.errors(),
                  fmt(s.latencyP50Ms()),
                  fmt(s.latencyP95Ms()),
                  s.inputTokens(),
                  s.outputTokens(),
                  s.cost().stripTrailingZeros().toPlainString()));
        }
        if (!"done".equals(v.status())) {
          b.append("\nExperiment ").append(v.id()).append(" ").append(v.status()).append(": ").append(v.error()).append('\n');
        }
      }
    }
    b.append(end).append('\n');
    String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    int i = text.indexOf(start);
    int j = text.indexOf(end);
    String updated;
    if (i >= 0 && j > i) {
      int after = j + end.length();
      if (after < text.length() && text.charAt(after) == '\n') {
        after++;
      }
      updated = text.substring(0, i) + b + text.substring(after);
    } else {
      updated = text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + "\n" + b;
    }
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.writeString(file, updated, StandardCharsets.UTF_8);
  }

  /** Parsed command-line options. */
  static final class Options {
    boolean all;
    String[] set;
    final List<Configuration> configs = new ArrayList<>();
    String scorer;
    Integer limit;
    Double minScore;
    String markdown;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "eval", "--in-memory" -> {}
          case "--all" -> o.all = true;
          case "--set" -> o.set = parseSet(value(args, ++i, a));
          case "--config" -> o.configs.add(parseConfig(value(args, ++i, a)));
          case "--scorer" -> o.scorer = value(args, ++i, a);
          case "--limit" -> o.limit = Integer.valueOf(number(value(args, ++i, a), a));
          case "--min-score" -> o.minScore = Double.valueOf(number(value(args, ++i, a), a));
          case "--markdown" -> o.markdown = value(args, ++i, a);
          default -> {
            if (!a.startsWith("-D") && !a.startsWith("--micronaut") && !a.startsWith("--datasources")) {
              throw new IllegalArgumentException("unknown option " + a);
            }
          }
        }
      }
      if (o.all == (o.set != null)) {
        throw new IllegalArgumentException("give exactly one of --set or --all");
      }
      return o;
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }

    private static String number(String v, String option) {
      try {
        Double.parseDouble(v);
        return v;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " needs a number, got " + v);
      }
    }

    static String[] parseSet(String v) {
      int slash = v.lastIndexOf('/');
      if (slash <= 0 || slash == v.length() - 1) {
        throw new IllegalArgumentException("--set is <task>/<name>[@<version>], got " + v);
      }
      String task = v.substring(0, slash);
      String name = v.substring(slash + 1);
      String version = null;
      int at = name.indexOf('@');
      if (at >= 0) {
        version = number(name.substring(at + 1), "--set version");
        name = name.substring(0, at);
      }
      return new String[] {task, name, version};
    }

    static Configuration parseConfig(String v) {
      int eq = v.indexOf('=');
      String name = eq < 0 ? v : v.substring(0, eq);
      Map<String, TaskVersion> versions = new LinkedHashMap<>();
      if (eq >= 0) {
        for (String part : v.substring(eq + 1).split(";")) {
          int colon = part.indexOf(':');
          int slash = part.indexOf('/', Math.max(colon, 0));
          if (colon <= 0 || slash < 0) {
            throw new IllegalArgumentException(
                "--config parts are <task>:<route>/<prompt> ('-' keeps the default), got " + part);
          }
          String route = part.substring(colon + 1, slash).trim();
          String prompt = part.substring(slash + 1).trim();
          versions.put(
              part.substring(0, colon).trim(),
              new TaskVersion(dash(route), dash(prompt)));
        }
      }
      return new Configuration(name, versions);
    }

    private static String dash(String s) {
      return s.isEmpty() || s.equals("-") ? null : s;
    }
  }
}
