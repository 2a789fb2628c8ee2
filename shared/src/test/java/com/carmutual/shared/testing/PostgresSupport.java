package com.carmutual.shared.testing;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * Gives persistence tests a fresh PostgreSQL database when one is reachable (CI: {@code
 * SUITE_TEST_POSTGRES_URL}, else 127.0.0.1:5432 as user postgres), and skips them with a visible
 * message when it is not.
 */
public final class PostgresSupport {
  private static final String URL =
      env("SUITE_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
  private static final String USER = env("SUITE_TEST_POSTGRES_USER", "postgres");
  private static final String PASSWORD = env("SUITE_TEST_POSTGRES_PASSWORD", "");

  private PostgresSupport() {}

  /** True when a PostgreSQL server answers at the configured address. */
  public static boolean available() {
    try {
      java.net.URI uri = java.net.URI.create(URL.substring("jdbc:".length()));
      int port = uri.getPort() < 0 ? 5432 : uri.getPort();
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(uri.getHost(), port), 500);
      }
      try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD)) {
        return c.isValid(2);
      }
    } catch (Exception e) {
      return false;
    }
  }

  /** Skips the calling test, saying why, unless PostgreSQL is reachable. */
  public static void assumeAvailable() {
    boolean ok = available();
    if (!ok) {
      System.err.println(
          "SKIPPED: PostgreSQL not reachable at " + URL + " - PostgreSQL tests run in CI");
    }
    Assumptions.assumeTrue(ok, "PostgreSQL not reachable at " + URL + "; test skipped");
  }

  /**
   * Creates an empty database for one test class and returns the datasource properties that point
   * a service at it.
   */
  public static Map<String, String> freshDatabase(String prefix) {
    String name =
        (prefix + "_" + UUID.randomUUID().toString().substring(0, 8))
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9_]", "_");
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create test database " + name, e);
    }
    String base = URL.substring(0, URL.lastIndexOf('/') + 1);
    return Map.of(
        "datasources.default.url", base + name,
        "datasources.default.username", USER,
        "datasources.default.password", PASSWORD,
        "datasources.default.driver-class-name", "org.postgresql.Driver");
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }
}
