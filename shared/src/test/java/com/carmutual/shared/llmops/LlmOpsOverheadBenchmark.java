package com.carmutual.shared.llmops;

import com.carmutual.shared.gateway.ActiveVersions;
import com.carmutual.shared.gateway.AnswerSource;
import com.carmutual.shared.gateway.TaskVersion;
import com.carmutual.shared.llmops.Annotations.Annotation;
import com.carmutual.shared.llmops.testapp.Echo;
import com.carmutual.shared.llmops.version.TaskVersions;
import io.micronaut.context.ApplicationContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What LLM operations add to a request (not a test): a stored workflow run of three nodes against
 * the same three steps called directly, the gateway's per-call read of the active version, and
 * annotation reply for an enabled task (exact hit, and a miss that embeds the input). H2 in memory.
 *
 * <pre>
 * mvn -B -o -q -pl shared test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.carmutual.shared.llmops.LlmOpsOverheadBenchmark [-Dexec.args="3000"]
 * </pre>
 */
public final class LlmOpsOverheadBenchmark {
  private LlmOpsOverheadBenchmark() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    Map<String, Object> props =
        Map.of(
            "datasources.default.url",
            "jdbc:h2:mem:bench-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    try (ApplicationContext ctx = ApplicationContext.run(props, "test", "llmops")) {
      Workflows workflows = ctx.getBean(Workflows.class);
      Echo in = new Echo("rear bumper cracked");
      long[] direct = new long[n];
      long[] stored = new long[n];
      for (int warm = 0; warm < 2; warm++) {
        for (int i = 0; i < n; i++) {
          long t0 = System.nanoTime();
          threeSteps(in);
          direct[i] = System.nanoTime() - t0;
          t0 = System.nanoTime();
          workflows.run(
              "bench",
              in,
              run -> {
                Echo a = run.node("a", NodeKind.DETERMINISTIC, in, () -> new Echo(in.text().trim()));
                Echo b = run.node("b", NodeKind.DETERMINISTIC, a, () -> new Echo(a.text().toUpperCase()));
                return run.node("c", NodeKind.DETERMINISTIC, b, () -> new Echo(b.text() + "!"));
              });
          stored[i] = System.nanoTime() - t0;
        }
      }
      report("workflow, 3 nodes, direct", direct);
      report("workflow, 3 nodes, stored run", stored);

      ActiveVersions active = ctx.getBean(ActiveVersions.class);
      ctx.getBean(TaskVersions.class).switchTo("test.echo", new TaskVersion(null, "v2"), "bench", null);
      long[] reads = new long[n * 10];
      for (int i = 0; i < reads.length; i++) {
        long t0 = System.nanoTime();
        active.active(i % 2 == 0 ? "test.echo" : "other.task");
        reads[i] = System.nanoTime() - t0;
      }
      report("ActiveVersions.active (cached, 2 s refresh)", reads);

      Annotations annotations = ctx.getBean(Annotations.class);
      for (int i = 0; i < 100; i++) {
        annotations.record(
            new Annotation("test.echo", new Echo("part " + i + " dented"), null, new Echo("PART " + i), null, null, "b", null));
      }
      List<AnswerSource> sources = List.copyOf(ctx.getBeansOfType(AnswerSource.class));
      AnswerSource reply = sources.get(0);
      reply.answer("test.echo", "{\"text\":\"warm up\"}");
      int m = Math.max(50, n / 10);
      long[] exact = new long[m];
      long[] miss = new long[m];
      long[] disabled = new long[m];
      for (int i = 0; i < m; i++) {
        long t0 = System.nanoTime();
        reply.answer("test.echo", "{\"text\":\"part " + (i % 100) + " dented\"}");
        exact[i] = System.nanoTime() - t0;
        t0 = System.nanoTime();
        reply.answer("test.echo", "{\"text\":\"a question never annotated " + i + "\"}");
        miss[i] = System.nanoTime() - t0;
        t0 = System.nanoTime();
        reply.answer("vin.rerank", "{\"text\":\"x\"}");
        disabled[i] = System.nanoTime() - t0;
      }
      report("annotation reply, exact hit (100 annotations)", exact);
      report("annotation reply, miss (embeds the input)", miss);
      report("annotation reply, task not enabled", disabled);
    }
  }

  private static Echo threeSteps(Echo in) {
    Echo a = new Echo(in.text().trim());
    Echo b = new Echo(a.text().toUpperCase());
    return new Echo(b.text() + "!");
  }

  private static void report(String what, long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    System.out.printf(
        "%-48s n=%6d  p50 %9.1f us  p99 %9.1f us%n",
        what, s.length, s[s.length / 2] / 1000.0, s[(int) (s.length * 0.99) - 1] / 1000.0);
  }
}
