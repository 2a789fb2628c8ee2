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
    boolean h2 = c.getMetaData().getURL().startsWith("jdbc:h2:");
    try (Statement s = c.createStatement()) {
      run(s, resource(SCHEMA, false));
      c.commit();
      if (h2) {
        // the shipped data is consistent; checking every foreign key row by row triples the load time
        s.execute("SET REFERENTIAL_INTEGRITY FALSE");
      }
      run(s, resource(DATA, true));
      if (h2) {
        s.execute("SET REFERENTIAL_INTEGRITY TRUE");
      }
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

  /**
   * Executes each statement of a script (statements end with ';' at the end of a line). Multi-row
   * INSERTs of literals are run as batched prepared statements: parsing 20 MB of SQL text in the
   * database is several times slower.
   */
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
          execute(s, sb.toString());
          sb.setLength(0);
        }
      }
      if (!sb.toString().isBlank()) {
        execute(s, sb.toString());
      }
    }
  }

  private static final java.util.regex.Pattern INSERT =
      java.util.regex.Pattern.compile("(?is)^\\s*INSERT INTO\\s+(\\w+)\\s*\\(([^)]*)\\)\\s*VALUES\\s*");

  private static void execute(Statement s, String sql) throws SQLException {
    java.util.regex.Matcher m = INSERT.matcher(sql);
    if (!m.find()) {
      s.execute(sql);
      return;
    }
    String[] columns = m.group(2).split(",");
    String insert = "INSERT INTO " + m.group(1) + " (" + m.group(2) + ") VALUES (" + "?, ".repeat(columns.length - 1) + "?)";
    try (java.sql.PreparedStatement ps = s.getConnection().prepareStatement(insert)) {
      Literals in = new Literals(sql, m.end());
      int pending = 0;
      while (in.nextTuple()) {
        for (int i = 1; i <= columns.length; i++) {
          ps.setObject(i, in.value());
        }
        in.endTuple();
        ps.addBatch();
        if (++pending == 1000) {
          ps.executeBatch();
          s.getConnection().commit();
          pending = 0;
        }
      }
      if (pending > 0) {
        ps.executeBatch();
      }
    }
  }

  /** Reads the literal tuples of a VALUES list: numbers, 'strings', NULL, TRUE/FALSE, DATE '..', TIMESTAMP '..'. */
  private static final class Literals {
    private final String s;
    private int i;

    Literals(String s, int start) {
      this.s = s;
      this.i = start;
    }

    boolean nextTuple() {
      skip();
      if (i < s.length() && s.charAt(i) == ',') {
        i++;
        skip();
      }
      if (i >= s.length()) {
        return false;
      }
      expect('(');
      return true;
    }

    void endTuple() {
      skip();
      expect(')');
    }

    Object value() {
      skip();
      if (s.charAt(i) == ',') {
        i++;
        skip();
      }
      char c = s.charAt(i);
      if (c == '\'') {
        return string();
      }
      if (s.regionMatches(true, i, "NULL", 0, 4)) {
        i += 4;
        return null;
      }
      if (s.regionMatches(true, i, "TRUE", 0, 4)) {
        i += 4;
        return Boolean.TRUE;
      }
      if (s.regionMatches(true, i, "FALSE", 0, 5)) {
        i += 5;
        return Boolean.FALSE;
      }
      if (s.regionMatches(true, i, "DATE", 0, 4)) {
        i += 4;
        skip();
        return java.time.LocalDate.parse(string());
      }
      if (s.regionMatches(true, i, "TIMESTAMP", 0, 9)) {
        i += 9;
        skip();
        return java.time.LocalDateTime.parse(string().replace(' ', 'T'));
      }
      int start = i;
      while (i < s.length() && "-+0123456789.eE".indexOf(s.charAt(i)) >= 0) {
        i++;
      }
      String n = s.substring(start, i);
      if (n.isEmpty()) {
        throw new IllegalArgumentException("unexpected text in VALUES at " + start + ": " + s.substring(start, Math.min(s.length(), start + 30)));
      }
      return n.contains(".") || n.contains("e") || n.contains("E") ? new java.math.BigDecimal(n) : (Object) Long.parseLong(n);
    }

    private String string() {
      expect('\'');
      StringBuilder out = new StringBuilder();
      while (true) {
        char c = s.charAt(i++);
        if (c == '\'') {
          if (i < s.length() && s.charAt(i) == '\'') {
            out.append('\'');
            i++;
          } else {
            return out.toString();
          }
        } else {
          out.append(c);
        }
      }
    }

    private void skip() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }

    private void expect(char c) {
      if (i >= s.length() || s.charAt(i) != c) {
        throw new IllegalArgumentException("expected " + c + " in VALUES at " + i);
      }
      i++;
    }
  }
}
