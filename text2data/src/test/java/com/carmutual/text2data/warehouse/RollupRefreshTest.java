package com.carmutual.text2data.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.shared.testing.PostgresSupport;
import com.carmutual.text2data.compile.CompiledQuery;
import com.carmutual.text2data.compile.Dialect;
import com.carmutual.text2data.compile.SqlCompiler;
import com.carmutual.text2data.model.SemanticModel;
import com.carmutual.text2data.model.SemanticModel.Rollup;
import com.carmutual.text2data.model.SemanticModelException;
import com.carmutual.text2data.model.SemanticModelLoader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.carmutual.text2data.query.SemanticQuery;
import com.carmutual.text2data.query.SemanticQuery.Retention;
import com.carmutual.text2data.query.SemanticQuery.TimeSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Incremental refresh on an external warehouse (H2 here, written by its own rollup user): new days
 * and late events of the newest stored day are picked up, the result equals a rollup built from
 * scratch, older days are not recomputed, and the compiler is offered a rollup only for periods
 * that end by the day of its last refresh.
 */
class RollupRefreshTest {
  private static final String URL = "jdbc:h2:mem:t2d_rollup_refresh;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
  private SemanticModel model;
  private Connection admin;
  private long nextId = 1;

  @BeforeEach
  void smallEventTable() throws Exception {
    model = SemanticModelLoader.load("classpath:semantic-model.yaml");
    admin = DriverManager.getConnection(URL, "sa", "");
    try (Statement s = admin.createStatement()) {
      s.execute("DROP ALL OBJECTS");
      s.execute("CREATE TABLE app_events (event_id BIGINT PRIMARY KEY, user_id VARCHAR(16), member_id BIGINT, event_name VARCHAR(32), "
          + "event_time TIMESTAMP, platform VARCHAR(8), app_version VARCHAR(8), properties VARCHAR(1000))");
    }
    event("u1", "app_open", "2025-06-10 08:00", "ios");
    event("u1", "app_open", "2025-06-10 09:00", "ios");
    event("u2", "app_open", "2025-06-10 23:59", "android");
    event("u2", "view_quote", "2025-06-11 10:00", "android");
    event("u3", "app_open", "2025-06-11 11:00", "ios");
  }

  @Test
  void refreshPicksUpNewDaysAndLateEventsAndEqualsAFullBuild() throws Exception {
    RollupStore store = RollupStore.external(model, URL, new RollupConfig(true, "t2d_rollups", "sa", "", 1));
    store.refresh(LocalDate.parse("2025-06-12"));
    Rollup byName = rollup("daily_events_by_name");
    assertEquals(rows(store.select(byName, null)), stored(byName));

    event("u3", "app_open", "2025-06-11 22:00", "ios"); // late event of the newest stored day
    event("u4", "app_open", "2025-06-12 07:00", "android"); // a new day
    event("u9", "app_open", "2025-06-01 12:00", "ios"); // far older than the lookback: not recomputed
    store.refresh(LocalDate.parse("2025-06-13"));

    List<String> full = rows(store.select(byName, null));
    List<String> kept = stored(byName);
    assertTrue(!full.equals(kept), "the event older than the lookback is not in the rollup");
    full.removeIf(r -> r.startsWith("2025-06-01"));
    assertEquals(full, kept);
    assertTrue(kept.contains("2025-06-11|app_open|ios|2|1"), kept.toString());
    assertTrue(kept.contains("2025-06-12|app_open|android|1|1"), kept.toString());
  }

  @Test
  void aRollupIsOfferedOnlyForPeriodsEndingByItsLastRefresh() {
    RollupStore store = RollupStore.external(model, URL, new RollupConfig(true, "t2d_rollups2", "sa", "", 1));
    Rollup r = rollup("daily_users_by_platform");
    assertTrue(store.table(r, LocalDate.parse("2025-06-12")).isEmpty(), "not built yet");
    store.refresh(LocalDate.parse("2025-06-12"));
    assertEquals("t2d_rollups2.rollup_daily_users_by_platform", store.table(r, LocalDate.parse("2025-06-12")).orElseThrow());
    assertTrue(store.table(r, LocalDate.parse("2025-06-13")).isEmpty(), "today's events after the refresh are not in it");
    assertTrue(store.table(r, null).isEmpty(), "all of history includes today");
  }

  @Test
  void cohortTablesRefreshIncrementallyAndEqualAFullBuildOnH2() throws Exception {
    cohortTablesRefreshIncrementally(URL, "sa", "", admin, Dialect.H2);
  }

