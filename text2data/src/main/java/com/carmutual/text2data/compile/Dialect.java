package com.carmutual.text2data.compile;

/** The SQL dialects the compiler writes; the few places they differ are methods here. */
public enum Dialect {
  H2,
  POSTGRES;

  /** The dialect of a JDBC URL; anything not PostgreSQL is treated as H2 (the embedded default). */
  public static Dialect fromJdbcUrl(String url) {
    return url != null && url.startsWith("jdbc:postgresql:") ? POSTGRES : H2;
  }

  /** Fractional days from {@code from} to {@code to} (timestamps). */
  String daysBetween(String from, String to) {
    return this == POSTGRES
        ? "(EXTRACT(EPOCH FROM (" + to + " - " + from + ")) / 86400.0)"
        : "(DATEDIFF('SECOND', " + from + ", " + to + ") / 86400.0)";
  }
}
