package com.carmutual.text2data.bench;

import com.carmutual.shared.testing.PostgresSupport;
import com.carmutual.text2data.TestWarehouse;
import com.carmutual.text2data.compile.CompiledQuery;
import com.carmutual.text2data.compile.Dialect;
import com.carmutual.text2data.parse.ParseRequest;
import com.carmutual.text2data.parse.ParseResult;
import com.carmutual.text2data.warehouse.Warehouse;
import com.carmutual.text2data.warehouse.WarehouseConfig;
import com.carmutual.text2data.warehouse.WarehouseLoader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Query time on PostgreSQL with app_events scaled up inside the database (the demo events copied
 * with new user ids by generate_series, so time and event mix stay realistic). Run with
 * {@code mvn -B -o -pl text2data test -Dtest=PostgresEventsBenchmark -Dbenchmark=true -Devents=10000000}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class PostgresEventsBenchmark {
  static final List<String> QUESTIONS = EventQuestions.ALL;

  @Test
  void eventQueriesOnScaledAppEvents() throws Exception {
    PostgresSupport.assumeAvailable();
    long target = Long.parseLong(System.getProperty("events", "10000000"));
    Map<String, String> db = PostgresSupport.freshDatabase("t2d_bench");
    String url = db.get("datasources.default.url");
    long t0 = System.nanoTime();
    try (Connection c = DriverManager.getConnection(url, db.get("datasources.default.username"), db.get("datasources.default.password"));
        Statement s = c.createStatement()) {
      WarehouseLoader.load(c);
      long base;
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM app_events")) {
        rs.next();
        base = rs.getLong(1);
      }
      long copies = Math.max(0, (target + base - 1) / base - 1);
      System.out.printf("demo loaded in %d s; copying %d events %d times%n", (System.nanoTime() - t0) / 1_000_000_000, base, copies);
      long t1 = System.nanoTime();
      s.execute("ALTER TABLE app_event_properties DROP CONSTRAINT IF EXISTS app_event_properties_event_id_fkey");
      s.execute("INSERT INTO app_events (event_id, user_id, member_id, event_name, event_time, platform, app_version, properties) "
          + "SELECT e.event_id + k * 1000000, 'c' || k || e.user_id, NULL, e.event_name, e.event_time, e.platform, e.app_version, e.properties "
          + "FROM app_events e CROSS JOIN generate_series(1, " + copies + ") k");
      s.execute("INSERT INTO app_event_properties (event_id, prop_key, prop_value) SELECT p.event_id + k * 1000000, p.prop_key, p.prop_value "
          + "FROM app_event_properties p CROSS JOIN generate_series(1, " + copies + ") k");
      // the indexes the compiler's event queries need beyond schema.sql (see docs/benchmarks.md)
      s.execute("CREATE INDEX IF NOT EXISTS ix_events_time ON app_events(event_time)");
      s.execute("CREATE INDEX IF NOT EXISTS ix_event_props_key_value ON app_event_properties(prop_key, prop_value, event_id)");
      s.execute("ANALYZE");
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM app_events")) {
        rs.next();
        System.out.printf("app_events now %d rows (generated in %d s)%n", rs.getLong(1), (System.nanoTime() - t1) / 1_000_000_000);
      }
    }
    TestWarehouse tw = TestWarehouse.get();
    Warehouse pg = new Warehouse(WarehouseConfig.external(url, db.get("datasources.default.username"), db.get("datasources.default.password"))
        .withStatementTimeout(Duration.ofMinutes(10)).withPool(1, 0));
    LocalDate asOf = LocalDate.parse("2025-06-18");
    for (String q : QUESTIONS) {
      ParseResult r = tw.parser.parse(new ParseRequest(q, asOf.toString(), null, List.of()));
      CompiledQuery cq = tw.compiler.compile(r.query(), Dialect.POSTGRES, asOf);
      List<Long> ms = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        long t = System.nanoTime();
        pg.execute(cq);
        ms.add((System.nanoTime() - t) / 1_000_000);
      }
      List<Long> warm = new ArrayList<>(ms.subList(1, ms.size()));
      Collections.sort(warm);
      System.out.printf("| %s | %d | %d | %d |%n", q, ms.get(0), warm.get(warm.size() / 2), warm.get(warm.size() - 1));
    }
  }
}