  @Test
  void cohortTablesRefreshIncrementallyAndEqualAFullBuildOnPostgres() throws Exception {
    PostgresSupport.assumeAvailable();
    Map<String, String> db = PostgresSupport.freshDatabase("t2d_cohort_refresh");
    String url = db.get("datasources.default.url");
    try (Connection pg = DriverManager.getConnection(url, db.get("datasources.default.username"), db.get("datasources.default.password"))) {
      try (Statement s = pg.createStatement()) {
        s.execute("CREATE TABLE app_events (event_id BIGINT PRIMARY KEY, user_id VARCHAR(16), member_id BIGINT, event_name VARCHAR(32), "
            + "event_time TIMESTAMP, platform VARCHAR(8), app_version VARCHAR(8), properties VARCHAR(1000))");
        s.execute("INSERT INTO app_events SELECT * FROM (VALUES "
            + "(1, 'u1', NULL::BIGINT, 'app_open', TIMESTAMP '2025-06-10 08:00:00', 'ios', '1.0', NULL::VARCHAR), "
            + "(2, 'u1', NULL, 'app_open', TIMESTAMP '2025-06-10 09:00:00', 'ios', '1.0', NULL), "
            + "(3, 'u2', NULL, 'app_open', TIMESTAMP '2025-06-10 23:59:00', 'android', '1.0', NULL), "
            + "(4, 'u2', NULL, 'view_quote', TIMESTAMP '2025-06-11 10:00:00', 'android', '1.0', NULL), "
            + "(5, 'u3', NULL, 'app_open', TIMESTAMP '2025-06-11 11:00:00', 'ios', '1.0', NULL)) v");
      }
      nextId = 6;
      cohortTablesRefreshIncrementally(url, db.get("datasources.default.username"), db.get("datasources.default.password"), pg,
          Dialect.POSTGRES);
    }
  }

  /**
   * The cohort tables after an incremental refresh equal a full build (but for events older than the
   * lookback): late events within the lookback, a user whose first event moves a day earlier, the
   * NULL user key (one group, as in the retention query), new days; and retention read from them
   * gives the rows the events give.
   */
  private void cohortTablesRefreshIncrementally(String url, String user, String password, Connection db, Dialect dialect) throws Exception {
    Connection saved = admin;
    admin = db;
    try {
      event(null, "app_open", "2025-06-11 09:00", "ios");
      RollupStore store = RollupStore.external(model, url, new RollupConfig(true, "t2d_cohorts", user, password, 1));
      store.refresh(LocalDate.parse("2025-06-12"));
      Rollup first = rollup("user_first_event");
      Rollup days = rollup("user_event_days");
      assertEquals(rows(store.select(first, null)), storedIn("t2d_cohorts", first));
      assertEquals(rows(store.select(days, null)), storedIn("t2d_cohorts", days));
      assertTrue(storedIn("t2d_cohorts", first).contains("2025-06-11|u3|app_open"), storedIn("t2d_cohorts", first).toString());
      // a row store gets the lookup index the retention SQL needs (without it the rollup was slower than the events)
      for (Rollup r : List.of(first, days)) {
        assertTrue(indexNames(db, "t2d_cohorts", r.table()).contains(r.table() + "_lookup"), r.name() + ": " + indexNames(db, "t2d_cohorts", r.table()));
      }

      event("u3", "app_open", "2025-06-10 12:00", "ios"); // late: u3's first app_open moves to the day before (within the lookback)
      event(null, "app_open", "2025-06-10 07:00", "ios"); // the NULL user's too
      event("u1", "app_open", "2025-06-12 08:00", "ios"); // a returning user on a new day: first day unchanged
      event("u2", "view_quote", "2025-06-12 10:00", "android");
      event("u4", "app_open", "2025-06-12 07:00", "android"); // a new user
      event("u9", "app_open", "2025-06-01 12:00", "ios"); // older than the lookback: not picked up
      store.refresh(LocalDate.parse("2025-06-13"));

      for (Rollup r : List.of(first, days)) {
        List<String> full = rows(store.select(r, null));
        List<String> kept = storedIn("t2d_cohorts", r);
        assertTrue(!full.equals(kept), r.name() + ": the event older than the lookback is not in the rollup");
        full.removeIf(row -> row.contains("|u9|"));
        assertEquals(full, kept, r.name());
      }
      List<String> firsts = storedIn("t2d_cohorts", first);
      assertTrue(firsts.contains("2025-06-10|u3|app_open"), firsts.toString());
      assertTrue(firsts.contains("2025-06-10|null|app_open"), firsts.toString());
      assertTrue(firsts.contains("2025-06-10|u1|app_open") && firsts.contains("2025-06-11|u2|view_quote")
          && firsts.contains("2025-06-12|u4|app_open"), firsts.toString());
      assertEquals(1, firsts.stream().filter(r -> r.contains("|u3|app_open")).count(), firsts.toString());
      assertEquals(1, firsts.stream().filter(r -> r.contains("|null|app_open")).count(), firsts.toString());
      assertTrue(storedIn("t2d_cohorts", days).contains("2025-06-12|u1|app_open"));

      SqlCompiler compiler = new SqlCompiler(model);
      LocalDate asOf = LocalDate.parse("2025-06-13");
      for (Retention r : List.of(new Retention("app_open", "app_open", 1, "day"), new Retention("app_open", "app_open", 2, null),
          new Retention("app_open", "view_quote", 1, null, List.of(1, 2)), new Retention("view_quote", "view_quote", 1, "day"))) {
        SemanticQuery q = new SemanticQuery("retention", null, null, null, new TimeSpec(null, "2025-06-09", "2025-06-13", "day", null), null,
            null, null, null, r, null);
        CompiledQuery plain = compiler.compile(q, dialect, asOf);
        CompiledQuery fromRollups = compiler.compile(q, dialect, asOf, store);
        assertTrue(fromRollups.sql().contains("t2d_cohorts.rollup_user_first_event") && fromRollups.sql().contains("t2d_cohorts.rollup_user_event_days"),
            fromRollups.sql());
        List<String> expected = rows(plain.sql(), false);
        assertEquals(expected, rows(fromRollups.sql(), false), r.toString());
        assertTrue(!expected.isEmpty());
      }
      // a period ending after the last refresh reads the events
      SemanticQuery later = new SemanticQuery("retention", null, null, null, new TimeSpec(null, "2025-06-09", "2025-06-14", "day", null), null,
          null, null, null, new Retention("app_open", "app_open", 1, null), null);
      assertTrue(!compiler.compile(later, dialect, LocalDate.parse("2025-06-15"), store).sql().contains("rollup_"));
    } finally {
      admin = saved;
    }
  }

