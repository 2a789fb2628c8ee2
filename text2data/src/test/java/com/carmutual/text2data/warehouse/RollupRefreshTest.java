package com.carmutual.text2data.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.text2data.model.SemanticModel;
import com.carmutual.text2data.model.SemanticModel.Rollup;
import com.carmutual.text2data.model.SemanticModelLoader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

  private Rollup rollup(String name) {
    return model.rollups().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  private void event(String user, String name, String time, String platform) throws Exception {
    try (Statement s = admin.createStatement()) {
      s.execute("INSERT INTO app_events VALUES (" + nextId++ + ", '" + user + "', NULL, '" + name + "', TIMESTAMP '" + time + ":00', '"
          + platform + "', '1.0', NULL)");
    }
  }

  private List<String> stored(Rollup r) throws Exception {
    return rows("SELECT * FROM t2d_rollups." + r.table());
  }

  /** Rows as "day|dims...|measures...", sorted. */
  private List<String> rows(String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        StringBuilder sb = new StringBuilder(rs.getString(1).substring(0, 10));
        for (int i = 2; i <= n; i++) {
          sb.append('|').append(rs.getString(i));
        }
        out.add(sb.toString());
      }
    }
    out.sort(null);
    return out;
  }
}
