package com.carmutual.text2data.parse;

import com.carmutual.text2data.query.SemanticQuery;
import com.carmutual.text2data.query.SemanticQuery.Filter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether two semantic queries ask for the same numbers: the same kind, metrics, breakdowns,
 * filters, period, grain, comparison, running total, limit and event analysis. Order of lists,
 * sort order and the phrase a period came from do not matter.
 */
final class QueryEquivalence {
  private QueryEquivalence() {}

  static boolean same(SemanticQuery a, SemanticQuery b) {
    if (a == null || b == null) {
      return false;
    }
    return a.kind().equals(b.kind())
        && Set.copyOf(a.metrics()).equals(Set.copyOf(b.metrics()))
        && Set.copyOf(a.dimensions()).equals(Set.copyOf(b.dimensions()))
        && filters(a).equals(filters(b))
        && time(a).equals(time(b))
        && Objects.equals(a.limit(), b.limit())
        && Objects.equals(a.compare() == null ? null : a.compare().unit() + a.compare().value(), b.compare() == null ? null : b.compare().unit() + b.compare().value())
        && (a.cumulative() == null) == (b.cumulative() == null)
        && Objects.equals(a.retention(), b.retention())
        && Objects.equals(a.conversion(), b.conversion())
        && Objects.equals(a.funnel(), b.funnel());
  }

  private static Set<String> filters(SemanticQuery q) {
    Set<String> out = new TreeSet<>();
    for (Filter f : q.filters()) {
      List<String> values = new ArrayList<>(f.values());
      values.sort(null);
      String op = switch (f.op()) {
        case "=", "eq" -> "in";
        case "!=", "<>", "ne" -> "not_in";
        default -> f.op();
      };
      out.add(f.field() + " " + op + " " + values + " " + f.groupBy());
    }
    return out;
  }

  private static List<String> time(SemanticQuery q) {
    if (q.time() == null) {
      return List.of();
    }
    List<String> t = new ArrayList<>();
    t.add(String.valueOf(q.time().start()));
    t.add(String.valueOf(q.time().end()));
    t.add(String.valueOf(q.time().grain()));
    return t;
  }
}
