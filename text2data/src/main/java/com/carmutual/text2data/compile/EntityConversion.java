package com.carmutual.text2data.compile;

import com.carmutual.text2data.compile.CompiledQuery.Column;
import com.carmutual.text2data.model.SemanticModel;
import com.carmutual.text2data.model.SemanticModel.Condition;
import com.carmutual.text2data.model.SemanticModel.Entity;
import com.carmutual.text2data.model.SemanticModel.Metric;
import com.carmutual.text2data.query.SemanticQuery;
import com.carmutual.text2data.query.SemanticQuery.Conversion;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Conversion between entities (MetricFlow's conversion metric over two measures): the rows the
 * base metric counts in the period, and how many of them have a row of the conversion metric's
 * entity linked to them within the window from their own date (new members of a quarter who had a
 * claim in their first month, 新入会会员中30天内出险的比例).
 */
final class EntityConversion {
  private EntityConversion() {}

  static CompiledQuery compile(SemanticModel model, SemanticQuery q, Dialect dialect, SqlCompiler compiler) {
    Conversion c = q.conversion();
    Metric base = metric(model, c.baseMetric());
    Metric conv = metric(model, c.conversionMetric());
    if (c.windowDays() < 1 || c.windowDays() > 3660) {
      throw new CompileException("conversion window must be between 1 and 3660 days");
    }
    if (q.time() == null || q.time().start() == null) {
      throw new CompileException("a conversion needs the period of its base");
    }
    Entity be = model.entities().get(base.entity());
    Entity ce = model.entities().get(conv.entity());
    String fk = ce.joins().get(be.name());
    if (fk == null) {
      throw new CompileException(conv.name() + " is not linked to " + be.name() + ", so it cannot convert " + base.name());
    }
    String baseTime = base.timeColumn() != null && !"none".equals(base.timeColumn()) ? base.timeColumn() : be.timeColumn();
    String convTime = conv.timeColumn() != null && !"none".equals(conv.timeColumn()) ? conv.timeColumn() : ce.timeColumn();
    if (baseTime == null || convTime == null) {
      throw new CompileException("a conversion needs a date on both sides");
    }
    LocalDate start = SqlCompiler.parseDate(q.time().start(), "time.start");
    LocalDate end = SqlCompiler.parseDate(q.time().end(), "time.end");
    List<String> where = new ArrayList<>();
    where.add("b." + baseTime + " >= " + compiler.timeLiteral(be, baseTime, start) + " AND b." + baseTime + " < " + compiler.timeLiteral(be, baseTime, end));
    for (Condition cond : base.measure().filter()) {
      where.add(SqlCompiler.condition(cond, "b"));
    }
    List<String> on = new ArrayList<>();
    on.add("x." + fk + " = j.k");
    on.add("CAST(x." + convTime + " AS TIMESTAMP) >= CAST(j.t AS TIMESTAMP)");
    on.add("CAST(x." + convTime + " AS TIMESTAMP) < CAST(j.t AS TIMESTAMP) + INTERVAL '" + c.windowDays() + "' DAY");
    for (Condition cond : conv.measure().filter()) {
      on.add(SqlCompiler.condition(cond, "x"));
    }
    String rate = (Boolean.TRUE.equals(c.percent()) ? "100.0 * " : "") + "CAST(COUNT(cv.k) AS DOUBLE PRECISION) / NULLIF(COUNT(*), 0)";
    String sql = "WITH j AS (SELECT b." + be.key() + " AS k, b." + baseTime + " AS t FROM " + be.table() + " b WHERE " + String.join(" AND ", where) + "), "
        + "conv AS (SELECT DISTINCT j.k FROM j JOIN " + ce.table() + " x ON " + String.join(" AND ", on) + ") "
        + "SELECT COUNT(*) AS " + base.name() + ", COUNT(cv.k) AS converted_within_" + c.windowDays() + "d, " + rate + " AS conversion_rate "
        + "FROM j LEFT JOIN conv cv ON cv.k = j.k";
    List<Column> cols = List.of(new Column(base.name(), "metric", "integer"), new Column("converted_within_" + c.windowDays() + "d", "metric", "integer"),
        new Column("conversion_rate", "metric", Boolean.TRUE.equals(c.percent()) ? "percent" : "ratio"));
    return new CompiledQuery(sql, dialect.name(), cols, model.rowLimit());
  }

  private static Metric metric(SemanticModel model, String name) {
    Metric m = name == null ? null : model.metrics().get(name);
    if (m == null || !"simple".equals(m.type()) || m.measure() == null || !m.measure().agg().startsWith("count")) {
      throw new CompileException("a conversion between entities needs two count metrics of the model, not " + name);
    }
    return m;
  }
}
