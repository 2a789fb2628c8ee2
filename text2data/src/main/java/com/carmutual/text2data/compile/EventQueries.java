package com.carmutual.text2data.compile;

import com.carmutual.text2data.compile.CompiledQuery.Column;
import com.carmutual.text2data.model.SemanticModel;
import com.carmutual.text2data.model.SemanticModel.Dimension;
import com.carmutual.text2data.model.SemanticModel.Entity;
import com.carmutual.text2data.model.SemanticModel.Kind;
import com.carmutual.text2data.query.SemanticQuery;
import com.carmutual.text2data.query.SemanticQuery.Conversion;
import com.carmutual.text2data.query.SemanticQuery.Filter;
import com.carmutual.text2data.query.SemanticQuery.Retention;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Retention and conversion over app events (PostHog-style): fixed SQL templates filled with
 * model-checked event names and dates. Retention of cohorts that have not reached day N by the
 * data cut (the day before asOf) is NULL, never 0.
 */
final class EventQueries {
  private EventQueries() {}

  /**
   * Day-N retention. With {@code rollups}, the cohort and the returns are read from the cohort
   * rollups when {@link CohortRollups} proves the rows the same; everything after is the same SQL.
   */
  static CompiledQuery retention(SemanticModel model, SemanticQuery q, Dialect dialect, LocalDate asOf, RollupTables rollups) {
    Retention r = q.retention();
    if (r == null) {
      throw new CompileException("a retention query needs retention: {targetEvent, returningEvent, day}");
    }
    requireEvent(model, r.targetEvent());
    requireEvent(model, r.returningEvent());
    if (r.day() < 1 || r.day() > 365) {
      throw new CompileException("retention day must be between 1 and 365");
    }
    if (q.time() == null || q.time().start() == null) {
      throw new CompileException("a retention query needs the cohort period");
    }
    LocalDate start = SqlCompiler.parseDate(q.time().start(), "time.start");
    LocalDate end = SqlCompiler.parseDate(q.time().end(), "time.end");
    boolean byDay = "day".equals(r.cohortGrain());
    Entity ev = model.eventEntity();
    String user = ev.userKey();
    String t = "event_time".equals(ev.timeColumn()) ? "event_time" : ev.timeColumn();
    LocalDate dataThrough = asOf.minusDays(1);
    if (r.days() != null && r.days().size() > 1) {
      return retentionByDay(model, q, dialect, r, start, end, asOf, rollups);
    }
    int n = r.day();
    java.util.Optional<CohortRollups.Plan> plan = CohortRollups.find(model, rollups, r.targetEvent(), r.returningEvent(), end, n, asOf);
    String cohortAndReturned = plan.isPresent()
        ? "WITH cohort AS (" + plan.get().cohort(r.targetEvent(), start, end) + "), "
            + "returned AS (SELECT DISTINCT c.user_key FROM cohort c " + plan.get().returnedOn(dialect, r.returningEvent(), "c.cohort_date",
            Integer.toString(n)) + ") "
        : "WITH first_seen AS (SELECT e." + user + " AS user_key, CAST(MIN(e." + t + ") AS DATE) AS cohort_date FROM " + ev.table()
        + " e WHERE e.event_name = " + Sql.str(r.targetEvent()) + " GROUP BY e." + user + "), "
        + "cohort AS (SELECT user_key, cohort_date FROM first_seen WHERE cohort_date >= " + Sql.date(start) + " AND cohort_date < " + Sql.date(end) + "), "
        + "returned AS (SELECT DISTINCT c.user_key FROM cohort c JOIN " + ev.table() + " e ON e." + user + " = c.user_key AND e.event_name = "
        + Sql.str(r.returningEvent()) + " AND e." + t + " >= CAST(" + dialect.addDays("c.cohort_date", Integer.toString(n)) + " AS TIMESTAMP) AND e." + t
        + " < CAST(" + dialect.addDays("c.cohort_date", Integer.toString(n + 1)) + " AS TIMESTAMP)) ";
    String sql = cohortAndReturned
        + "SELECT " + (byDay ? "c.cohort_date AS cohort_date, " : "") + "COUNT(*) AS cohort_size, "
        + "CASE WHEN " + dialect.addDays("MAX(c.cohort_date)", Integer.toString(n)) + " <= " + Sql.date(dataThrough) + " THEN COUNT(r.user_key) END AS retained_d" + n + ", "
        + "CASE WHEN " + dialect.addDays("MAX(c.cohort_date)", Integer.toString(n)) + " <= " + Sql.date(dataThrough) + " THEN CAST(COUNT(r.user_key) AS DOUBLE PRECISION) / COUNT(*) END AS d"
        + n + "_retention FROM cohort c LEFT JOIN returned r ON r.user_key = c.user_key"
        + (byDay ? " GROUP BY c.cohort_date ORDER BY c.cohort_date" : "") + " LIMIT " + SqlCompiler.limitOf(q, model.rowLimit());
    List<Column> cols = new ArrayList<>();
    if (byDay) {
      cols.add(new Column("cohort_date", "time", "date"));
    }
    cols.add(new Column("cohort_size", "metric", "integer"));
    cols.add(new Column("retained_d" + n, "metric", "integer"));
    cols.add(new Column("d" + n + "_retention", "metric", "ratio"));
    return new CompiledQuery(sql, dialect.name(), cols, model.rowLimit());
  }

