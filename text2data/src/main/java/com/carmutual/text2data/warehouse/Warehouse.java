package com.carmutual.text2data.warehouse;

import com.carmutual.text2data.compile.CompiledQuery;
import com.carmutual.text2data.compile.CompiledQuery.Column;
import com.carmutual.text2data.compile.Dialect;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import jakarta.annotation.PreDestroy;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analytics warehouse, reached over its own bounded HikariCP pool (never the service's
 * database). Every query runs on a read-only connection inside a transaction that is rolled back,
 * with a statement timeout and a forced row limit. At most {@code pool + queue} questions are in
 * the warehouse or waiting for it; more are refused at once with 503 and {@code Retry-After}, so a
 * burst cannot grow memory or threads. Blank url: the embedded columnar warehouse (DuckDB).
 */
@Context
@Order(Ordered.HIGHEST_PRECEDENCE)
public class Warehouse implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Warehouse.class);

  private final WarehouseConfig config;
  private final String url;
  private final Dialect dialect;
  /** The pool (and the embedded warehouse behind it), once built; built on its own thread for the embedded default. */
  private final CompletableFuture<Ready> ready;
  private final Semaphore admission;

  private record Ready(HikariDataSource pool, EmbeddedColumnarWarehouse embedded) {}

  /**
   * An external warehouse is reached at once. The embedded one is built on its own thread from here
   * on (the first eager bean), so that it loads on the second core while the context and the service's
   * database start on the first (docs/adr/1902); the first use waits for it, and a failed build fails
   * that use as it would have failed here.
   */
  public Warehouse(WarehouseConfig config) {
    this.config = config;
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("text2data-warehouse");
    hikari.setMaximumPoolSize(config.pool());
    hikari.setMinimumIdle(Math.min(1, config.pool()));
    hikari.setConnectionTimeout(Math.max(250, config.waitForConnection().toMillis()));
    hikari.setAutoCommit(false);
    if (config.embedded()) {
      this.url = "jdbc:duckdb:(embedded demo warehouse)";
      this.ready = new CompletableFuture<>();
      Thread build = new Thread(() -> build(hikari), "text2data-warehouse-build");
      build.setDaemon(true);
      build.start();
    } else {
      this.url = config.url();
      hikari.setJdbcUrl(config.url());
      hikari.setUsername(config.username() == null ? "" : config.username());
      hikari.setPassword(config.password() == null ? "" : config.password());
      if (config.url().startsWith("jdbc:duckdb:")) {
        // DuckDB sets read-only per database when it is opened (a connection may only confirm it)
        hikari.addDataSourceProperty("duckdb.read_only", "true");
      }
      hikari.setReadOnly(true);
      this.ready = CompletableFuture.completedFuture(new Ready(new HikariDataSource(hikari), null));
    }
    this.dialect = config.embedded() ? Dialect.DUCKDB : Dialect.fromJdbcUrl(url);
    this.admission = new Semaphore(config.pool() + config.queue(), true);
  }

  private void build(HikariConfig hikari) {
    long t0 = System.nanoTime();
    EmbeddedColumnarWarehouse embedded = null;
    try {
      embedded = EmbeddedColumnarWarehouse.start(config);
      hikari.setDataSource(embedded.dataSource());
      ready.complete(new Ready(new HikariDataSource(hikari), embedded));
      LOG.info("embedded columnar warehouse ready in {} ms", (System.nanoTime() - t0) / 1_000_000);
    } catch (RuntimeException | Error e) {
      if (embedded != null) {
        embedded.close();
      }
      ready.completeExceptionally(e);
    }
  }

  /** The pool, waiting for the embedded warehouse's build if it is still running; its failure, rethrown. */
  private Ready ready() {
    try {
      return ready.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new WarehouseException("the embedded warehouse could not be built: " + cause, cause);
    }
  }

  public Dialect dialect() {
    return dialect;
  }

  /** The JDBC URL queries go to (without credentials). */
  public String url() {
    return url;
  }

  /** A read-only connection from the pool; give it back with {@link #release}. */
  public Connection acquire() throws SQLException {
    return ready().pool().getConnection();
  }

  public void release(Connection c) {
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // the pool discards a broken connection on close
    }
    closeQuietly(c);
  }

  /** Connections for writing rollup tables; only the embedded warehouse has one built in (else empty). */
  java.util.Optional<javax.sql.DataSource> embeddedRollupWriter() {
    if (!config.embedded()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(ready().embedded().dataSource());
  }

  public boolean isEmbedded() {
    return config.embedded();
  }

  /** Runs compiler-produced SQL read-only, bounded by the statement timeout and the row limit. */
  public QueryResult execute(CompiledQuery q) {
    if (!admission.tryAcquire()) {
      throw new WarehouseBusyException(config.pool() + config.queue());
    }
    long t0 = System.nanoTime();
    Connection c = null;
    try {
      try {
        c = acquire();
      } catch (SQLTransientConnectionException e) {
        throw new WarehouseBusyException(config.pool() + config.queue());
      }
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
      admission.release();
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
  @Override
  public void close() {
    Ready r;
    try {
      r = ready.join(); // a build still running is waited for, so that its files are removed too
    } catch (CompletionException e) {
      return; // nothing was opened
    }
    r.pool().close();
    if (r.embedded() != null) {
      r.embedded().close();
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
