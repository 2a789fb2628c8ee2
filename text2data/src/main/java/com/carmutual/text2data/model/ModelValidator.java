package com.carmutual.text2data.model;

import com.carmutual.text2data.model.SemanticModel.Condition;
import com.carmutual.text2data.model.SemanticModel.Dimension;
import com.carmutual.text2data.model.SemanticModel.Entity;
import com.carmutual.text2data.model.SemanticModel.Kind;
import com.carmutual.text2data.model.SemanticModel.Measure;
import com.carmutual.text2data.model.SemanticModel.Metric;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a semantic model against the warehouse: every table and column it names exists. Reports
 * all problems at once so an operator fixes the model in one pass.
 */
public final class ModelValidator {
  private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  /** Functions a measure expression may call (compiled per dialect). */
  public static final Set<String> FUNCTIONS = Set.of("days_between");

  private ModelValidator() {}

  /** Throws {@link SemanticModelException} listing every missing table or column. */
  public static void validate(SemanticModel model, Connection warehouse) {
    Map<String, Set<String>> cache = new HashMap<>();
    List<String> problems = new ArrayList<>();
    requireColumn(warehouse, cache, problems, "time_spine", model.spineTable(), model.spineColumn());
    for (Entity e : model.entities().values()) {
      String where = "entity " + e.name();
      requireColumn(warehouse, cache, problems, where, e.table(), e.key());
      if (e.timeColumn() != null) {
        requireColumn(warehouse, cache, problems, where + ".time", e.table(), e.timeColumn());
      }
      if (e.userKey() != null) {
        requireColumn(warehouse, cache, problems, where + ".user_key", e.table(), e.userKey());
      }
      if (e.propertiesTable() != null) {
        for (String c : List.of(e.key(), "prop_key", "prop_value")) {
          requireColumn(warehouse, cache, problems, where + ".properties_table", e.propertiesTable(), c);
        }
      }
      e.joins().forEach((target, fk) -> requireColumn(warehouse, cache, problems, where + ".joins." + target, e.table(), fk));
    }
    for (Dimension d : model.dimensions().values()) {
      if (d.kind() == Kind.EVENT_PROPERTY || d.kind() == Kind.USER_FIRST_EVENT_PROPERTY) {
        continue;
      }
      Entity e = model.entities().get(d.entity());
      requireColumn(warehouse, cache, problems, "dimension " + d.name(), e.table(), d.column());
    }
    for (Metric m : model.metrics().values()) {
      if (m.entity() == null) {
        continue;
      }
      Entity e = model.entities().get(m.entity());
      String where = "metric " + m.name();
      for (Measure measure : new Measure[] {m.measure(), m.numerator(), m.denominator()}) {
        if (measure == null) {
          continue;
        }
        for (String c : expressionColumns(measure.expr())) {
          requireColumn(warehouse, cache, problems, where + ".expr", e.table(), c);
        }
        for (Condition c : measure.filter()) {
          requireColumn(warehouse, cache, problems, where + ".filter", e.table(), c.column());
        }
      }
      if (m.active() != null) {
        for (String c : new String[] {m.active().start(), m.active().end(), m.active().cancel()}) {
          if (c != null) {
            requireColumn(warehouse, cache, problems, where + ".active", e.table(), c);
          }
        }
      }
      if (m.timeColumn() != null && !"none".equals(m.timeColumn())) {
        requireColumn(warehouse, cache, problems, where + ".time", e.table(), m.timeColumn());
      }
    }
    if (!problems.isEmpty()) {
      throw new SemanticModelException("semantic model does not match the warehouse: " + String.join("; ", problems));
    }
  }

  /** The column names a measure expression reads (function names excluded). */
  public static List<String> expressionColumns(String expr) {
    List<String> out = new ArrayList<>();
    if (expr == null) {
      return out;
    }
    Matcher m = IDENT.matcher(expr);
    while (m.find()) {
      String id = m.group();
      if (!FUNCTIONS.contains(id.toLowerCase(Locale.ROOT))) {
        out.add(id);
      }
    }
    return out;
  }

  private static void requireColumn(
      Connection c, Map<String, Set<String>> cache, List<String> problems, String where, String table, String column) {
    Set<String> columns = cache.computeIfAbsent(table.toLowerCase(Locale.ROOT), t -> columnsOf(c, t));
    if (columns == null) {
      problems.add(where + ": table " + table + " does not exist");
    } else if (!columns.contains(column.toLowerCase(Locale.ROOT))) {
      problems.add(where + ": column " + table + "." + column + " does not exist");
    }
  }

  private static Set<String> columnsOf(Connection c, String table) {
    if (!IDENT.matcher(table).matches()) {
      return null;
    }
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
      ResultSetMetaData md = rs.getMetaData();
      Set<String> out = new HashSet<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        out.add(md.getColumnName(i).toLowerCase(Locale.ROOT));
      }
      return out;
    } catch (SQLException e) {
      rollbackQuietly(c);
      return null;
    }
  }

  private static void rollbackQuietly(Connection c) {
    try {
      if (!c.getAutoCommit()) {
        c.rollback();
      }
    } catch (SQLException ignored) {
      // the validation failure is what gets reported
    }
  }
}
