package com.carmutual.text2data.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Scales the demo warehouse's app events inside the engine that holds it, the same way on every
 * engine so the scaled warehouses hold the same rows: copy k (1..n) of each demo event gets event id
 * {@code event_id + k * 1,000,000}, user id {@code 'c' || k || user_id} and no member (a copy is a
 * new app user), same name, time, platform, version and properties; its properties rows follow. Time
 * and event mix stay those of the demo. Nothing leaves the engine: the copies are one INSERT ...
 * SELECT over a generated series per table.
 */
final class EventScaler {
  /** How an engine writes "the numbers 1..n as a table with column k". */
  enum Engine {
    POSTGRES("generate_series(1, %d) g(k)"),
    DUCKDB("range(1, %d + 1) g(k)"),
    TRINO("UNNEST(sequence(1, %d)) g(k)");

    private final String series;

    Engine(String series) {
      this.series = series;
    }

    String series(long n) {
      return String.format(series, n);
    }
  }

  /** Demo event ids stay below this, so copies never collide. */
  static final long ID_STRIDE = 1_000_000L;

  private EventScaler() {}

  /** Copies needed so the demo's {@code base} events reach at least {@code target}. */
  static long copies(long base, long target) {
    return Math.max(0, (target + base - 1) / base - 1);
  }

  /**
   * Adds copies of the demo events to {@code app_events} and {@code app_event_properties} (in the
   * connection's current schema) until there are at least {@code target} events; returns the
   * number of events now there. Only for a warehouse that holds exactly the demo data.
   */
  static long scale(Connection c, Engine engine, long target) throws SQLException {
    try (Statement s = c.createStatement()) {
      long base = count(s);
      long n = copies(base, target);
      if (n > 0) {
        copy(s, engine, n);
      }
      if (engine == Engine.POSTGRES) {
        // the indexes the compiler's event queries need beyond schema.sql (see docs/benchmarks.md)
        s.execute("CREATE INDEX IF NOT EXISTS ix_events_time ON app_events(event_time)");
        s.execute("CREATE INDEX IF NOT EXISTS ix_event_props_key_value ON app_event_properties(prop_key, prop_value, event_id)");
        s.execute("ANALYZE");
      }
      return count(s);
    }
  }

  private static void copy(Statement s, Engine engine, long n) throws SQLException {
    if (engine == Engine.POSTGRES) {
      // the copies reference no member; the key check would cost a lookup per row
      s.execute("ALTER TABLE app_event_properties DROP CONSTRAINT IF EXISTS app_event_properties_event_id_fkey");
    }
    String k = engine == Engine.TRINO ? "CAST(g.k AS BIGINT)" : "g.k";
    s.execute("INSERT INTO app_events (event_id, user_id, member_id, event_name, event_time, platform, app_version, properties) "
        + "SELECT e.event_id + " + k + " * " + ID_STRIDE + ", 'c' || CAST(" + k + " AS VARCHAR) || e.user_id, NULL, e.event_name, e.event_time, "
        + "e.platform, e.app_version, e.properties FROM app_events e CROSS JOIN " + engine.series(n) + " WHERE e.event_id < " + ID_STRIDE);
    s.execute("INSERT INTO app_event_properties (event_id, prop_key, prop_value) "
        + "SELECT p.event_id + " + k + " * " + ID_STRIDE + ", p.prop_key, p.prop_value FROM app_event_properties p CROSS JOIN "
        + engine.series(n) + " WHERE p.event_id < " + ID_STRIDE);
  }

  private static long count(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM app_events")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