  /** Day-N retention for several N at once: one row per N (day_n, cohort_size, retained_users, retention_rate). */
  private static CompiledQuery retentionByDay(SemanticModel model, SemanticQuery q, Dialect dialect, Retention r, LocalDate start, LocalDate end,
      LocalDate asOf, RollupTables rollups) {
    LocalDate dataThrough = asOf.minusDays(1);
    List<Integer> days = r.days().stream().distinct().sorted().toList();
    if (days.size() > 12 || days.get(0) < 1 || days.get(days.size() - 1) > 365) {
      throw new CompileException("retention days must be between 1 and 365, at most 12 of them");
    }
    java.util.Optional<CohortRollups.Plan> plan =
        CohortRollups.find(model, rollups, r.targetEvent(), r.returningEvent(), end, days.get(days.size() - 1), asOf);
    Entity ev = model.eventEntity();
    String user = ev.userKey();
    String t = ev.timeColumn();
    StringBuilder dayRows = new StringBuilder();
    for (int i = 0; i < days.size(); i++) {
      dayRows.append(i == 0 ? "SELECT " + days.get(i) + " AS day_n" : " UNION ALL SELECT " + days.get(i));
    }
    String cohortAndReturned = plan.isPresent()
        ? "WITH cohort AS (" + plan.get().cohort(r.targetEvent(), start, end) + "), days AS (" + dayRows + "), "
            + "returned AS (SELECT DISTINCT d.day_n, c.user_key FROM cohort c CROSS JOIN days d "
            + plan.get().returnedOn(dialect, r.returningEvent(), "c.cohort_date", "d.day_n") + "), "
        : "WITH first_seen AS (SELECT e." + user + " AS user_key, CAST(MIN(e." + t + ") AS DATE) AS cohort_date FROM " + ev.table()
        + " e WHERE e.event_name = " + Sql.str(r.targetEvent()) + " GROUP BY e." + user + "), "
        + "cohort AS (SELECT user_key, cohort_date FROM first_seen WHERE cohort_date >= " + Sql.date(start) + " AND cohort_date < " + Sql.date(end) + "), "
        + "days AS (" + dayRows + "), "
        + "returned AS (SELECT DISTINCT d.day_n, c.user_key FROM cohort c CROSS JOIN days d JOIN " + ev.table() + " e ON e." + user
        + " = c.user_key AND e.event_name = " + Sql.str(r.returningEvent()) + " AND e." + t + " >= CAST(" + dialect.addDays("c.cohort_date", "d.day_n") + " AS TIMESTAMP) AND e." + t
        + " < CAST(" + dialect.addDays("c.cohort_date", "d.day_n + 1") + " AS TIMESTAMP)), ";
    String sql = cohortAndReturned
        + "sizes AS (SELECT COUNT(*) AS cohort_size, MAX(cohort_date) AS last_cohort FROM cohort) "
        + "SELECT d.day_n, s.cohort_size, CASE WHEN " + dialect.addDays("s.last_cohort", "d.day_n") + " <= " + Sql.date(dataThrough) + " THEN COUNT(r.user_key) END AS retained_users, "
        + "CASE WHEN " + dialect.addDays("s.last_cohort", "d.day_n") + " <= " + Sql.date(dataThrough) + " THEN CAST(COUNT(r.user_key) AS DOUBLE PRECISION) / NULLIF(s.cohort_size, 0) END AS retention_rate "
        + "FROM days d CROSS JOIN sizes s LEFT JOIN returned r ON r.day_n = d.day_n GROUP BY d.day_n, s.cohort_size, s.last_cohort ORDER BY d.day_n";
    List<Column> cols = List.of(new Column("day_n", "dimension", "integer"), new Column("cohort_size", "metric", "integer"),
        new Column("retained_users", "metric", "integer"), new Column("retention_rate", "metric", "ratio"));
    return new CompiledQuery(sql, dialect.name(), cols, model.rowLimit());
  }

