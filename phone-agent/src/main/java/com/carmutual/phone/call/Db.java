package com.carmutual.phone.call;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Plain JDBC on the service's data source, for the few places that need a conditional update and an
 * insert in one transaction (optimistic turn locking, outbox claims). One SQL dialect serves H2 in
 * PostgreSQL mode and PostgreSQL.
 */
@Singleton
public final class Db {
  private final DataSource dataSource;

  Db(DataSource dataSource) {
    this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
  }

  /** A unit of work on one connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** A row mapper. */
  @FunctionalInterface
  public interface Rows<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /** Runs {@code work} in one transaction; rolls back on any exception. */
  public <T> T tx(Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        T out = work.run(c);
        c.commit();
        return out;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw new DbException(e);
    }
  }

  public int update(String sql, Object... args) {
    return tx(c -> update(c, sql, args));
  }

  public <T> List<T> query(String sql, Rows<T> rows, Object... args) {
    return tx(c -> query(c, sql, rows, args));
  }

  public static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      return ps.executeUpdate();
    }
  }

  public static <T> List<T> query(Connection c, String sql, Rows<T> rows, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(rows.map(rs));
        }
        return out;
      }
    }
  }

  public static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      if (a instanceof Instant inst) {
        ps.setTimestamp(i + 1, Timestamp.from(inst));
      } else {
        ps.setObject(i + 1, a);
      }
    }
  }

  /** A database failure (ours, not the caller's). */
  public static final class DbException extends RuntimeException {
    DbException(SQLException e) {
      super(e.getMessage(), e);
    }

    public boolean duplicateKey() {
      return getCause() instanceof SQLException s && "23505".equals(s.getSQLState());
    }
  }
}
