package com.carmutual.text2data.compile;

import com.carmutual.text2data.model.SemanticModel;
import com.carmutual.text2data.model.SemanticModel.Condition;
import com.carmutual.text2data.model.SemanticModel.Dimension;
import com.carmutual.text2data.model.SemanticModel.Measure;
import com.carmutual.text2data.model.SemanticModel.Rollup;
import com.carmutual.text2data.model.SemanticModel.RollupMeasure;
import com.carmutual.text2data.query.SemanticQuery.Filter;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether one measure group can be read from a rollup with exactly the same result, and
 * from which. Counts and sums re-aggregate over any subset of a rollup's days and dimensions. A
 * distinct count cannot be added up, so it is read from a rollup only when every answer cell is one
 * stored row: the answer is per day, and each of the rollup's dimensions is either a dimension of
 * the answer or fixed to one value by a filter.
 *
 * @param dims the answer's dimensions
 * @param filters the query's dimension filters applied to the group
 * @param measures the group's measures (with no extra per-measure conditions)
 * @param perDay whether the answer's time buckets are single days
 * @param end the end of the period asked about (exclusive), or null for all of history
 */
record RollupMatch(SemanticModel model, String entity, List<Dimension> dims, List<Filter> filters, List<Measure> measures,
                   boolean perDay, LocalDate end) {

  /** The chosen rollup, its table, and the rollup column of each measure (same order). */
  record Plan(Rollup rollup, String table, List<RollupMeasure> columns) {}

  Optional<Plan> find(RollupTables tables) {
    for (Rollup r : model.rollups()) {
      Optional<List<RollupMeasure>> columns = columns(r);
      if (columns.isPresent()) {
        Optional<String> table = tables.table(r, end);
        if (table.isPresent()) {
          return Optional.of(new Plan(r, table.get(), columns.get()));
        }
      }
    }
    return Optional.empty();
  }

  private Optional<List<RollupMeasure>> columns(Rollup r) {
    if (r.kind() != SemanticModel.RollupKind.DAILY || !r.entity().equals(entity)) {
      return Optional.empty();
    }
    Map<String, String> columnOfDim = new LinkedHashMap<>();
    for (String name : r.dimensions()) {
      columnOfDim.put(name, model.dimensions().get(name).column());
    }
    Set<String> stored = new HashSet<>(columnOfDim.values());
    Set<String> fixed = new HashSet<>();
    for (Dimension d : dims) {
      if (!columnOfDim.containsKey(d.name())) {
        return Optional.empty();
      }
      fixed.add(d.column());
    }
    for (Filter f : filters) {
      Dimension d = model.dimensions().get(f.field());
      if (d == null || !columnOfDim.containsKey(d.name())) {
        return Optional.empty();
      }
      if (singleValue(f.op(), f.values()) && d.valueSets().isEmpty()) {
        fixed.add(d.column());
      }
    }
    List<RollupMeasure> out = new java.util.ArrayList<>();
    boolean distinct = false;
    for (Measure m : measures) {
      Set<String> fixedHere = new HashSet<>(fixed);
      for (Condition c : m.filter()) {
        if (!stored.contains(c.column())) {
          return Optional.empty();
        }
        if (singleValue(c.op(), c.values())) {
          fixedHere.add(c.column());
        }
      }
      Optional<RollupMeasure> column = r.measures().stream()
          .filter(rm -> rm.agg().equals(m.agg()) && sameExpr(rm.expr(), m.expr())).findFirst();
      if (column.isEmpty()) {
        return Optional.empty();
      }
      if (m.agg().equals("count_distinct")) {
        distinct = true;
        if (!fixedHere.containsAll(stored)) {
          return Optional.empty();
        }
      }
      out.add(column.get());
    }
    if (distinct && !perDay) {
      return Optional.empty();
    }
    return Optional.of(out);
  }

  private static boolean singleValue(String op, List<String> values) {
    String o = op == null ? "in" : op.toLowerCase(Locale.ROOT);
    return (o.equals("in") || o.equals("=") || o.equals("eq")) && values.size() == 1;
  }

  private static boolean sameExpr(String a, String b) {
    return a == null ? b == null : b != null && a.strip().equalsIgnoreCase(b.strip());
  }
}