  /**
   * An ordered funnel (PostHog's default): users whose first step falls in the period, each later
   * step done after the previous one and within the window counted from the first step.
   */
  static CompiledQuery funnel(SemanticModel model, SemanticQuery q, Dialect dialect) {
    var f = q.funnel();
    if (f == null || f.steps() == null || f.steps().size() < 2) {
      throw new CompileException("a funnel needs at least two steps");
    }
    if (f.steps().size() > 10) {
      throw new CompileException("a funnel has at most 10 steps");
    }
    f.steps().forEach(e -> requireEvent(model, e));
    if (f.windowDays() < 1 || f.windowDays() > 365) {
      throw new CompileException("funnel window must be between 1 and 365 days");
    }
    if (q.time() == null || q.time().start() == null) {
      throw new CompileException("a funnel needs the period of its first step");
    }
    LocalDate start = SqlCompiler.parseDate(q.time().start(), "time.start");
    LocalDate end = SqlCompiler.parseDate(q.time().end(), "time.end");
    Entity ev = model.eventEntity();
    String user = ev.userKey();
    String t = ev.timeColumn();
    StringBuilder sql = new StringBuilder("WITH s1 AS (SELECT e." + user + " AS user_key, MIN(e." + t + ") AS t1 FROM " + ev.table()
        + " e WHERE e.event_name = " + Sql.str(f.steps().get(0)) + " AND e." + t + " >= " + Sql.timestamp(start) + " AND e." + t + " < "
        + Sql.timestamp(end) + " GROUP BY e." + user + ")");
    for (int i = 2; i <= f.steps().size(); i++) {
      String prev = "s" + (i - 1);
      sql.append(", s").append(i).append(" AS (SELECT p.user_key, p.t1, MIN(e.").append(t).append(") AS t").append(i).append(" FROM ")
          .append(prev).append(" p JOIN ").append(ev.table()).append(" e ON e.").append(user).append(" = p.user_key AND e.event_name = ")
          .append(Sql.str(f.steps().get(i - 1))).append(" AND e.").append(t).append(" > p.t").append(i - 1).append(" AND e.").append(t)
          .append(" <= p.t1 + INTERVAL '").append(f.windowDays()).append("' DAY GROUP BY p.user_key, p.t1)");
    }
    sql.append(" ");
    for (int i = 1; i <= f.steps().size(); i++) {
      sql.append(i == 1 ? "SELECT " : " UNION ALL SELECT ").append(i).append(" AS step, ").append(Sql.str(f.steps().get(i - 1)))
          .append(" AS event_name, COUNT(*) AS users FROM s").append(i);
    }
    sql.append(" ORDER BY step");
    List<Column> cols = List.of(new Column("step", "dimension", "integer"), new Column("event_name", "dimension", "text"),
        new Column("users", "metric", "integer"));
    return new CompiledQuery(sql.toString(), dialect.name(), cols, model.rowLimit());
  }

