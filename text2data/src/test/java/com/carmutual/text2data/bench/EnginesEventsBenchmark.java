package com.carmutual.text2data.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.shared.testing.PostgresSupport;
import com.carmutual.text2data.DevQuestions;
import com.carmutual.text2data.TestWarehouse;
import com.carmutual.text2data.compile.CompileException;
import com.carmutual.text2data.compile.CompiledQuery;
import com.carmutual.text2data.compile.Dialect;
import com.carmutual.text2data.compile.RollupTables;
import com.carmutual.text2data.warehouse.RollupConfig;
import com.carmutual.text2data.warehouse.RollupStore;
import java.nio.file.Files;
import java.nio.file.Path;
import com.carmutual.text2data.parse.ParseRequest;
import com.carmutual.text2data.parse.ParseResult;
import com.carmutual.text2data.query.SemanticQuery;
import com.carmutual.text2data.warehouse.TrinoSupport;
import com.carmutual.text2data.warehouse.Warehouse;
import com.carmutual.text2data.warehouse.WarehouseConfig;
import com.carmutual.text2data.warehouse.WarehouseException;
import com.carmutual.text2data.warehouse.WarehouseLoader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.opentest4j.TestAbortedException;

/**
 * The question mix (the eight {@link EventQuestions} and every answered
 * dev question) on each engine with app events scaled to {@code -Devents} by {@link EventScaler}:
 * one cold run, then {@code -Druns} warm runs per question; p50 and p95 of the warm runs over the
 * mix. Engines: {@code -Dengines} (duckdb, postgres, trino; duckdb and postgres also with the rollups). Everything it creates is dropped afterwards:
 * PostgreSQL's database, Trino's {@code memory.bench} schema. An engine that cannot run here is
 * reported and left out. Run with {@code deploy/local/bench.sh text2data-engines}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class EnginesEventsBenchmark {
  private static final LocalDate AS_OF = LocalDate.parse("2025-06-18");
  private static final List<String> FAILURES = new ArrayList<>();

  record Question(String label, SemanticQuery query, LocalDate asOf) {}

  @Test
  void questionMixOnScaledAppEvents() throws Exception {
    long target = Long.parseLong(System.getProperty("events", "10000000"));
    int runs = Integer.parseInt(System.getProperty("runs", "3"));
    List<String> engines = Arrays.asList(System.getProperty("engines", "duckdb,postgres,trino").split(","));
    List<Question> mix = mix();
    System.out.printf("question mix: %d questions, %d warm runs each, app events scaled to %,d%n", mix.size(), runs, target);
    int measured = 0;
    for (String engine : engines) {
      try {
        switch (engine.strip()) {
          case "duckdb" -> onDuckdb(mix, target, runs);
          case "postgres" -> onPostgres(mix, target, runs);
          case "trino" -> onTrino(mix, target, runs);
          default -> throw new IllegalArgumentException("unknown engine " + engine + " (postgres, trino)");
        }
        measured++;
      } catch (TestAbortedException e) {
        System.out.println("engine " + engine + " left out: " + e.getMessage());
      }
    }
    assertTrue(measured > 0, "no engine could run here");
    assertTrue(FAILURES.isEmpty(), FAILURES.size() + " questions failed:\n" + String.join("\n", FAILURES));
  }

  private static void onPostgres(List<Question> mix, long target, int runs) throws Exception {
    PostgresSupport.assumeAvailable();
    Map<String, String> db = PostgresSupport.freshDatabase("t2d_bench_engines");
    String url = db.get("datasources.default.url");
    String user = db.get("datasources.default.username");
    String password = db.get("datasources.default.password");
    try {
      long t0 = System.nanoTime();
      long events;
      try (Connection c = DriverManager.getConnection(url, user, password)) {
        WarehouseLoader.load(c);
        events = EventScaler.scale(c, EventScaler.Engine.POSTGRES, target);
      }
      System.out.printf("postgres: %,d app events ready in %d s%n", events, (System.nanoTime() - t0) / 1_000_000_000);
      Warehouse pg = new Warehouse(WarehouseConfig.external(url, user, password).withStatementTimeout(Duration.ofMinutes(10)).withPool(1, 4));
      measure("postgres", Dialect.POSTGRES, pg, RollupTables.NONE, mix, runs);
      RollupStore rollups = RollupStore.external(TestWarehouse.get().model, url, new RollupConfig(true, "text2data_rollups", user, password, 1));
      long r0 = System.nanoTime();
      rollups.refresh(AS_OF);
      System.out.printf("postgres: rollups built in %d ms%n", (System.nanoTime() - r0) / 1_000_000);
      measure("postgres+rollups", Dialect.POSTGRES, pg, rollups, mix, runs);
    } finally {
      try (Connection c = DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + "postgres", user, password);
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + url.substring(url.lastIndexOf('/') + 1) + " WITH (FORCE)");
      }
    }
  }

  /** A copy of the demo schema in {@code memory.bench}, scaled, so the parity tests' {@code memory.demo} stays the demo. */
  private static void onTrino(List<Question> mix, long target, int runs) throws Exception {
    String demo = TrinoSupport.demoWarehouseUrl();
    String url = demo.replace("/memory/demo", "/memory/bench");
    try (Connection c = DriverManager.getConnection(url, "text2data", null); Statement s = c.createStatement()) {
      dropBench(s);
      long t0 = System.nanoTime();
      s.execute("CREATE SCHEMA memory.bench");
      for (String t : tables(s)) {
        s.execute("CREATE TABLE memory.bench." + t + " AS SELECT * FROM memory.demo." + t);
      }
      try {
        long events = EventScaler.scale(c, EventScaler.Engine.TRINO, target);
        System.out.printf("trino: %,d app events ready in %d s%n", events, (System.nanoTime() - t0) / 1_000_000_000);
        Warehouse trino = new Warehouse(WarehouseConfig.external(url, "text2data", null).withStatementTimeout(Duration.ofMinutes(10)).withPool(1, 4));
        measure("trino", TrinoSupport.dialect(), trino, RollupTables.NONE, mix, runs);
      } finally {
        dropBench(s);
      }
    }
  }

  private static List<String> tables(Statement s) throws Exception {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery("SHOW TABLES FROM memory.demo")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private static void dropBench(Statement s) throws Exception {
    List<String> existing = new ArrayList<>();
    try (ResultSet rs = s.executeQuery("SELECT table_name FROM memory.information_schema.tables WHERE table_schema = 'bench'")) {
      while (rs.next()) {
        existing.add(rs.getString(1));
      }
    }
    for (String t : existing) {
      s.execute("DROP TABLE memory.bench." + t);
    }
    s.execute("DROP SCHEMA IF EXISTS memory.bench");
  }

  /** The eight event questions, then every dev question the parser answers and the compiler compiles. */
  private static List<Question> mix() throws Exception {
    TestWarehouse tw = TestWarehouse.get();
    Map<String, Question> out = new LinkedHashMap<>();
    for (String q : EventQuestions.ALL) {
      ParseResult r = tw.parser.parse(new ParseRequest(q, AS_OF.toString(), null, List.of()));
      out.put(q, new Question("event: " + q, r.query(), AS_OF));
    }
    for (DevQuestions.Question q : DevQuestions.all()) {
      ParseResult r = tw.parser.parse(new ParseRequest(q.text(), q.asOf(), null, List.of()));
      if ("answered".equals(r.status()) && !out.containsKey(q.text())) {
        try {
          tw.compiler.compile(r.query(), Dialect.POSTGRES, LocalDate.parse(q.asOf()));
          out.put(q.text(), new Question(q.id() + ": " + q.text(), r.query(), LocalDate.parse(q.asOf())));
        } catch (CompileException e) {
          // not part of the mix: the service would not run it either
        }
      }
    }
    return new ArrayList<>(out.values());
  }

  /**
   * The embedded default's engine and layout: DuckDB, the shipped Parquet files loaded with the
   * events in time order (as the embedded warehouse stores them), scaled, opened read-only, with
   * and without the model's rollups. The file is deleted afterwards.
   */
  private static void onDuckdb(List<Question> mix, long target, int runs) throws Exception {
    Path dir = Files.createTempDirectory("t2d-bench-duckdb");
    String url = "jdbc:duckdb:" + dir.resolve("warehouse.duckdb");
    try {
      long t0 = System.nanoTime();
      long events;
      try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
        for (String t : List.of("dim_date", "members", "vehicles", "memberships", "claims", "claim_lines", "payments", "app_events",
            "app_event_properties", "phone_calls")) {
          Path parquet = dir.resolve(t + ".parquet");
          try (var in = EnginesEventsBenchmark.class.getClassLoader().getResourceAsStream("warehouse/columnar/" + t + ".parquet")) {
            Files.copy(in, parquet);
          }
          s.execute("CREATE TABLE " + t + " AS SELECT * FROM read_parquet('" + parquet + "')");
          Files.delete(parquet);
        }
        events = EventScaler.scale(c, EventScaler.Engine.DUCKDB, target);
        s.execute("CREATE TABLE app_events_by_time AS SELECT * FROM app_events ORDER BY event_time");
        s.execute("DROP TABLE app_events");
        s.execute("ALTER TABLE app_events_by_time RENAME TO app_events");
      }
      System.out.printf("duckdb: %,d app events ready in %d s%n", events, (System.nanoTime() - t0) / 1_000_000_000);
      RollupStore rollups = RollupStore.external(TestWarehouse.get().model, url, new RollupConfig(true, "text2data_rollups", "bench", "", 1));
      long r0 = System.nanoTime();
      rollups.refresh(AS_OF);
      System.out.printf("duckdb: rollups built in %d ms%n", (System.nanoTime() - r0) / 1_000_000);
      try (Warehouse duck = new Warehouse(WarehouseConfig.external(url, "", "").withStatementTimeout(Duration.ofMinutes(10)).withPool(1, 4))) {
        measure("duckdb", Dialect.DUCKDB, duck, RollupTables.NONE, mix, runs);
        measure("duckdb+rollups", Dialect.DUCKDB, duck, rollups, mix, runs);
      }
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void measure(String engine, Dialect dialect, Warehouse w, RollupTables rollups, List<Question> mix, int runs) throws Exception {
    TestWarehouse tw = TestWarehouse.get();
    List<Long> warm = new ArrayList<>();
    List<Long> eventWarm = new ArrayList<>();
    long cold = 0;
    List<String> failed = new ArrayList<>();
    System.out.printf("| engine | question | cold ms | warm p50 ms | warm max ms |%n|---|---|---|---|---|%n");
    for (Question q : mix) {
      CompiledQuery cq = tw.compiler.compile(q.query(), dialect, q.asOf(), rollups);
      List<Long> ms = new ArrayList<>();
      try {
        for (int i = 0; i <= runs; i++) {
          long t = System.nanoTime();
          w.execute(cq);
          ms.add((System.nanoTime() - t) / 1_000_000);
        }
      } catch (WarehouseException e) {
        failed.add(q.label() + ": " + e.getMessage());
        System.out.printf("| %s | %s | failed | | |%n", engine, q.label());
        continue;
      }
      cold += ms.get(0);
      List<Long> w1 = new ArrayList<>(ms.subList(1, ms.size()));
      warm.addAll(w1);
      if (q.label().startsWith("event: ")) {
        eventWarm.addAll(w1);
      }
      Collections.sort(w1);
      System.out.printf("| %s | %s | %d | %d | %d |%n", engine, q.label(), ms.get(0), percentile(w1, 50), w1.get(w1.size() - 1));
    }
    System.out.printf("BENCH %s: %d questions (%d failed), warm p50 %d ms, p95 %d ms, max %d ms; event questions warm p50 %d ms, p95 %d ms; cold total %d ms%n",
        engine, mix.size(), failed.size(), percentile(warm, 50), percentile(warm, 95), percentile(warm, 100), percentile(eventWarm, 50),
        percentile(eventWarm, 95), cold);
    failed.forEach(f -> System.out.println("FAILED on " + engine + ": " + f));
    FAILURES.addAll(failed.stream().map(f -> engine + ": " + f).toList());
  }

  /** Nearest-rank percentile. */
  static long percentile(List<Long> values, int p) {
    if (values.isEmpty()) {
      return -1;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
