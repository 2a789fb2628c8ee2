package com.carmutual.text2data.warehouse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.GZIPInputStream;

/**
 * Creates the demo warehouse in an empty database: the shipped {@code schema.sql} and the shipped
 * deterministic demo data {@code data.sql.gz} (the data the labelled questions were computed on).
 * Works on H2 and PostgreSQL.
 */
public final class WarehouseLoader {
  public static final String SCHEMA = "warehouse/schema.sql";
  public static final String DATA = "warehouse/data.sql.gz";

  private WarehouseLoader() {}

  /** Runs the schema then the data on {@code c}, in one transaction. */
  public static void load(Connection c) throws SQLException, IOException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      run(s, resource(SCHEMA, false));
      run(s, resource(DATA, true));
      c.commit();
    } catch (SQLException | IOException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
  }

  private static InputStream resource(String path, boolean gzip) throws IOException {
    InputStream in = WarehouseLoader.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IOException(path + " is not on the classpath");
    }
    return gzip ? new GZIPInputStream(in, 1 << 16) : in;
  }

  /** Executes each statement of a script: statements end with ';' at the end of a line. */
  private static void run(Statement s, InputStream script) throws IOException, SQLException {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(script, StandardCharsets.UTF_8), 1 << 16)) {
      StringBuilder sb = new StringBuilder();
      String line;
      while ((line = r.readLine()) != null) {
        String trimmed = line.strip();
        if (trimmed.startsWith("--") || trimmed.isEmpty()) {
          continue;
        }
        sb.append(line).append('\n');
        if (trimmed.endsWith(";")) {
          sb.setLength(sb.lastIndexOf(";"));
          s.execute(sb.toString());
          sb.setLength(0);
        }
      }
      if (!sb.toString().isBlank()) {
        s.execute(sb.toString());
      }
    }
  }
}