  static CompiledQuery conversion(SemanticModel model, SemanticQuery q, Dialect dialect, SqlCompiler compiler) {
    Conversion c = q.conversion();
    if (c == null) {
      throw new CompileException("a conversion query needs conversion: {baseEvent, conversionEvent, windowDays}");
    }
    if (c.baseMetric() != null || c.conversionMetric() != null) {
      return EntityConversion.compile(model, q, dialect, compiler);
    }
    requireEvent(model, c.baseEvent());
    requireEvent(model, c.conversionEvent());
    if (c.windowDays() < 1 || c.windowDays() > 365) {
      throw new CompileException("conversion window must be between 1 and 365 days");
    }
    if (q.time() == null || q.time().start() == null) {
      throw new CompileException("a conversion query needs the period of the base event");
    }
    LocalDate start = SqlCompiler.parseDate(q.time().start(), "time.start");
    LocalDate end = SqlCompiler.parseDate(q.time().end(), "time.end");
    Entity ev = model.eventEntity();
    String user = ev.userKey();
    String t = ev.timeColumn();
    SqlCompiler.FromClause from = compiler.new FromClause(ev, dialect);
    List<String> breakdown = new ArrayList<>();
    List<Column> cols = new ArrayList<>();
    for (String dn : q.dimensions()) {
      Dimension d = model.dimension(dn).orElseThrow(() -> new CompileException("unknown dimension " + dn));
      if (d.kind() == Kind.USER_FIRST_EVENT_PROPERTY && d.event().equals(c.baseEvent())) {
        d = new Dimension(d.name(), "event", null, Kind.EVENT_PROPERTY, d.propertyKey(), null, d.synonyms(), d.values(), d.valueSets(), false, d.aliases());
      }
      breakdown.add(compiler.dimensionExpr(from, d));
      cols.add(new Column(SqlCompiler.columnName(dn), "dimension", "text"));
    }
    List<String> where = new ArrayList<>();
    where.add("t0.event_name = " + Sql.str(c.baseEvent()));
    where.add("t0." + t + " >= " + Sql.timestamp(start) + " AND t0." + t + " < " + Sql.timestamp(end));
    for (Filter f : q.filters()) {
      where.add(compiler.filterCondition(from, f));
    }
    StringBuilder base = new StringBuilder("SELECT t0." + user + " AS user_key, t0." + t + " AS base_time");
    for (int i = 0; i < breakdown.size(); i++) {
      base.append(", ").append(breakdown.get(i)).append(" AS d").append(i);
    }
    base.append(" FROM ").append(from.sql()).append(" WHERE ").append(String.join(" AND ", where));
    List<String> dcols = new ArrayList<>();
    for (int i = 0; i < breakdown.size(); i++) {
      dcols.add("b.d" + i + " AS " + cols.get(i).name());
    }
    String group = breakdown.isEmpty() ? "" : " GROUP BY " + String.join(", ", dcols.stream().map(s -> s.substring(0, s.indexOf(" AS "))).toList());
    String sql = "WITH base AS (" + base + "), converted AS (SELECT DISTINCT b.user_key FROM base b JOIN " + ev.table() + " s ON s." + user
        + " = b.user_key AND s.event_name = " + Sql.str(c.conversionEvent()) + " AND s." + t + " > b.base_time AND s." + t
        + " <= b.base_time + INTERVAL '" + c.windowDays() + "' DAY) SELECT " + (dcols.isEmpty() ? "" : String.join(", ", dcols) + ", ")
        + "COUNT(DISTINCT b.user_key) AS base_users, COUNT(DISTINCT cv.user_key) AS converted_users, "
        + "CAST(COUNT(DISTINCT cv.user_key) AS DOUBLE PRECISION) / NULLIF(COUNT(DISTINCT b.user_key), 0) AS conversion_rate "
        + "FROM base b LEFT JOIN converted cv ON cv.user_key = b.user_key" + group
        + (breakdown.isEmpty() ? "" : " ORDER BY conversion_rate DESC, " + cols.get(0).name() + " ASC")
        + " LIMIT " + SqlCompiler.limitOf(q, model.rowLimit());
    cols.add(new Column("base_users", "metric", "integer"));
    cols.add(new Column("converted_users", "metric", "integer"));
    cols.add(new Column("conversion_rate", "metric", "ratio"));
    return new CompiledQuery(sql, dialect.name(), cols, model.rowLimit());
  }

  private static void requireEvent(SemanticModel model, String event) {
    if (event == null || !model.events().containsKey(event)) {
      throw new CompileException("unknown app event " + event + "; known: " + model.events().keySet());
    }
  }
}
