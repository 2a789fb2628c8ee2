package com.carmutual.text2data.compile;

/** The SQL dialects the compiler writes; the few places they differ are methods here. */
public enum Dialect {
  /** The embedded columnar default (in-process DuckDB). */
  DUCKDB,
  POSTGRES,
  /** Where a user points the service at an H2 database (MODE=PostgreSQL). */
  H2;

  /** The dialect of a JDBC URL; refuses engines the compiler does not write for. */
  public static Dialect fromJdbcUrl(String url) {
    if (url == null) {
      throw new IllegalArgumentException("no warehouse JDBC URL");
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return POSTGRES;
    }
    if (url.startsWith("jdbc:duckdb:")) {
      return DUCKDB;
    }
    if (url.startsWith("jdbc:h2:")) {
      return H2;
    }
    throw new IllegalArgumentException("text2data writes SQL for DuckDB, PostgreSQL and H2; not for " + url.replaceAll("\\?.*", ""));
  }

  /** Fractional days from {@code from} to {@code to} (timestamps). */
  String daysBetween(String from, String to) {
    return switch (this) {
      case POSTGRES -> "(EXTRACT(EPOCH FROM (" + to + " - " + from + ")) / 86400.0)";
      case DUCKDB -> "(DATE_DIFF('second', " + from + ", " + to + ") / 86400.0)";
      case H2 -> "(DATEDIFF('SECOND', " + from + ", " + to + ") / 86400.0)";
    };
  }
}