  @Test
  void cohortRollupsAreOfferedOnlyWhenTheyHoldTheDaysAQuestionReads() {
    RollupStore store = RollupStore.external(model, URL, new RollupConfig(true, "t2d_cohorts2", "sa", "", 1));
    store.refresh(LocalDate.parse("2025-06-12"));
    SqlCompiler compiler = new SqlCompiler(model);
    // day-7 returns of May cohorts fall by 2025-06-07: both tables hold them
    SemanticQuery may = new SemanticQuery("retention", null, null, null, new TimeSpec(null, "2025-05-01", "2025-06-01", "day", null), null,
        null, null, null, new Retention("app_install", "app_open", 7, null), null);
    assertTrue(compiler.compile(may, Dialect.H2, LocalDate.parse("2025-06-12"), store).sql().contains("t2d_cohorts2.rollup_user_event_days"));
    // June 1-7 cohorts: asked on 2025-06-20 their day-7 returns (to 2025-06-14) are shown, but the refresh of 2025-06-12 does not hold
    // them, so the events are read; asked on 2025-06-12 only returns through 2025-06-11 are shown (later ones are NULL), which it holds
    SemanticQuery june = new SemanticQuery("retention", null, null, null, new TimeSpec(null, "2025-06-01", "2025-06-08", "day", null), null,
        null, null, null, new Retention("app_install", "app_open", 7, null), null);
    assertTrue(!compiler.compile(june, Dialect.H2, LocalDate.parse("2025-06-20"), store).sql().contains("rollup_"));
    assertTrue(compiler.compile(june, Dialect.H2, LocalDate.parse("2025-06-12"), store).sql().contains("rollup_user_first_event"));
  }

