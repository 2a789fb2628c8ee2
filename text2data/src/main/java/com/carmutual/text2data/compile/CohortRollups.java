package com.carmutual.text2data.compile;

import com.carmutual.text2data.model.SemanticModel;
import com.carmutual.text2data.model.SemanticModel.Entity;
import com.carmutual.text2data.model.SemanticModel.Kind;
import com.carmutual.text2data.model.SemanticModel.Rollup;
import com.carmutual.text2data.model.SemanticModel.RollupKind;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Decides whether a retention question can read its cohort and its returns from the cohort rollups
 * with exactly the result the event table gives, and writes those two parts.
 *
 * <p>Why the result is the same: the cohort date read from the events is {@code CAST(MIN(t) AS
 * DATE)} per user, and the first-event table stores {@code CAST(MIN(t) AS DATE)} per user and event
 * name (casting to a date keeps order, so this is also the least day). A user returned on day N when
 * an event falls in {@code [CAST(c + N AS TIMESTAMP), CAST(c + N + 1 AS TIMESTAMP))}, which for a
 * time column without time zone (or a date) is {@code CAST(t AS DATE) = c + N}: one row of the
 * user-days table. Both tables must hold the question's events, be the event entity's, and be
 * complete: the first-event table for every day before the cohort period's end (a first day before
 * the end depends only on earlier events), the user-days table for every day a shown count reads
 * (up to the last cohort day plus the largest N, and never past the data cut, since later counts
 * are NULL).
 */
final class CohortRollups {
  /** The two tables a retention question reads, schema-qualified. */
  record Plan(String firstEvents, String userDays, String userColumn) {
    /** The cohort CTE body: users whose first {@code target} day is in [start, end). */
    String cohort(String target, LocalDate start, LocalDate end) {
      return "SELECT " + userColumn + " AS user_key, first_day AS cohort_date FROM " + firstEvents + " WHERE event_name = " + Sql.str(target)
          + " AND first_day >= " + Sql.date(start) + " AND first_day < " + Sql.date(end);
    }

    /** Joins the user-days rows of {@code event} on day {@code cohortDate + n} (alias {@code u}). */
    String returnedOn(Dialect dialect, String event, String cohortDate, String n) {
      return "JOIN " + userDays + " u ON u." + userColumn + " = c.user_key AND u.event_name = " + Sql.str(event) + " AND u.event_day = CAST("
          + dialect.addDays(cohortDate, n) + " AS DATE)";
    }
  }

  private CohortRollups() {}

  /**
   * The plan for retention of {@code target} by {@code returning} for cohorts in [start, end), up to
   * day {@code maxDay}, asked on {@code asOf}; empty when any condition fails.
   */
  static Optional<Plan> find(SemanticModel model, RollupTables tables, String target, String returning, LocalDate end, int maxDay,
      LocalDate asOf) {
    if (tables == RollupTables.NONE || model.rollups().isEmpty()) {
      return Optional.empty();
    }
    Entity ev = model.eventEntity();
    Kind timeKind = model.columnDimension(ev.name(), ev.timeColumn()).map(SemanticModel.Dimension::kind).orElse(null);
    if (timeKind == null || !timeKind.isTime()) {
      return Optional.empty();
    }
    LocalDate returnsEnd = end.plusDays(maxDay).isBefore(asOf) ? end.plusDays(maxDay) : asOf;
    Optional<String> first = table(model, tables, RollupKind.FIRST_EVENT, target, end);
    Optional<String> days = table(model, tables, RollupKind.USER_DAYS, returning, returnsEnd);
    if (first.isEmpty() || days.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Plan(first.get(), days.get(), ev.userKey()));
  }

  private static Optional<String> table(SemanticModel model, RollupTables tables, RollupKind kind, String event, LocalDate end) {
    for (Rollup r : model.rollups()) {
      if (r.kind() == kind && r.entity().equals(model.eventEntity().name()) && r.covers(event)) {
        Optional<String> t = tables.table(r, end);
        if (t.isPresent()) {
          return t;
        }
      }
    }
    return Optional.empty();
  }
}
