package com.carmutual.text2data.warehouse;

import com.carmutual.text2data.compile.CompiledQuery;
import com.carmutual.text2data.compile.CompiledQuery.Column;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One query's result in a form that compares across engines: cells as text in the compiled column
 * order, numbers at their column format's scale (integer 0, ratio 4, other numbers 2, the scale the
 * service shows), numbers in text or date columns without trailing zeros, dates as ISO strings,
 * NULL as {@code NULL}; rows sorted when the query has no ORDER BY of its own, since engines return
 * unordered rows in any order.
 */
final class ResultNormaliser {
  private ResultNormaliser() {}

  /** The normalised rows; a result whose columns are not the compiled ones, in order, is an error. */
  static List<List<String>> normalise(CompiledQuery q, QueryResult r) {
    List<String> compiled = q.columns().stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
    List<String> returned = r.columns().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
    if (!compiled.equals(returned)) {
      throw new IllegalStateException("columns " + returned + " are not the compiled " + compiled);
    }
    List<List<String>> rows = new ArrayList<>(r.rows().size());
    for (List<Object> row : r.rows()) {
      List<String> cells = new ArrayList<>(row.size());
      for (int i = 0; i < row.size(); i++) {
        cells.add(cell(row.get(i), q.columns().get(i)));
      }
      rows.add(cells);
    }
    if (!ordered(q.sql())) {
      rows.sort(Comparator.comparing(ResultNormaliser::sortKey));
    }
    return rows;
  }

  static String cell(Object v, Column column) {
    if (v == null) {
      return "NULL";
    }
    if (v instanceof Number n) {
      BigDecimal b = n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
      return switch (column.format()) {
        case "text", "date" -> b.stripTrailingZeros().toPlainString();
        default -> b.setScale(scale(column.format()), RoundingMode.HALF_UP).toPlainString();
      };
    }
    if (v instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    if (v instanceof java.sql.Timestamp t) {
      return Warehouse.value(t, column.format()).toString();
    }
    return v.toString();
  }

  static int scale(String format) {
    return switch (format) {
      case "integer" -> 0;
      case "ratio" -> 4;
      default -> 2;
    };
  }

  /** True when the statement itself orders its rows: an ORDER BY outside every parenthesis and string. */
  static boolean ordered(String sql) {
    int depth = 0;
    boolean quoted = false;
    String upper = sql.toUpperCase(Locale.ROOT);
    for (int i = 0; i < upper.length(); i++) {
      char c = upper.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')') {
        depth--;
      } else if (!quoted && depth == 0 && upper.startsWith("ORDER", i) && (i == 0 || !Character.isLetterOrDigit(upper.charAt(i - 1)))
          && upper.substring(i + 5).stripLeading().startsWith("BY")) {
        return true;
      }
    }
    return false;
  }

  private static String sortKey(List<String> row) {
    return String.join("\u0001", row);
  }
}