  @Test
  void cohortRollupDeclarationsAreChecked() throws Exception {
    String yaml;
    try (java.io.InputStream in = getClass().getClassLoader().getResourceAsStream("semantic-model.yaml")) {
      yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    assertEquals(SemanticModel.RollupKind.FIRST_EVENT, rollup("user_first_event").kind());
    assertEquals(SemanticModel.RollupKind.USER_DAYS, rollup("user_event_days").kind());
    assertEquals(SemanticModel.RollupKind.DAILY, rollup("daily_users_by_platform").kind());
    for (String[] bad : List.of(
        new String[] {"kind: user_days", "kind: weekly_users", "kind is daily, first_event or user_days"},
        new String[] {"kind: user_days\n", "kind: user_days\n    dimensions: [event.platform]\n", "fixed columns"},
        new String[] {"kind: first_event\n", "kind: first_event\n    events: [app_install, no_such_event]\n", "unknown event no_such_event"},
        new String[] {"kind: first_event\n    entity: event", "kind: first_event\n    entity: claim", "needs the event entity"})) {
      String changed = yaml.replace(bad[0], bad[1]);
      assertTrue(!changed.equals(yaml), bad[0]);
      SemanticModelException e = org.junit.jupiter.api.Assertions.assertThrows(SemanticModelException.class,
          () -> SemanticModelLoader.parse(new java.io.ByteArrayInputStream(changed.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "t.yaml"));
      assertTrue(e.getMessage().contains(bad[2]), e.getMessage());
    }
    String limited = yaml.replace("kind: user_days\n", "kind: user_days\n    events: [app_open, view_quote]\n");
    SemanticModel m = SemanticModelLoader.parse(new java.io.ByteArrayInputStream(limited.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "t.yaml");
    Rollup days = m.rollups().stream().filter(r -> r.name().equals("user_event_days")).findFirst().orElseThrow();
    assertTrue(days.covers("app_open") && !days.covers("submit_claim"));
    // a question whose returning event the user-days table does not keep reads the events
    RollupStore store = RollupStore.external(m, URL, new RollupConfig(true, "t2d_cohorts3", "sa", "", 1));
    store.refresh(LocalDate.parse("2025-06-12"));
    SqlCompiler compiler = new SqlCompiler(m);
    for (String returning : List.of("app_open", "submit_claim")) {
      SemanticQuery q = new SemanticQuery("retention", null, null, null, new TimeSpec(null, "2025-06-01", "2025-06-05", "day", null), null,
          null, null, null, new Retention("app_install", returning, 1, null), null);
      assertEquals(returning.equals("app_open"), compiler.compile(q, Dialect.H2, LocalDate.parse("2025-06-12"), store).sql().contains("rollup_"));
    }
  }

  private List<String> storedIn(String schema, Rollup r) throws Exception {
    return rows("SELECT * FROM " + schema + "." + r.table());
  }

  private Rollup rollup(String name) {
    return model.rollups().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  private static List<String> indexNames(Connection db, String schema, String table) throws Exception {
    List<String> names = new java.util.ArrayList<>();
    try (java.sql.ResultSet rs = db.getMetaData().getIndexInfo(null, schema, table, false, false)) {
      while (rs.next()) {
        names.add(String.valueOf(rs.getString("INDEX_NAME")).toLowerCase(java.util.Locale.ROOT));
      }
    }
    return names;
  }

  private void event(String user, String name, String time, String platform) throws Exception {
    try (Statement s = admin.createStatement()) {
      s.execute("INSERT INTO app_events VALUES (" + nextId++ + ", " + (user == null ? "NULL" : "'" + user + "'") + ", NULL, '" + name + "', TIMESTAMP '" + time + ":00', '"
          + platform + "', '1.0', NULL)");
    }
  }

  private List<String> stored(Rollup r) throws Exception {
    return rows("SELECT * FROM t2d_rollups." + r.table());
  }

  /** Rows as "day|dims...|measures...", sorted. Cohort tables: "day|user|event". */
  private List<String> rows(String sql) throws Exception {
    return rows(sql, true);
  }

  /** Rows as "a|b|...", sorted when asked; a first column that is a day or timestamp is written as the day. */
  private List<String> rows(String sql, boolean sorted) throws Exception {
    List<String> out = new ArrayList<>();
    try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      int dayColumn = 1;
      for (int i = 1; i <= n; i++) {
        String name = rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
        if (name.equals("first_day") || name.equals("event_day")) {
          dayColumn = i;
        }
      }
      while (rs.next()) {
        if (!sorted) {
          List<String> values = new ArrayList<>();
          for (int i = 1; i <= n; i++) {
            values.add(String.valueOf(rs.getObject(i)));
          }
          out.add(String.join("|", values));
          continue;
        }
        String first = rs.getString(dayColumn);
        StringBuilder sb = new StringBuilder(first.length() >= 10 ? first.substring(0, 10) : first);
        for (int i = 1; i <= n; i++) {
          if (i == dayColumn) {
            continue;
          }
          sb.append('|').append(rs.getString(i));
        }
        out.add(sb.toString());
      }
    }
    if (sorted) {
      out.sort(null);
    }
    return out;
  }
}
