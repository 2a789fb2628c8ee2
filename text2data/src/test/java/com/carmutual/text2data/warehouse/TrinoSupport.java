package com.carmutual.text2data.warehouse;

import com.carmutual.shared.testing.PostgresSupport;
import com.carmutual.text2data.compile.Dialect;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Assumptions;

/**
 * The demo warehouse on the local single-node Trino of {@code deploy/local/trino.sh}, in its
 * {@code memory} catalog, for engine tests. Starts the server (or reuses a running one), loads the
 * demo data once per server (schema.sql + data.sql.gz into a PostgreSQL database by {@link
 * WarehouseLoader}, then {@code CREATE TABLE memory.demo.t AS SELECT * FROM postgresql.public.t}),
 * and skips the calling test, saying why, where Trino cannot run: {@code -Dtrino.skip=true}, no
 * Java 24+, trino-server not downloadable, PostgreSQL not reachable, or the server not starting.
 *
 * <p>Settings: {@code -Dtrino.port} (else {@code TRINO_PORT}, else 18480); the script's own
 * settings through the environment.
 */
public final class TrinoSupport {
  /** The PostgreSQL database the postgresql catalog reads; filled only while loading. */
  static final String SOURCE_DATABASE = "t2d_trino_source";
  static final String MARKER = "text2data_demo_loaded";
  private static final String USER = "text2data";
  private static String url;
  private static String skipReason;
  private static boolean sourceCopied;

  private TrinoSupport() {}

  /** The JDBC URL of the demo warehouse on Trino ({@code memory.demo}); skips the test when Trino cannot run. */
  public static synchronized String demoWarehouseUrl() {
    if (url == null && skipReason == null) {
      long t0 = System.nanoTime();
      try {
        url = startAndLoad();
        System.out.printf("trino demo warehouse ready in %d ms (%s)%n", (System.nanoTime() - t0) / 1_000_000, url);
      } catch (SkipException e) {
        skipReason = e.getMessage();
      } catch (Exception e) {
        skipReason = "Trino did not start or load: " + e.getMessage();
      }
    }
    if (skipReason != null) {
      System.err.println("SKIPPED: " + skipReason + " - Trino tests run where deploy/local/trino.sh can start it");
    }
    Assumptions.assumeTrue(skipReason == null, skipReason);
    return url;
  }

