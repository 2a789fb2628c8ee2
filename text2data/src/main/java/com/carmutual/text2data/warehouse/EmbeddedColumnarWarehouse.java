package com.carmutual.text2data.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.duckdb.DuckDBConnection;

/**
 * The embedded warehouse: DuckDB in this process, built at start-up from the shipped Parquet files
 * (about a second) into a database file that is then attached read-only. Query connections cannot
 * write to it, read or write other files, attach databases, or change settings (DuckDB's
 * {@code enable_external_access} and {@code lock_configuration}). Rollup tables live in a second,
 * writable database attached as {@code rollups}, written only by the service's rollup refresh.
 */
final class EmbeddedColumnarWarehouse implements AutoCloseable {
  /** The demo warehouse's tables, one Parquet file each under {@code warehouse/columnar/}. */
  static final List<String> TABLES = List.of("dim_date", "members", "vehicles", "memberships", "claims", "claim_lines",
      "payments", "app_events", "app_event_properties", "phone_calls");
  /**
   * Fact tables are stored in time order, as an analytic warehouse clusters them, so DuckDB's
   * per-row-group min/max skips what a period excludes.
   */
  private static final java.util.Map<String, String> CLUSTERED_BY = java.util.Map.of(
      "app_events", "event_time", "payments", "paid_at", "claims", "filed_at", "phone_calls", "started_at");
  static final String CATALOG = "warehouse";
  static final String ROLLUP_CATALOG = "rollups";

  private final Path dir;
  private final DuckDBConnection root;

  private EmbeddedColumnarWarehouse(Path dir, DuckDBConnection root) {
    this.dir = dir;
    this.root = root;
  }

  static EmbeddedColumnarWarehouse start(WarehouseConfig config) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("text2data-warehouse-");
      Properties settings = new Properties();
      settings.setProperty("memory_limit", config.memoryLimit());
      settings.setProperty("threads", Integer.toString(config.threads()));
      settings.setProperty("temp_directory", dir.resolve("spill").toString());
      DuckDBConnection root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:", settings);
      try (Statement s = root.createStatement()) {
        Path file = dir.resolve("warehouse.duckdb");
        s.execute("ATTACH '" + file + "' AS build");
        for (String table : TABLES) {
          Path parquet = dir.resolve(table + ".parquet");
          copyResource("warehouse/columnar/" + table + ".parquet", parquet);
          String order = CLUSTERED_BY.get(table);
          s.execute("CREATE TABLE build.main." + table + " AS SELECT * FROM read_parquet('" + parquet + "')"
              + (order == null ? "" : " ORDER BY " + order));
          Files.delete(parquet);
        }
        s.execute("DETACH build");
        s.execute("ATTACH '" + file + "' AS " + CATALOG + " (READ_ONLY)");
        s.execute("ATTACH '" + dir.resolve("rollups.duckdb") + "' AS " + ROLLUP_CATALOG);
        s.execute("USE " + CATALOG);
        s.execute("SET enable_external_access = false");
        s.execute("SET lock_configuration = true");
      }
      return new EmbeddedColumnarWarehouse(dir, root);
    } catch (SQLException | IOException e) {
      deleteQuietly(dir);
      throw new IllegalStateException("cannot start the embedded warehouse: " + e.getMessage(), e);
    }
  }

  /** Connections to the one in-process database (each a duplicate of the root connection), for the pool. */
  DataSource dataSource() {
    return new DuplicatingDataSource(root);
  }

  @Override
  public void close() {
    try {
      root.close();
    } catch (SQLException ignored) {
      // closing anyway
    }
    deleteQuietly(dir);
  }

  private static void copyResource(String resource, Path to) throws IOException {
    try (InputStream in = EmbeddedColumnarWarehouse.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException(resource + " is not on the classpath");
      }
      Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary directory; the OS cleans it eventually
    }
  }

  /** A DataSource over one DuckDB instance; HikariCP bounds and recycles what it hands out. */
  private record DuplicatingDataSource(DuckDBConnection root) implements DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      Connection c = root.duplicate();
      try (Statement s = c.createStatement()) {
        s.execute("USE " + CATALOG);
      }
      return c;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
      // no log writer
    }

    @Override
    public void setLoginTimeout(int seconds) {
      // in process: nothing to wait for
    }

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
