package com.carmutual.text2data.compile;

/** The SQL dialects the compiler writes; the few places they differ are methods here. */
public enum Dialect {
  /** The embedded columnar default (in-process DuckDB). */
  DUCKDB,
  POSTGRES,
  /** Where a user points the service at an H2 database (MODE=PostgreSQL). */
  H2,
  /** The distributed engine (docs/adr/1901-distributed-engine-trino.md). */
  TRINO;

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
    if (url.startsWith("jdbc:trino:")) {
      return TRINO;
    }
    throw new IllegalArgumentException("text2data writes SQL for DuckDB, PostgreSQL, H2 and Trino; not for " + url.replaceAll("\\?.*", ""));
  }

  /** Fractional days from {@code from} to {@code to} (timestamps). */
  String daysBetween(String from, String to) {
    return switch (this) {
      case POSTGRES -> "(EXTRACT(EPOCH FROM (" + to + " - " + from + ")) / 86400.0)";
      case DUCKDB -> "(DATE_DIFF('second', " + from + ", " + to + ") / 86400.0)";
      case H2 -> "(DATEDIFF('SECOND', " + from + ", " + to + ") / 86400.0)";
      // 86400.0 would be an exact decimal whose division keeps one decimal place
      case TRINO -> "(DATE_DIFF('millisecond', " + from + ", " + to + ") / 86400000.0E0)";
    };
  }

  /** The DATE {@code days} days after {@code date} (Trino has no {@code date + integer}). */
  String addDays(String date, String days) {
    return this == TRINO ? "DATE_ADD('day', " + days + ", " + date + ")" : "(" + date + " + " + days + ")";
  }

  /** The Monday (ISO week start) of a DATE. */
  String weekStart(String date) {
    return this == TRINO ? "DATE_TRUNC('week', " + date + ")" : "(" + date + " - CAST(EXTRACT(ISODOW FROM " + date + ") AS INTEGER) + 1)";
  }

  /** The first day of the month of a DATE. */
  String monthStart(String date) {
    return this == TRINO ? "DATE_TRUNC('month', " + date + ")" : "(" + date + " - CAST(EXTRACT(DAY FROM " + date + ") AS INTEGER) + 1)";
  }

  /** {@code EXTRACT(field FROM expr)}; Trino names the ISO day of the week {@code day_of_week}. */
  String extract(String field, String expr) {
    return this == TRINO && field.equals("ISODOW") ? "DAY_OF_WEEK(" + expr + ")" : "EXTRACT(" + field + " FROM " + expr + ")";
  }

  /**
   * The factor of a percentage. Trino reads {@code 100.0} as an exact decimal and keeps its one decimal
   * place through the division that follows, so there it is a double.
   */
  String hundred() {
    return this == TRINO ? "100.0E0" : "100.0";
  }
}
