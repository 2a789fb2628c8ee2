package com.carmutual.text2data.compile;

import com.carmutual.text2data.compile.CompiledQuery.Column;
import com.carmutual.text2data.query.SemanticQuery;
import com.carmutual.text2data.query.SemanticQuery.Compare;
import com.carmutual.text2data.query.SemanticQuery.TimeSpec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Period over period for every period of a range (each month of this year against the month before, 每个季度的环比:
 * quarters"): the series is computed from one period before the range, each period compared with
 * the one before it (LAG), and the extra leading period dropped.
 */
final class SeriesComparison {
  private SeriesComparison() {}

  /** A comparison whose unit is the query's own grain. */
  static boolean applies(SemanticQuery q) {
    Compare c = q.compare();
    return c != null && q.time() != null && q.time().grain() != null && q.time().grain().equals(c.unit()) && q.time().start() != null;
  }

  static CompiledQuery compile(SqlCompiler compiler, SemanticQuery q, Dialect dialect, LocalDate asOf) {
    Compare c = q.compare();
    if (c.value() != 1) {
      throw new CompileException("a period-over-period series compares each period with the one before it");
    }
    if (q.cumulative() != null || q.share() != null || Boolean.TRUE.equals(q.ties())) {
      throw new CompileException("a period-over-period series cannot also be a running total, a share or a top list");
    }
    LocalDate start = SqlCompiler.parseDate(q.time().start(), "time.start");
    LocalDate earlier = switch (c.unit()) {
      case "day" -> start.minusDays(1);
      case "week" -> start.minusWeeks(1);
      case "month" -> start.minusMonths(1);
      case "quarter" -> start.minusMonths(3);
      case "half_year" -> start.minusMonths(6);
      case "year" -> start.minusYears(1);
      default -> throw new CompileException("unknown comparison unit " + c.unit());
    };
    TimeSpec t = q.time();
    SemanticQuery extended = q.withCompare(null).withOrder(List.of(), null)
        .withTime(new TimeSpec(t.dimension(), earlier.toString(), t.end(), t.grain(), t.expr()));
    CompiledQuery inner = compiler.compileMetrics(extended, dialect, asOf, false);
    String bucket = null;
    List<String> dims = new ArrayList<>();
    List<Column> metrics = new ArrayList<>();
    for (Column col : inner.columns()) {
      switch (col.role()) {
        case "time" -> bucket = col.name();
        case "dimension" -> dims.add(col.name());
        default -> metrics.add(col);
      }
    }
    if (bucket == null) {
      throw new CompileException("a period-over-period series needs a time grain");
    }
    String over = "OVER (" + (dims.isEmpty() ? "" : "PARTITION BY " + String.join(", ", dims) + " ") + "ORDER BY " + bucket + ")";
    boolean change = "change".equals(c.output());
    List<String> select = new ArrayList<>();
    List<Column> columns = new ArrayList<>();
    for (Column col : inner.columns()) {
      if (!col.role().equals("metric")) {
        select.add(col.name());
        columns.add(col);
      }
    }
    for (Column m : metrics) {
      String prev = "LAG(" + m.name() + ") " + over;
      select.add(m.name());
      columns.add(m);
      if (change) {
        select.add(m.name() + " - " + prev + " AS " + m.name() + "_change");
        columns.add(new Column(m.name() + "_change", "metric", m.format()));
      } else {
        select.add(prev + " AS " + m.name() + "_previous");
        columns.add(new Column(m.name() + "_previous", "metric", m.format()));
      }
      select.add(dialect.hundred() + " * (" + m.name() + " - " + prev + ") / NULLIF(" + prev + ", 0) AS " + m.name() + "_change_pct");
      columns.add(new Column(m.name() + "_change_pct", "metric", "percent"));
    }
    List<String> names = columns.stream().map(Column::name).toList();
    List<String> order = new ArrayList<>();
    order.add(bucket);
    order.addAll(dims);
    String sql = "SELECT " + String.join(", ", names) + " FROM (SELECT " + String.join(", ", select) + " FROM (" + inner.sql() + ") series) compared"
        + " WHERE " + bucket + " >= " + Sql.date(start) + " ORDER BY " + String.join(", ", order) + " LIMIT " + SqlCompiler.limitOf(q, inner.rowLimit());
    return new CompiledQuery(sql, dialect.name(), columns, inner.rowLimit());
  }
}