  /** A connection to the demo warehouse on Trino, as the tests' user. */
  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(demoWarehouseUrl(), USER, null);
  }

  /** The compiler's dialect for Trino. */
  public static Dialect dialect() {
    return Dialect.TRINO;
  }

  static int port() {
    String p = System.getProperty("trino.port", System.getenv("TRINO_PORT"));
    return p == null || p.isBlank() ? 18480 : Integer.parseInt(p.strip());
  }

  private static String startAndLoad() throws Exception {
    if (Boolean.getBoolean("trino.skip")) {
      throw new SkipException("Trino tests disabled by -Dtrino.skip=true");
    }
    if (!PostgresSupport.available()) {
      throw new SkipException("Trino's demo warehouse is loaded through PostgreSQL, which is not reachable");
    }
    Path script = script();
    Path lock = Path.of(System.getProperty("user.home"), ".cache", "carmutual", "trino", "load-" + port() + ".lock");
    Files.createDirectories(lock.getParent());
    // one JVM at a time starts the server and loads the data; the others then find it loaded
    try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock ignored = ch.lock()) {
      long t0 = System.nanoTime();
      String jdbc = run(script, "start");
      long started = (System.nanoTime() - t0) / 1_000_000;
      String fingerprint = fingerprint();
      try (Connection c = DriverManager.getConnection(jdbc, USER, null)) {
        if (!fingerprint.equals(loadedFingerprint(c))) {
          long t1 = System.nanoTime();
          load(c, fingerprint);
          System.out.printf("trino: started or reused in %d ms, demo loaded in %d ms%n", started, (System.nanoTime() - t1) / 1_000_000);
        }
      }
      return jdbc;
    }
  }

  /** deploy/local/trino.sh, from the module directory (where surefire runs) or the repository root. */
  private static Path script() throws SkipException {
    for (Path p : List.of(Path.of("../deploy/local/trino.sh"), Path.of("deploy/local/trino.sh"))) {
      if (Files.isRegularFile(p)) {
        return p.toAbsolutePath().normalize();
      }
    }
    throw new SkipException("deploy/local/trino.sh not found from " + Path.of("").toAbsolutePath());
  }

  /** Runs the script; its last output line is the JDBC URL. Exit 3 means Trino cannot run here. */
  private static String run(Path script, String command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), command).redirectErrorStream(true);
    pb.environment().put("TRINO_PORT", Integer.toString(port()));
    pb.environment().put("TRINO_POSTGRES_URL", postgresUrl(SOURCE_DATABASE));
    pb.environment().put("TRINO_POSTGRES_USER", env("SUITE_TEST_POSTGRES_USER", "postgres"));
    pb.environment().put("TRINO_POSTGRES_PASSWORD", env("SUITE_TEST_POSTGRES_PASSWORD", ""));
    Process p = pb.start();
    String out;
    try (InputStream in = p.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
    if (!p.waitFor(15, TimeUnit.MINUTES)) {
      p.destroy();
      throw new SkipException("deploy/local/trino.sh " + command + " did not finish");
    }
    System.out.println(out);
    String[] lines = out.split("\n");
    String last = lines[lines.length - 1].strip();
    if (p.exitValue() != 0 || !last.startsWith("jdbc:trino:")) {
      throw new SkipException("deploy/local/trino.sh " + command + " exited " + p.exitValue() + ": " + last);
    }
    return last;
  }

  private static String loadedFingerprint(Connection c) {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT fingerprint FROM memory.demo." + MARKER)) {
      return rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      return null; // not loaded yet
    }
  }

  /**
   * Copies a PostgreSQL database that holds exactly the demo warehouse (and has no open connection)
   * as the source of the next load, which then skips loading the shipped files again. A copy within
   * PostgreSQL takes a second or two; {@link #dropSource} removes it if no load used it.
   */
  public static synchronized void copySourceFrom(String database) {
    if (Boolean.getBoolean("trino.skip")) {
      return;
    }
    try (Connection pg = DriverManager.getConnection(postgresUrl("postgres"), env("SUITE_TEST_POSTGRES_USER", "postgres"),
        env("SUITE_TEST_POSTGRES_PASSWORD", ""));
        Statement s = pg.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + SOURCE_DATABASE + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + SOURCE_DATABASE + " TEMPLATE " + database);
      sourceCopied = true;
    } catch (SQLException e) {
      System.out.println("trino: could not copy " + database + " (" + e.getMessage() + "); the load will read the shipped files");
    }
  }

  /** Drops the source database a {@link #copySourceFrom} left if no load used it. */
  public static synchronized void dropSource() throws SQLException {
    if (sourceCopied) {
      try (Connection pg = DriverManager.getConnection(postgresUrl("postgres"), env("SUITE_TEST_POSTGRES_USER", "postgres"),
          env("SUITE_TEST_POSTGRES_PASSWORD", ""));
          Statement s = pg.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + SOURCE_DATABASE + " WITH (FORCE)");
      }
      sourceCopied = false;
    }
  }

  /**
   * Fills the demo schema of the memory catalog: the shipped warehouse into a fresh PostgreSQL
   * database (or the copy {@link #copySourceFrom} made), each of its tables copied into memory, the
   * database dropped again. The marker table is written last, so an interrupted load is redone.
   */
  private static void load(Connection trino, String fingerprint) throws Exception {
    String admin = postgresUrl("postgres");
    String pgUser = env("SUITE_TEST_POSTGRES_USER", "postgres");
    String pgPassword = env("SUITE_TEST_POSTGRES_PASSWORD", "");
    boolean copied = sourceCopied;
    if (!copied) {
      try (Connection pg = DriverManager.getConnection(admin, pgUser, pgPassword);
          Statement s = pg.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + SOURCE_DATABASE + " WITH (FORCE)");
        s.execute("CREATE DATABASE " + SOURCE_DATABASE);
      }
    }
    sourceCopied = false;
    try {
      List<String> tables = new ArrayList<>();
      try (Connection source = DriverManager.getConnection(postgresUrl(SOURCE_DATABASE), pgUser, pgPassword)) {
        if (!copied) {
          WarehouseLoader.load(source);
        }
        try (ResultSet rs = source.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
          while (rs.next()) {
            tables.add(rs.getString("TABLE_NAME"));
          }
        }
      }
      try (Statement s = trino.createStatement()) {
        s.execute("CREATE SCHEMA IF NOT EXISTS memory.demo");
        List<String> existing = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SHOW TABLES FROM memory.demo")) {
          while (rs.next()) {
            existing.add(rs.getString(1));
          }
        }
        for (String t : existing) {
          s.execute("DROP TABLE memory.demo." + t);
        }
        for (String t : tables) {
          s.execute("CREATE TABLE memory.demo." + t + " AS SELECT * FROM postgresql.public." + t);
        }
        s.execute("CREATE TABLE memory.demo." + MARKER + " AS SELECT '" + fingerprint + "' AS fingerprint, current_timestamp AS loaded_at");
      }
    } finally {
      try (Connection pg = DriverManager.getConnection(admin, pgUser, pgPassword);
          Statement s = pg.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + SOURCE_DATABASE + " WITH (FORCE)");
      }
    }
  }

  /** Identifies the shipped demo data, so a server loaded from older data is reloaded. */
  private static String fingerprint() throws IOException {
    CRC32 crc = new CRC32();
    for (String path : List.of(WarehouseLoader.SCHEMA, WarehouseLoader.DATA)) {
      try (InputStream in = TrinoSupport.class.getClassLoader().getResourceAsStream(path)) {
        if (in == null) {
          throw new IOException(path + " is not on the classpath");
        }
        crc.update(in.readAllBytes());
      }
    }
    return Long.toHexString(crc.getValue());
  }

  /** A database on the PostgreSQL server the tests use (SUITE_TEST_POSTGRES_URL, else 127.0.0.1:5432). */
  static String postgresUrl(String database) {
    String base = env("SUITE_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    return base.substring(0, base.lastIndexOf('/') + 1) + database;
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  /** Trino cannot run here; the reason is the skip message. */
  private static final class SkipException extends Exception {
    SkipException(String message) {
      super(message);
    }
  }
}
