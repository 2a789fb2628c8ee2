package com.carmutual.text2data.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Where Trino's SQL differs from PostgreSQL's, the dialect writes Trino's form; the results are
 * proved equal by {@code TrinoParityTest} on a running Trino.
 */
class TrinoDialectTest {
  @Test
  void trinoJdbcUrlsAreTheTrinoDialect() {
    assertEquals(Dialect.TRINO, Dialect.fromJdbcUrl("jdbc:trino://127.0.0.1:18480/memory/demo"));
    assertThrows(IllegalArgumentException.class, () -> Dialect.fromJdbcUrl("jdbc:clickhouse://127.0.0.1:8123/demo"));
  }

  @Test
  void dateArithmeticUsesDateAddOnTrinoOnly() {
    assertEquals("DATE_ADD('day', 7, c.cohort_date)", Dialect.TRINO.addDays("c.cohort_date", "7"));
    assertEquals("(c.cohort_date + 7)", Dialect.POSTGRES.addDays("c.cohort_date", "7"));
    assertEquals("DATE_TRUNC('week', d)", Dialect.TRINO.weekStart("d"));
    assertEquals("DATE_TRUNC('month', d)", Dialect.TRINO.monthStart("d"));
    assertFalse(Dialect.TRINO.weekStart("d").contains(" - "));
  }

  @Test
  void isoDayOfWeekAndDurationsUseTrinoFunctions() {
    assertEquals("DAY_OF_WEEK(t0.started_at)", Dialect.TRINO.extract("ISODOW", "t0.started_at"));
    assertEquals("EXTRACT(ISODOW FROM t0.started_at)", Dialect.POSTGRES.extract("ISODOW", "t0.started_at"));
    assertEquals("EXTRACT(MONTH FROM x)", Dialect.TRINO.extract("MONTH", "x"));
    assertFalse(Dialect.TRINO.daysBetween("a", "b").contains("EPOCH"));
  }

  @Test
  void percentagesAreDoublesOnTrinoSoTheDivisionKeepsItsDecimals() {
    assertEquals("100.0E0", Dialect.TRINO.hundred());
    assertEquals("100.0", Dialect.POSTGRES.hundred());
  }
}
