package com.carmutual.text2data.warehouse;

import com.carmutual.text2data.compile.CompiledQuery;
import com.carmutual.text2data.compile.CompiledQuery.Column;
import com.carmutual.text2data.compile.Dialect;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analytics warehouse, reached over its own JDBC connections (never the service's database).
 * Every query runs on a read-only connection inside a read-only transaction that is rolled back,
 * with a statement timeout and a forced row limit. The embedded demo warehouse is queried through a
 * SELECT-only database user.
 */
@Singleton
public class Warehouse {
  private static final Logger LOG = LoggerFactory.getLogger(Warehouse.class);
  private static final String DEMO_READER = "T2D_READER";
  /** One password per JVM, so several warehouses on the same embedded database agree. */
  private static final String DEMO_PASSWORD = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));

  private final WarehouseConfig config;
  private final String url;
  private final String username;
  private final String password;
  private final Dialect dialect;
  private final BlockingQueue<Connection> idle;

  public Warehouse(WarehouseConfig config) {
    this.config = config;
    this.idle = new ArrayBlockingQueue<>(config.poolSize() == null ? 4 : Math.max(1, config.poolSize()));
    if (config.embedded()) {
      this.password = DEMO_PASSWORD;
      startDemo(config.demoJdbcUrl());
      // settings such as DB_CLOSE_DELAY need admin rights; the SELECT-only user connects without them
      this.url = config.demoJdbcUrl().replaceAll("(?i);DB_CLOSE_DELAY=[^;]*", "");
      this.username = DEMO_READER;
    } else {
      this.url = config.url();
      this.username = config.username() == null ? "" : config.username();
      this.password = config.password() == null ? "" : config.password();
    }
    this.dialect = Dialect.fromJdbcUrl(url);
  }

  public Dialect dialect() {
    return dialect;
  }

  /** The JDBC URL queries go to (without credentials). */
  public String url() {
    return url;
  }

  /** Creates and fills the embedded demo warehouse once per JVM, and a SELECT-only user for queries. */
  private void startDemo(String adminUrl) {
    try (Connection admin = DriverManager.getConnection(adminUrl, "sa", "");
        Statement s = admin.createStatement()) {
      boolean loaded;
      // the marker table is created only after a complete load, so an interrupted load is redone
      try (ResultSet rs = s.executeQuery(
          "SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = 'text2data_demo_loaded'")) {
        loaded = rs.next() && rs.getInt(1) > 0;
      }
      if (!loaded) {
        long t0 = System.nanoTime();
        WarehouseLoader.load(admin);
        s.execute("CREATE TABLE text2data_demo_loaded (loaded_at TIMESTAMP)");
        s.execute("INSERT INTO text2data_demo_loaded VALUES (CURRENT_TIMESTAMP)");
        LOG.info("embedded demo warehouse loaded in {} ms ({})", (System.nanoTime() - t0) / 1_000_000, adminUrl);
      }
      s.execute("CREATE USER IF NOT EXISTS " + DEMO_READER + " PASSWORD '" + password + "'");
      s.execute("ALTER USER " + DEMO_READER + " SET PASSWORD '" + password + "'");
      s.execute("GRANT SELECT ON SCHEMA PUBLIC TO " + DEMO_READER);
    } catch (Exception e) {
      throw new IllegalStateException("cannot start the embedded demo warehouse: " + e.getMessage(), e);
    }
  }

  /** A read-only connection from the small pool; give it back with {@link #release}. */
  public Connection acquire() throws SQLException {
    Connection c = idle.poll();
    while (c != null && !c.isValid(1)) {
      closeQuietly(c);
      c = idle.poll();
    }
    if (c == null) {
      c = DriverManager.getConnection(url, username, password);
      c.setReadOnly(true);
      c.setAutoCommit(false);
    }
    return c;
  }

  public void release(Connection c) {
    try {
      c.rollback();
      if (!idle.offer(c)) {
        c.close();
      }
    } catch (SQLException e) {
      closeQuietly(c);
    }
  }

  /** Runs compiler-produced SQL read-only, bounded by the statement timeout and the row limit. */
  public QueryResult execute(CompiledQuery q) {
    long t0 = System.nanoTime();
    Connection c = null;
    try {
      c = acquire();
      if (dialect == Dialect.POSTGRES) {
        try (Statement s = c.createStatement()) {
          s.execute("SET TRANSACTION READ ONLY");
        }
      }
      try (PreparedStatement ps = c.prepareStatement(q.sql())) {
        ps.setQueryTimeout((int) Math.max(1, config.timeout().toSeconds()));
        ps.setMaxRows(q.rowLimit() + 1);
        ps.setFetchSize(500);
        try (ResultSet rs = ps.executeQuery()) {
          ResultSetMetaData md = rs.getMetaData();
          int n = md.getColumnCount();
          List<String> names = new ArrayList<>(n);
          for (int i = 1; i <= n; i++) {
            names.add(md.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT));
          }
          List<List<Object>> rows = new ArrayList<>();
          boolean truncated = false;
          while (rs.next()) {
            if (rows.size() >= q.rowLimit()) {
              truncated = true;
              break;
            }
            List<Object> row = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
              String format = i - 1 < q.columns().size() ? q.columns().get(i - 1).format() : "text";
              row.add(value(rs.getObject(i), format));
            }
            rows.add(row);
          }
          return new QueryResult(names, rows, truncated, (System.nanoTime() - t0) / 1_000_000);
        }
      }
    } catch (SQLException e) {
      throw new WarehouseException("the warehouse could not run the query: " + e.getMessage(), e);
    } finally {
      if (c != null) {
        release(c);
      }
    }
  }

  /** A JDBC value as a JSON-friendly value; numbers rounded for their column's format. */
  static Object value(Object v, String format) {
    if (v == null) {
      return null;
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    if (v instanceof Timestamp ts) {
      LocalDateTime t = ts.toLocalDateTime();
      return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString();
    }
    if (v instanceof java.time.LocalDate d) {
      return d.toString();
    }
    if (v instanceof java.time.OffsetDateTime t) {
      return t.toLocalDate().toString();
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short) {
      return ((Number) v).longValue();
    }
    if (v instanceof Number num) {
      BigDecimal b = num instanceof BigDecimal bd ? bd : BigDecimal.valueOf(num.doubleValue());
      int scale = switch (format) {
        case "integer" -> 0;
        case "ratio" -> 4;
        default -> 2;
      };
      b = b.setScale(scale, RoundingMode.HALF_UP);
      return scale == 0 ? (Object) b.longValue() : (Object) b.doubleValue();
    }
    return v.toString();
  }

  /** Column descriptions for a compiled query (used by explanations and charts). */
  public static List<Column> columns(CompiledQuery q) {
    return q.columns();
  }


  /**
   * Distinct values (up to 200) of category dimensions whose values the model leaves open, such as
   * cities and brands, so questions can name them.
   */
  public java.util.Map<String, List<String>> openValues(com.carmutual.text2data.model.SemanticModel model) {
    java.util.Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    Connection c = null;
    try {
      c = acquire();
      for (var d : model.dimensions().values()) {
        if (d.kind() != com.carmutual.text2data.model.SemanticModel.Kind.CATEGORY || d.closedValues() || d.entityLevel() || d.synonyms().isEmpty()) {
          continue;
        }
        String table = model.entities().get(d.entity()).table();
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement()) {
          s.setQueryTimeout(10);
          s.setMaxRows(201);
          try (ResultSet rs = s.executeQuery("SELECT DISTINCT " + d.column() + " FROM " + table + " WHERE " + d.column() + " IS NOT NULL")) {
            while (rs.next()) {
              values.add(rs.getString(1));
            }
          }
        }
        if (values.size() <= 200) {
          out.put(d.name(), values);
        }
      }
    } catch (SQLException e) {
      LOG.warn("could not read dimension values from the warehouse: {}", e.getMessage());
    } finally {
      if (c != null) {
        release(c);
      }
    }
    return out;
  }

  @PreDestroy
  void close() {
    Connection c;
    while ((c = idle.poll()) != null) {
      closeQuietly(c);
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // already broken
    }
  }
}
