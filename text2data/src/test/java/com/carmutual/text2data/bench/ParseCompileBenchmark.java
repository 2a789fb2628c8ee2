package com.carmutual.text2data.bench;

import com.carmutual.text2data.TestWarehouse;
import com.carmutual.text2data.compile.Dialect;
import com.carmutual.text2data.parse.ParseRequest;
import com.carmutual.text2data.parse.ParseResult;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Offline parse + compile time per question (target p99 under 20 ms). Not a unit test: run with
 * {@code mvn -B -o -pl text2data test -Dtest=ParseCompileBenchmark -Dbenchmark=true}; results are
 * printed and written to docs/benchmarks.md by hand.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ParseCompileBenchmark {

  @Test
  void parseAndCompileLatency() throws Exception {
    TestWarehouse tw = TestWarehouse.get();
    List<String> questions = new ArrayList<>(devQuestions());
    questions.addAll(List.of("How many claims were filed last month by channel?", "每个月的新增会员数", "Average wait time of inbound calls by reason this year",
        "What is the loss ratio by plan in 2024?", "最近30天各平台的活跃用户数", "Top 3 brands by claimed amount in Q1 2025",
        "上周每天的来电数量", "approval rate by claim type last quarter", "2024年各省份的会费收入", "How many EV claims were there in May?"));
    LocalDate asOf = LocalDate.parse("2025-06-18");
    for (int warm = 0; warm < 20; warm++) {
      for (String q : questions) {
        run(tw, q, asOf);
      }
    }
    List<Long> nanos = new ArrayList<>();
    List<Long> cpu = new ArrayList<>();
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    java.util.Map<String, List<Long>> perQuestion = new java.util.LinkedHashMap<>();
    for (int round = 0; round < 100; round++) {
      for (String q : questions) {
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        run(tw, q, asOf);
        long d = System.nanoTime() - t0;
        cpu.add(threads.getCurrentThreadCpuTime() - c0);
        nanos.add(d);
        perQuestion.computeIfAbsent(q, k -> new ArrayList<>()).add(d);
      }
    }
    perQuestion.entrySet().stream()
        .sorted((a, b) -> Long.compare(median(b.getValue()), median(a.getValue())))
        .limit(5)
        .forEach(e -> System.out.printf("slowest median %.2f ms: %s%n", median(e.getValue()) / 1e6, e.getKey()));
    Collections.sort(nanos);
    Collections.sort(cpu);
    System.out.printf("parse+compile thread CPU time: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
        ms(cpu, 0.50), ms(cpu, 0.90), ms(cpu, 0.99), cpu.get(cpu.size() - 1) / 1e6);
    System.out.printf("parse+compile over %d runs of %d questions: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
        nanos.size(), questions.size(), ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99), nanos.get(nanos.size() - 1) / 1e6);
  }

  private static void run(TestWarehouse tw, String q, LocalDate asOf) {
    ParseResult r = tw.parser.parse(new ParseRequest(q, asOf.toString(), null, List.of()));
    if ("answered".equals(r.status())) {
      try {
        tw.compiler.compile(r.query(), Dialect.POSTGRES, asOf);
      } catch (RuntimeException ignored) {
        // a clarification costs the same; timing is what is measured here
      }
    }
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static double ms(List<Long> sorted, double p) {
    return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
  }

  /** Both dev sets' questions. */
  static List<String> devQuestions() throws Exception {
    List<String> out = new ArrayList<>();
    for (String set : List.of("text2data/questions-dev.jsonl", "text2data/questions-dev-2.jsonl")) {
      try (InputStream in = ParseCompileBenchmark.class.getClassLoader().getResourceAsStream(set)) {
        Matcher m = Pattern.compile("\"question\": \"((?:[^\"\\\\]|\\\\.)*)\"").matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        while (m.find()) {
          out.add(m.group(1));
        }
      }
    }
    return out;
  }
}
