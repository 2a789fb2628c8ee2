package com.carmutual.text2data.compile;

import com.carmutual.text2data.compile.CompiledQuery.Column;
import com.carmutual.text2data.model.SemanticModel;
import com.carmutual.text2data.model.SemanticModel.Active;
import com.carmutual.text2data.model.SemanticModel.Condition;
import com.carmutual.text2data.model.SemanticModel.Dimension;
import com.carmutual.text2data.model.SemanticModel.Entity;
import com.carmutual.text2data.model.SemanticModel.Kind;
import com.carmutual.text2data.model.SemanticModel.Measure;
import com.carmutual.text2data.model.SemanticModel.Metric;
import com.carmutual.text2data.query.SemanticQuery;
import com.carmutual.text2data.query.SemanticQuery.Filter;
import com.carmutual.text2data.query.SemanticQuery.OrderBy;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a semantic query to SQL for one dialect. Pure: no I/O. Each metric decomposes into
 * measures aggregated on their own entity's table (so joins are only many-to-one and never fan
 * out); measures of different entities are aggregated separately and joined on the group keys.
 * Time series are filled from the time spine; retention and conversion use fixed event templates.
 */
public final class SqlCompiler {
  private static final Pattern COLUMN = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*+)(?!\\s*\\()");
  private static final Pattern DAYS_BETWEEN = Pattern.compile("days_between\\(\\s*([\\w.]+)\\s*,\\s*([\\w.]+)\\s*\\)");
  private static final Set<String> GRAINS = Set.of("day", "week", "month", "quarter", "half_year", "year");

  private final SemanticModel model;

  public SqlCompiler(SemanticModel model) {
    this.model = model;
  }

  public SemanticModel model() {
    return model;
  }

  /** Compiles {@code q}; relative periods were already resolved to dates, {@code asOf} dates snapshots. */
  public CompiledQuery compile(SemanticQuery q, Dialect dialect, LocalDate asOf) {
    return compile(q, dialect, asOf, RollupTables.NONE);
  }

  /** As {@link #compile(SemanticQuery, Dialect, LocalDate)}, reading rollups where they give the same result. */
  public CompiledQuery compile(SemanticQuery q, Dialect dialect, LocalDate asOf, RollupTables rollups) {
    return switch (q.kind()) {
      case "metrics" -> SeriesComparison.applies(q) ? SeriesComparison.compile(this, q, dialect, asOf)
          : new MetricsCompilation(q, dialect, asOf, true, rollups).compile();
      case "funnel" -> EventQueries.funnel(model, q, dialect);
      case "retention" -> EventQueries.retention(model, q, dialect, asOf, rollups);
      case "conversion" -> EventQueries.conversion(model, q, dialect, this);
      default -> throw new CompileException("unknown query kind " + q.kind());
    };
  }

  static LocalDate parseDate(String s, String what) {
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new CompileException(what + " is not an ISO date: " + s);
    }
  }

  /** The SQL of one dimension relative to a FROM clause being built. */
  String dimensionExpr(FromClause from, Dimension d) {
    return switch (d.kind()) {
      case EVENT_PROPERTY -> {
        Entity ev = model.eventEntity();
        if (!from.base.name().equals(ev.name())) {
          throw new CompileException(d.name() + " is a property of app events and cannot break down " + from.base.name() + " metrics");
        }
        String alias = from.aliases.computeIfAbsent("prop:" + d.propertyKey(), k -> {
          String a = "p" + from.next++;
          from.joins.add("JOIN " + ev.propertiesTable() + " " + a + " ON " + a + "." + ev.key() + " = t0." + ev.key()
              + " AND " + a + ".prop_key = " + Sql.str(d.propertyKey()));
          return a;
        });
        yield alias + ".prop_value";
      }
      case USER_FIRST_EVENT_PROPERTY -> {
        Entity ev = model.eventEntity();
        if (!from.base.name().equals(ev.name())) {
          throw new CompileException(d.name() + " is a property of app users and cannot break down " + from.base.name() + " metrics");
        }
        String alias = from.aliases.computeIfAbsent("user:" + d.event() + ":" + d.propertyKey(), k -> {
          String a = "u" + from.next++;
          from.joins.add("LEFT JOIN (SELECT i." + ev.userKey() + " AS user_key, MIN(ip.prop_value) AS prop_value FROM " + ev.table()
              + " i JOIN " + ev.propertiesTable() + " ip ON ip." + ev.key() + " = i." + ev.key() + " AND ip.prop_key = "
              + Sql.str(d.propertyKey()) + " WHERE i.event_name = " + Sql.str(d.event()) + " GROUP BY i." + ev.userKey() + ") "
              + a + " ON " + a + ".user_key = t0." + ev.userKey());
          return a;
        });
        yield alias + ".prop_value";
      }
      default -> {
        DatePart part = DatePart.of(d.name());
        String col = from.aliasOf(d.entity(), d.name()) + "." + d.column();
        yield part == null ? col : part.sql(col, from.dialect);
      }
    };
  }

  /** The dimension a name stands for: a declared one, or a date part of a declared time dimension (claim.filed_at__hour). */
  public java.util.Optional<Dimension> dimension(String name) {
    var declared = model.dimension(name);
    if (declared.isPresent() || DatePart.of(name) == null) {
      return declared;
    }
    return model.dimension(DatePart.base(name)).filter(d -> d.kind().isTime())
        .map(d -> new Dimension(name, d.entity(), d.column(), Kind.CATEGORY, null, null, List.of(), java.util.Map.of(), java.util.Map.of(), false, java.util.Map.of()));
  }

  /** A WHERE condition for a query filter. */
  String filterCondition(FromClause from, Filter f) {
    Dimension d = dimension(f.field())
        .orElseThrow(() -> new CompileException("unknown filter field " + f.field()));
    if (f.values().isEmpty()) {
      throw new CompileException("filter on " + f.field() + " has no values");
    }
    String expr = dimensionExpr(from, d);
    if (f.comparison()) {
      if (d.kind() != Kind.NUMBER) {
        throw new CompileException(f.field() + " is not a number, so it cannot be compared with " + f.op());
      }
      return expr + " " + f.op() + " " + Sql.number(f.values().get(0));
    }
    boolean negate = switch (f.op().toLowerCase(Locale.ROOT)) {
      case "=", "in", "eq" -> false;
      case "!=", "<>", "not_in", "ne" -> true;
      default -> throw new CompileException("unsupported filter operator " + f.op() + " on " + f.field());
    };
    if (d.kind() == Kind.BOOLEAN) {
      String v = f.values().get(0).toLowerCase(Locale.ROOT);
      if (!v.equals("true") && !v.equals("false")) {
        throw new CompileException(f.field() + " is true or false, not " + v);
      }
      boolean b = Boolean.parseBoolean(v) ^ negate;
      return expr + " = " + (b ? "TRUE" : "FALSE");
    }
    List<String> values = new ArrayList<>();
    for (String v : f.values()) {
      if ("event.event_name".equals(d.name()) && !model.events().containsKey(v)) {
        throw new CompileException("unknown app event " + v + "; known: " + model.events().keySet());
      }
      if (d.closedValues() && !d.values().containsKey(v)) {
        throw new CompileException(f.field() + " has no value " + v + "; known: " + d.values().keySet());
      }
      values.add(d.kind() == Kind.NUMBER ? Sql.number(v) : Sql.str(v));
    }
    return expr + (negate ? " NOT IN (" : " IN (") + String.join(", ", values) + ")";
  }

  /** A FROM clause rooted at one entity, growing many-to-one joins as dimensions need them. */
  final class FromClause {
    final Entity base;
    final Dialect dialect;
    final List<String> joins = new ArrayList<>();
    final Map<String, String> aliases = new HashMap<>();
    int next = 1;

    FromClause(Entity base, Dialect dialect) {
      this.base = base;
      this.dialect = dialect;
      aliases.put(base.name(), "t0");
    }

    String aliasOf(String entity, String forWhat) {
      String known = aliases.get(entity);
      if (known != null) {
        return known;
      }
      List<String[]> path = path(base.name(), entity);
      if (path == null) {
        throw new CompileException(forWhat + " cannot be used with " + base.name()
            + " metrics: there is no many-to-one path from " + base.name() + " to " + entity + " (it would double count)");
      }
      String prev = "t0";
      for (String[] step : path) {
        String from = step[0];
        String to = step[2];
        String alias = aliases.get(to);
        if (alias == null) {
          alias = "t" + next++;
          Entity target = model.entities().get(to);
          joins.add("LEFT JOIN " + target.table() + " " + alias + " ON " + alias + "." + target.key() + " = "
              + aliases.get(from) + "." + step[1]);
          aliases.put(to, alias);
        }
        prev = alias;
      }
      return prev;
    }

    String sql() {
      return base.table() + " t0" + (joins.isEmpty() ? "" : " " + String.join(" ", joins));
    }
  }

  /** The shortest chain of many-to-one joins from one entity to another, as [from, fk, to] steps. */
  private List<String[]> path(String from, String to) {
    Map<String, List<String[]>> seen = new HashMap<>();
    ArrayDeque<String> queue = new ArrayDeque<>();
    seen.put(from, List.of());
    queue.add(from);
    while (!queue.isEmpty()) {
      String cur = queue.poll();
      if (cur.equals(to)) {
        return seen.get(cur);
      }
      for (Map.Entry<String, String> j : model.entities().get(cur).joins().entrySet()) {
        if (!seen.containsKey(j.getKey())) {
          List<String[]> p = new ArrayList<>(seen.get(cur));
          p.add(new String[] {cur, j.getValue(), j.getKey()});
          seen.put(j.getKey(), p);
          queue.add(j.getKey());
        }
      }
    }
    return null;
  }

  /** A measure's row condition (model-authored) on alias. */
  static String condition(Condition c, String alias) {
    String col = alias + "." + c.column();
    return switch (c.op()) {
      case "in" -> col + " IN (" + Sql.strList(c.values()) + ")";
      case "not_in" -> col + " NOT IN (" + Sql.strList(c.values()) + ")";
      case "is_null" -> col + " IS NULL";
      case "not_null" -> col + " IS NOT NULL";
      case "is_true" -> col + " = TRUE";
      case "is_false" -> col + " = FALSE";
      default -> throw new CompileException("unknown condition " + c.op());
    };
  }

  static String expression(String expr, String alias, Dialect dialect) {
    Matcher m = COLUMN.matcher(expr);
    String qualified = m.replaceAll(r -> alias + "." + r.group(1));
    Matcher db = DAYS_BETWEEN.matcher(qualified);
    return db.replaceAll(r -> Matcher.quoteReplacement(dialect.daysBetween(r.group(1), r.group(2))));
  }

  /** One aggregate of a measure under extra conditions. */
  /** One aggregate of a group: a measure, the period window it is limited to (comparisons) or null, and its column. */
  record MeasureUse(Measure measure, String window, String column) {
    /** The same aggregate over a rollup's stored column: counts add up (0 where none), sums add up. */
    String fromRollup(com.carmutual.text2data.model.SemanticModel.RollupMeasure stored) {
      List<String> conds = new ArrayList<>();
      for (Condition c : measure.filter()) {
        conds.add(condition(c, "t0"));
      }
      if (window != null) {
        conds.add(window);
      }
      String value = "t0." + stored.column();
      String guarded = conds.isEmpty() ? value : "CASE WHEN " + String.join(" AND ", conds) + " THEN " + value + " END";
      return (measure.agg().equals("sum") ? "SUM(" + guarded + ")" : "COALESCE(SUM(" + guarded + "), 0)") + " AS " + column;
    }
  }

  static String aggregate(Measure m, String alias, List<String> extra, Dialect dialect) {
    List<String> conds = new ArrayList<>();
    for (Condition c : m.filter()) {
      conds.add(condition(c, alias));
    }
    conds.addAll(extra);
    String when = String.join(" AND ", conds);
    String value = m.expr() == null ? null : expression(m.expr(), alias, dialect);
    return switch (m.agg()) {
      case "count" -> conds.isEmpty() ? "COUNT(*)" : "COUNT(CASE WHEN " + when + " THEN 1 END)";
      case "count_distinct" -> "COUNT(DISTINCT " + guarded(value, when) + ")";
      default -> m.agg().toUpperCase(Locale.ROOT) + "(" + guarded(value, when) + ")";
    };
  }

  private static String guarded(String value, String when) {
    return when.isEmpty() ? value : "CASE WHEN " + when + " THEN " + value + " END";
  }

  /** Whether a missing value of this measure means zero (counts and sums) rather than unknown. */
  static boolean additive(Measure m) {
    return m.agg().equals("count") || m.agg().equals("count_distinct") || m.agg().equals("sum");
  }

  String timeLiteral(Entity e, String column, LocalDate d) {
    Kind kind = model.columnDimension(e.name(), column).map(Dimension::kind).orElse(Kind.DATE);
    return kind == Kind.TIME ? Sql.timestamp(d) : Sql.date(d);
  }

  /** The bucket start (a DATE) of {@code dateExpr} for a grain; coarse grains use the period's known boundaries. */
  static String bucket(String dateExpr, String grain, LocalDate start, LocalDate end, Dialect dialect) {
    return switch (grain) {
      case "day" -> dateExpr;
      case "week" -> dialect.weekStart(dateExpr);
      case "month" -> dialect.monthStart(dateExpr);
      default -> {
        if (start == null || end == null) {
          throw new CompileException("a " + grain + " breakdown needs a period");
        }
        List<LocalDate> starts = bucketStarts(grain, start, end);
        StringBuilder sb = new StringBuilder("CASE");
        for (int i = starts.size() - 1; i >= 0; i--) {
          sb.append(" WHEN ").append(dateExpr).append(" >= ").append(Sql.date(starts.get(i))).append(" THEN ").append(Sql.date(starts.get(i)));
        }
        yield sb.append(" END").toString();
      }
    };
  }

  static List<LocalDate> bucketStarts(String grain, LocalDate start, LocalDate end) {
    LocalDate b = switch (grain) {
      case "quarter" -> start.withDayOfMonth(1).withMonth(((start.getMonthValue() - 1) / 3) * 3 + 1);
      case "half_year" -> start.withDayOfMonth(1).withMonth(start.getMonthValue() <= 6 ? 1 : 7);
      case "year" -> start.withDayOfYear(1);
      default -> throw new CompileException("unknown grain " + grain);
    };
    int months = switch (grain) {
      case "quarter" -> 3;
      case "half_year" -> 6;
      default -> 12;
    };
    List<LocalDate> out = new ArrayList<>();
    for (; b.isBefore(end); b = b.plusMonths(months)) {
      out.add(b);
      if (out.size() > 200) {
        throw new CompileException("too many " + grain + " buckets");
      }
    }
    return out;
  }

  /** Output column name of a dimension: its last name segment. */
  static String columnName(String dimension) {
    return dimension.substring(dimension.lastIndexOf('.') + 1);
  }

  /** Compiles a metrics query; quarterNumbers false keeps quarter buckets as dates even within one year. */
  CompiledQuery compileMetrics(SemanticQuery q, Dialect dialect, LocalDate asOf, boolean quarterNumbers) {
    return new MetricsCompilation(q, dialect, asOf, quarterNumbers, RollupTables.NONE).compile();
  }

  /** One metrics query in the making. */
  private final class MetricsCompilation {
    private final SemanticQuery q;
    private final Dialect dialect;
    private final LocalDate asOf;
    private final LocalDate start;
    private final LocalDate end;
    private final String grain;
    private final boolean compare;
    private final List<Dimension> dims = new ArrayList<>();
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private int measureCount;

    private final boolean quarterNumbers;
    private final RollupTables rollups;

    MetricsCompilation(SemanticQuery q, Dialect dialect, LocalDate asOf, boolean quarterNumbers, RollupTables rollups) {
      this.q = q;
      this.rollups = rollups;
      this.quarterNumbers = quarterNumbers;
      this.dialect = dialect;
      this.asOf = asOf;
      var t = q.time();
      this.start = t == null || t.start() == null ? null : parseDate(t.start(), "time.start");
      this.end = t == null || t.end() == null ? null : parseDate(t.end(), "time.end");
      if ((start == null) != (end == null) || (start != null && !start.isBefore(end))) {
        throw new CompileException("the period needs a start before its end");
      }
      this.grain = t == null || t.grain() == null || t.grain().isBlank() ? null : t.grain();
      if (grain != null && !GRAINS.contains(grain)) {
        throw new CompileException("unknown grain " + grain + "; known: " + GRAINS);
      }
      this.compare = q.compare() != null;
      if (compare && start == null) {
        throw new CompileException("a comparison needs a period");
      }
      if (compare && grain != null && !grain.equals("month") && !grain.equals("quarter")) {
        throw new CompileException("period comparisons are by month, by quarter or for the whole period");
      }
    }

    /** A measure group: one entity, time column and kind of time condition, aggregated once. */
    final class Group {
      final String name;
      final Entity entity;
      final String timeColumn;
      final Active active;
      final boolean cumulative;
      final FromClause from;
      Entity timeEntity;
      String timeExpr;
      final List<String> selects = new ArrayList<>();
      final List<String> where = new ArrayList<>();
      final List<String> keyExprs = new ArrayList<>();
      String bucketExpr;
      /** What the selects aggregate, so the group can be re-read from a rollup. */
      final List<MeasureUse> uses = new ArrayList<>();
      final List<Filter> dimensionFilters = new ArrayList<>();
      boolean rollupable = true;

      Group(String name, Entity entity, String timeColumn, Active active, boolean cumulative) {
        this.name = name;
        this.entity = entity;
        this.timeColumn = timeColumn;
        this.active = active;
        this.cumulative = cumulative;
        this.from = new FromClause(entity, dialect);
      }

      /** Adds a measure; returns the column (or, when comparing, the current column; previous is + "_p"). */
      String add(Measure m, List<String> extra) {
        String col = "m" + measureCount++;
        rollupable &= extra.isEmpty();
        if (compare) {
          String t = timeExpr;
          selects.add(aggregate(m, "t0", concat(extra, window(t, 0)), dialect) + " AS " + col);
          selects.add(aggregate(m, "t0", concat(extra, window(t, q.compare().value())), dialect) + " AS " + col + "_p");
          uses.add(new MeasureUse(m, window(t, 0), col));
          uses.add(new MeasureUse(m, window(t, q.compare().value()), col + "_p"));
        } else {
          selects.add(aggregate(m, "t0", extra, dialect) + " AS " + col);
          uses.add(new MeasureUse(m, null, col));
        }
        return name + "." + col;
      }

      String window(String col, int back) {
        LocalDate s = shift(start, back);
        LocalDate e = shift(end, back);
        return col + " >= " + timeLiteral(timeEntity, timeColumn, s) + " AND " + col + " < " + timeLiteral(timeEntity, timeColumn, e);
      }

      /** The rollup that gives this group's rows exactly, if one is built (never for joins, snapshots or running totals). */
      java.util.Optional<RollupMatch.Plan> rollupPlan() {
        if (!rollupable || active != null || cumulative || !from.joins.isEmpty() || timeColumn == null
            || timeEntity != entity || !timeColumn.equals(entity.timeColumn())) {
          return java.util.Optional.empty();
        }
        boolean perDay = "day".equals(grain) && !compare;
        return new RollupMatch(model, entity.name(), dims, dimensionFilters, uses.stream().map(MeasureUse::measure).toList(), perDay, end)
            .find(rollups);
      }

      String sql() {
        java.util.Optional<RollupMatch.Plan> plan = rollupPlan();
        List<String> aggregates = selects;
        String source = from.sql();
        if (plan.isPresent()) {
          aggregates = new ArrayList<>();
          for (int i = 0; i < uses.size(); i++) {
            aggregates.add(uses.get(i).fromRollup(plan.get().columns().get(i)));
          }
          source = plan.get().table() + " t0";
        }
        List<String> cols = new ArrayList<>();
        for (int i = 0; i < keyExprs.size(); i++) {
          cols.add(keyExprs.get(i) + " AS d" + i);
        }
        if (bucketExpr != null) {
          cols.add(bucketExpr + " AS tb");
        }
        cols.addAll(aggregates);
        List<String> groupBy = new ArrayList<>(keyExprs);
        if (bucketExpr != null) {
          groupBy.add(bucketExpr);
        }
        return "SELECT " + String.join(", ", cols) + " FROM " + source
            + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
            + (groupBy.isEmpty() ? "" : " GROUP BY " + String.join(", ", groupBy));
      }
    }

    private LocalDate shift(LocalDate d, int back) {
      if (back == 0) {
        return d;
      }
      return switch (q.compare().unit()) {
        case "year" -> d.minusYears(back);
        case "half_year" -> d.minusMonths(6L * back);
        case "quarter" -> d.minusMonths(3L * back);
        case "month" -> d.minusMonths(back);
        case "week" -> d.minusWeeks(back);
        case "day" -> d.minusDays(back);
        default -> throw new CompileException("unknown comparison unit " + q.compare().unit());
      };
    }

    private Group group(Metric metric, Entity entity, boolean cumulative) {
      Active active = "snapshot".equals(metric.type()) ? metric.active() : null;
      String[] time = active != null ? null : timeOf(metric, entity);
      String timeColumn = time == null ? null : time[1];
      String key = entity.name() + "|" + (time == null ? null : time[0] + "." + time[1]) + "|" + (active != null) + "|" + cumulative;
      return groups.computeIfAbsent(key, k -> {
        Group g = new Group("g" + groups.size(), entity, timeColumn, active, cumulative);
        if (time != null) {
          g.timeEntity = model.entities().get(time[0]);
          g.timeExpr = g.from.aliasOf(time[0], "the time dimension " + time[0] + "." + time[1]) + "." + time[1];
        }
        for (Dimension d : dims) {
          g.keyExprs.add(dimensionExpr(g.from, d));
        }
        for (Filter f : q.filters()) {
          if (model.metrics().containsKey(f.field())) {
            if (f.groupBy() != null) {
              g.where.add(entityThreshold(g.from, f));
              g.rollupable = false;
            }
          } else {
            g.where.add(filterCondition(g.from, f));
            g.dimensionFilters.add(f);
          }
        }
        if (active != null) {
          if (grain != null || compare) {
            throw new CompileException(metric.name() + " is a point-in-time count; ask for one date, not a series or comparison");
          }
          LocalDate day = end != null ? end.minusDays(1) : asOf;
          String a = "t0.";
          g.where.add(a + active.start() + " <= " + Sql.date(day) + " AND " + a + active.end() + " > " + Sql.date(day)
              + (active.cancel() == null ? "" : " AND (" + a + active.cancel() + " IS NULL OR " + a + active.cancel() + " > " + Sql.date(day) + ")"));
        } else if (compare && timeColumn == null) {
          throw new CompileException(metric.name() + " is not tied to a time dimension, so periods cannot be compared");
        } else if (timeColumn != null && start != null) {
          String col = g.timeExpr;
          if (compare) {
            g.where.add("((" + g.window(col, 0) + ") OR (" + g.window(col, q.compare().value()) + "))");
          } else if (cumulative) {
            g.where.add(col + " < " + timeLiteral(g.timeEntity, timeColumn, end));
          } else {
            g.where.add(g.window(col, 0));
          }
        }
        if (grain != null) {
          if (timeColumn == null) {
            throw new CompileException(metric.name() + " has no time dimension to break down by " + grain);
          }
          String dateExpr = "CAST(" + g.timeExpr + " AS DATE)";
          if (compare) {
            String part = grain.equals("month") ? "MONTH" : "QUARTER";
            g.bucketExpr = "CAST(EXTRACT(" + part + " FROM " + g.timeExpr + ") AS INTEGER)";
          } else if (cumulative && start != null) {
            g.bucketExpr = "CASE WHEN " + dateExpr + " < " + Sql.date(start) + " THEN " + Sql.date(bucketStart(start))
                + " ELSE " + bucket(dateExpr, grain, start, end, dialect) + " END";
          } else {
            g.bucketExpr = bucket(dateExpr, grain, start, end, dialect);
          }
        }
        return g;
      });
    }

    private LocalDate bucketStart(LocalDate d) {
      return switch (grain) {
        case "week" -> d.minusDays(d.getDayOfWeek().getValue() - 1L);
        case "month" -> d.withDayOfMonth(1);
        case "day" -> d;
        default -> bucketStarts(grain, d, d.plusDays(1)).get(0);
      };
    }

    /** key IN (entities whose total of the filter's metric passes the threshold, in the period). */
    private String entityThreshold(FromClause from, Filter f) {
      Metric fm = model.metrics().get(f.field());
      if (!"simple".equals(fm.type()) || fm.measure() == null) {
        throw new CompileException("a threshold per " + f.groupBy() + " needs a simple metric, not " + fm.name());
      }
      if (f.values().size() != 1 || !f.comparison()) {
        throw new CompileException("a threshold on " + fm.name() + " needs one comparison (>, >=, <, <=) and one number");
      }
      Entity fe = model.entities().get(fm.entity());
      Entity target = model.entities().get(f.groupBy());
      if (target == null) {
        throw new CompileException("unknown entity " + f.groupBy());
      }
      String key;
      if (fe.name().equals(target.name())) {
        key = fe.key();
      } else {
        key = fe.joins().get(target.name());
        if (key == null) {
          throw new CompileException(fm.name() + " cannot be totalled per " + target.name() + ": " + fe.name() + " has no direct link to it");
        }
      }
      List<String> where = new ArrayList<>();
      where.add("s." + key + " IS NOT NULL");
      String col = fm.timeColumn() != null && !"none".equals(fm.timeColumn()) ? fm.timeColumn() : fe.timeColumn();
      if (start != null && col != null) {
        where.add("s." + col + " >= " + timeLiteral(fe, col, start) + " AND s." + col + " < " + timeLiteral(fe, col, end));
      }
      String having = aggregate(fm.measure(), "s", List.of(), dialect);
      return from.aliasOf(target.name(), "a threshold per " + target.name()) + "." + target.key() + " IN (SELECT s." + key + " FROM "
          + fe.table() + " s WHERE " + String.join(" AND ", where) + " GROUP BY s." + key + " HAVING " + having + " " + f.op() + " "
          + Sql.number(f.values().get(0)) + ")";
    }

    /** [entity, column] of the time a metric is counted on, or null when it is not time-bound. */
    private String[] timeOf(Metric metric, Entity entity) {
      boolean selectedByThreshold = q.filters().stream().anyMatch(f -> entity.name().equals(f.groupBy()) && model.metrics().containsKey(f.field()));
      if (selectedByThreshold && metric.timeColumn() == null) {
        // members whose payouts passed a threshold in a period: the period belongs to the payouts
        return null;
      }
      if ("none".equals(metric.timeColumn())) {
        if (start != null || grain != null) {
          throw new CompileException(metric.name() + " is not tied to a date, so it cannot be limited to a period or broken down by time");
        }
        return null;
      }
      var asked = q.time() == null || q.time().dimension() == null ? java.util.Optional.<Dimension>empty() : model.dimension(q.time().dimension());
      if (asked.isPresent() && asked.get().kind().isTime()) {
        if (asked.get().entity().equals(entity.name())) {
          return new String[] {entity.name(), asked.get().column()};
        }
        if (entity.timeColumn() == null && metric.timeColumn() == null && path(entity.name(), asked.get().entity()) != null) {
          return new String[] {asked.get().entity(), asked.get().column()};
        }
      }
      if (metric.timeColumn() != null) {
        return new String[] {entity.name(), metric.timeColumn()};
      }
      if (entity.timeColumn() != null) {
        return new String[] {entity.name(), entity.timeColumn()};
      }
      for (String target : entity.joins().keySet()) {
        Entity t = model.entities().get(target);
        if (t.timeColumn() != null) {
          return new String[] {t.name(), t.timeColumn()};
        }
      }
      if (start != null || grain != null) {
        throw new CompileException(metric.name() + " has no date to limit to a period");
      }
      return null;
    }

    /** A metric's final expression over group columns; {col} placeholders become g.m / g.m_p. */
    private record Output(String name, String template, List<String> columns, List<Boolean> additive, String format, boolean cumulative) {}

    CompiledQuery compile() {
      if (q.metrics().isEmpty()) {
        throw new CompileException("the query names no metric");
      }
      for (String dn : q.dimensions()) {
        dims.add(dimension(dn).orElseThrow(() -> new CompileException("unknown dimension " + dn)));
      }
      for (Dimension d : dims) {
        if (d.kind().isTime()) {
          throw new CompileException(d.name() + " is a time dimension: use the time grain to break down by it");
        }
      }
      List<Output> outputs = new ArrayList<>();
      Set<String> outputMetrics = new LinkedHashSet<>(q.metrics());
      for (Filter f : q.filters()) {
        if (model.metrics().containsKey(f.field()) && f.groupBy() == null) {
          if (!f.comparison() || f.values().size() != 1) {
            throw new CompileException("a threshold on " + f.field() + " needs one comparison (>, >=, <, <=) and one number");
          }
          outputMetrics.add(f.field());
        }
      }
      for (String mn : outputMetrics) {
        Metric metric = model.metric(mn).orElseThrow(() -> new CompileException("unknown metric " + mn));
        outputs.add(output(metric, List.of(), metric.name()));
      }
      Output sharePart = null;
      boolean shareOfTotal = q.share() != null && "of_total".equals(q.share().type());
      if (q.share() != null && "of_part".equals(q.share().type())) {
        if (q.share().part() == null) {
          throw new CompileException("a share needs the part it is a share of");
        }
        Metric first = model.metric(q.metrics().get(0)).orElseThrow();
        if (!"simple".equals(first.type())) {
          throw new CompileException("shares are computed for simple metrics such as counts and sums");
        }
        Group g = group(first, model.entities().get(first.entity()), false);
        String cond = filterCondition(g.from, q.share().part());
        sharePart = output(first, List.of(cond), first.name() + "_share");
      }
      return assemble(outputs, sharePart, shareOfTotal);
    }

    private Output output(Metric metric, List<String> extra, String name) {
      return switch (metric.type()) {
        case "simple", "snapshot" -> {
          Group g = group(metric, model.entities().get(metric.entity()), false);
          yield new Output(name, "{0}", List.of(g.add(metric.measure(), extra)), List.of(additive(metric.measure())),
              format(metric, metric.measure()), false);
        }
        case "cumulative" -> {
          Metric in = model.metric(metric.cumulativeOf()).orElseThrow();
          if (compare) {
            throw new CompileException("running totals cannot be compared across periods");
          }
          Group g = group(in, model.entities().get(in.entity()), true);
          yield new Output(name, "{0}", List.of(g.add(in.measure(), extra)), List.of(true), "integer", grain != null);
        }
        case "ratio" -> {
          Group g = group(metric, model.entities().get(metric.entity()), false);
          String n = g.add(metric.numerator(), extra);
          String d = g.add(metric.denominator(), extra);
          yield new Output(name, "CAST({0} AS DOUBLE PRECISION) / NULLIF({1}, 0)", List.of(n, d), List.of(true, true),
              metric.unit() == null ? "ratio" : "number", false);
        }
        case "derived" -> {
          List<String> cols = new ArrayList<>();
          List<Boolean> add = new ArrayList<>();
          Matcher m = Pattern.compile("[A-Za-z_]\\w*").matcher(metric.derivedExpr());
          StringBuilder template = new StringBuilder();
          int last = 0;
          boolean division = metric.derivedExpr().contains("/");
          while (m.find()) {
            Metric part = model.metric(m.group()).orElseThrow();
            if (!"simple".equals(part.type())) {
              throw new CompileException("derived metric " + metric.name() + " may only use simple metrics");
            }
            Group g = group(part, model.entities().get(part.entity()), false);
            cols.add(g.add(part.measure(), extra));
            add.add(additive(part.measure()));
            template.append(metric.derivedExpr(), last, m.start());
            int i = cols.size() - 1;
            template.append(division && i == 0 ? "CAST({" + i + "} AS DOUBLE PRECISION)" : division ? "NULLIF({" + i + "}, 0)" : "{" + i + "}");
            last = m.end();
          }
          template.append(metric.derivedExpr().substring(last));
          yield new Output(name, template.toString(), cols, add, division ? (metric.unit() == null ? "ratio" : "number") : "number", false);
        }
        default -> throw new CompileException("unsupported metric type " + metric.type());
      };
    }

    private String format(Metric metric, Measure m) {
      return switch (m.agg()) {
        case "count", "count_distinct" -> "integer";
        default -> "number";
      };
    }

    private CompiledQuery assemble(List<Output> outputs, Output sharePart, boolean shareOfTotal) {
      boolean fill = grain != null && !compare && start != null;
      boolean hasBucket = grain != null;
      List<Group> gs = new ArrayList<>(groups.values());
      List<String> keyCols = new ArrayList<>();
      for (int i = 0; i < dims.size(); i++) {
        keyCols.add("d" + i);
      }
      if (hasBucket) {
        keyCols.add("tb");
      }
      StringBuilder sql = new StringBuilder("WITH ");
      for (int i = 0; i < gs.size(); i++) {
        sql.append(i == 0 ? "" : ", ").append(gs.get(i).name).append(" AS (").append(gs.get(i).sql()).append(")");
      }
      String fromClause;
      if (keyCols.isEmpty()) {
        fromClause = String.join(" CROSS JOIN ", gs.stream().map(g -> g.name).toList());
      } else {
        String keys;
        List<String> dimCols = keyCols.stream().filter(k -> !k.equals("tb")).toList();
        if (fill) {
          String spineCol = "s." + model.spineColumn();
          String spine = "SELECT DISTINCT " + bucket(spineCol, grain, start, end, dialect) + " AS tb FROM " + model.spineTable() + " s WHERE "
              + spineCol + " >= " + Sql.date(start) + " AND " + spineCol + " < " + Sql.date(end);
          if (dimCols.isEmpty()) {
            keys = spine;
          } else {
            String dimsUnion = String.join(" UNION ", gs.stream().map(g -> "SELECT DISTINCT " + String.join(", ", dimCols) + " FROM " + g.name).toList());
            keys = "SELECT dk." + String.join(", dk.", dimCols) + ", sp.tb FROM (" + dimsUnion + ") dk CROSS JOIN (" + spine + ") sp";
          }
        } else {
          keys = String.join(" UNION ", gs.stream().map(g -> "SELECT " + String.join(", ", keyCols) + " FROM " + g.name).toList());
        }
        sql.append(", k AS (").append(keys).append(")");
        StringBuilder f = new StringBuilder("k");
        for (Group g : gs) {
          List<String> on = new ArrayList<>();
          for (String c : keyCols) {
            on.add(g.name + "." + c + " IS NOT DISTINCT FROM k." + c);
          }
          f.append(" LEFT JOIN ").append(g.name).append(" ON ").append(String.join(" AND ", on));
        }
        fromClause = f.toString();
      }
      List<String> select = new ArrayList<>();
      List<Column> columns = new ArrayList<>();
      Map<String, String> aliasOf = new HashMap<>();
      Set<String> used = new LinkedHashSet<>();
      Map<String, String> exprOf = new HashMap<>();
      for (int i = 0; i < dims.size(); i++) {
        DatePart part = DatePart.of(dims.get(i).name());
        String alias = unique(used, part != null ? part.columnName() : columnName(dims.get(i).name()));
        String ref = (keyCols.isEmpty() ? "" : "k.") + "d" + i;
        select.add(ref + " AS " + alias);
        exprOf.put(alias, ref);
        columns.add(new Column(alias, "dimension", part != null ? "integer" : "text"));
        aliasOf.put(dims.get(i).name(), alias);
        if (part != null && part.nameSql(ref) != null) {
          String n = unique(used, part.nameColumn());
          select.add(part.nameSql(ref) + " AS " + n);
          columns.add(new Column(n, "dimension", "text"));
        }
      }
      String bucketAlias = null;
      boolean quarterNumber = quarterNumbers && !compare && "quarter".equals(grain) && start != null && start.getYear() == end.minusDays(1).getYear();
      if (hasBucket) {
        bucketAlias = unique(used, compare ? (grain.equals("month") ? "month_num" : "quarter_num") : quarterNumber ? "quarter_num" : grain + "_start");
        String ref = quarterNumber ? "CAST(EXTRACT(QUARTER FROM k.tb) AS INTEGER)" : "k.tb";
        // the period comes first: analysts read a series by period, then by group
        select.add(0, ref + " AS " + bucketAlias);
        exprOf.put(bucketAlias, ref);
        columns.add(0, new Column(bucketAlias, "time", compare || quarterNumber ? "integer" : "date"));
      }
      List<String> partition = new ArrayList<>();
      for (int i = 0; i < dims.size(); i++) {
        partition.add("k.d" + i);
      }
      for (Output o : outputs) {
        String alias = unique(used, o.name());
        String cur = render(o, "", fill);
        if (o.cumulative()) {
          cur = "SUM(" + cur + ") OVER (" + (partition.isEmpty() ? "" : "PARTITION BY " + String.join(", ", partition) + " ")
              + "ORDER BY k.tb ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)";
        }
        if (sharePart != null) {
          continue;
        }
        select.add(cur + " AS " + alias);
        exprOf.put(alias, cur);
        columns.add(new Column(alias, "metric", o.format()));
        aliasOf.put(o.name(), alias);
        if (q.cumulative() != null && hasBucket && o == outputs.get(0)) {
          List<String> parts = new ArrayList<>(partition);
          if ("year".equals(q.cumulative().grainToDate()) && start != null && start.getYear() != end.minusDays(1).getYear()) {
            parts.add("EXTRACT(YEAR FROM k.tb)");
          }
          String cAlias = unique(used, "cumulative_" + o.name());
          select.add("SUM(" + render(o, "", true) + ") OVER (" + (parts.isEmpty() ? "" : "PARTITION BY " + String.join(", ", parts) + " ")
              + "ORDER BY k.tb ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS " + cAlias);
          columns.add(new Column(cAlias, "metric", o.format()));
        }
        String sideBySide = q.compare() == null ? null : q.compare().output();
        if (compare && ("periods_asc".equals(sideBySide) || "periods_desc".equals(sideBySide))) {
          // two periods side by side, in the order the question named them
          String prev = render(o, "_p", false);
          String pAlias = unique(used, o.name() + "_earlier");
          int at = select.size() - 1;
          if ("periods_asc".equals(sideBySide)) {
            select.add(at, prev + " AS " + pAlias);
            columns.add(at, new Column(pAlias, "metric", o.format()));
          } else {
            select.add(prev + " AS " + pAlias);
            columns.add(new Column(pAlias, "metric", o.format()));
          }
        } else if (compare) {
          String prev = render(o, "_p", false);
          String pAlias = unique(used, o.name() + "_previous");
          select.add(prev + " AS " + pAlias);
          columns.add(new Column(pAlias, "metric", o.format()));
          String cAlias = unique(used, o.name() + "_pct_change");
          select.add(dialect.hundred() + " * (" + cur + " - " + prev + ") / NULLIF(" + prev + ", 0) AS " + cAlias);
          columns.add(new Column(cAlias, "metric", "percent"));
        }
        if (shareOfTotal && o == outputs.get(0)) {
          String sAlias = unique(used, o.name() + "_share");
          select.add(q.share().scale() + "CAST(" + cur + " AS DOUBLE PRECISION) / NULLIF(SUM(" + cur + ") OVER (" + (hasBucket ? "PARTITION BY k.tb" : "") + "), 0) AS " + sAlias);
          columns.add(new Column(sAlias, "metric", Boolean.TRUE.equals(q.share().percent()) ? "percent" : "ratio"));
          aliasOf.put("share", sAlias);
        }
      }
      if (sharePart != null) {
        Output whole = outputs.get(0);
        String alias = unique(used, sharePart.name());
        select.add(q.share().scale() + "CAST(" + render(sharePart, "", fill) + " AS DOUBLE PRECISION) / NULLIF(" + render(whole, "", fill) + ", 0) AS " + alias);
        columns.add(new Column(alias, "metric", Boolean.TRUE.equals(q.share().percent()) ? "percent" : "ratio"));
        aliasOf.put(whole.name(), alias);
        aliasOf.put(sharePart.name(), alias);
      }
      List<String> thresholds = new ArrayList<>();
      for (Filter f : q.filters()) {
        if (model.metrics().containsKey(f.field()) && f.groupBy() == null) {
          thresholds.add(exprOf.get(aliasOf.get(f.field())) + " " + f.op() + " " + Sql.number(f.values().get(0)));
        }
      }
      String tail = " FROM " + fromClause + (thresholds.isEmpty() ? "" : " WHERE " + String.join(" AND ", thresholds));
      String body = " SELECT " + String.join(", ", select) + tail;
      List<String> order = new ArrayList<>();
      Set<String> ordered = new LinkedHashSet<>();
      for (OrderBy ob : q.orderBy()) {
        String alias = aliasOf.get(ob.field());
        if (alias == null && bucketAlias != null && (ob.field().equals("time") || ob.field().contains("__") || isTimeDimension(ob.field()))) {
          alias = bucketAlias;
        }
        if (alias == null) {
          throw new CompileException("cannot order by " + ob.field() + ": it is not in the result");
        }
        if (ordered.add(alias)) {
          order.add(alias + ("desc".equalsIgnoreCase(ob.direction()) ? " DESC" : " ASC") + " NULLS LAST");
        }
      }
      if (bucketAlias != null && ordered.add(bucketAlias)) {
        order.add(bucketAlias + " ASC");
      }
      for (Dimension d : dims) {
        String alias = aliasOf.get(d.name());
        if (ordered.add(alias)) {
          order.add(alias + " ASC NULLS LAST");
        }
      }
      int limit = limitOf(q, model.rowLimit());
      if (Boolean.TRUE.equals(q.ties()) && q.limit() != null && !q.orderBy().isEmpty()) {
        // every row tied with the last one kept stays: rank on the first ordering, keep ranks up to the limit
        String first = order.get(0);
        String firstAlias = first.substring(0, first.indexOf(' '));
        String rankOrder = exprOf.getOrDefault(firstAlias, firstAlias) + first.substring(first.indexOf(' '));
        List<String> names = columns.stream().map(Column::name).toList();
        sql.append(" SELECT ").append(String.join(", ", names)).append(" FROM (SELECT ").append(String.join(", ", select))
            .append(", RANK() OVER (ORDER BY ").append(rankOrder).append(") AS rnk").append(tail).append(") ranked WHERE rnk <= ").append(limit);
        sql.append(" ORDER BY ").append(String.join(", ", order));
        sql.append(" LIMIT ").append(model.rowLimit() + 1);
        return new CompiledQuery(sql.toString(), dialect.name(), columns, model.rowLimit());
      }
      sql.append(body);
      if (!order.isEmpty()) {
        sql.append(" ORDER BY ").append(String.join(", ", order));
      }
      sql.append(" LIMIT ").append(limit);
      return new CompiledQuery(sql.toString(), dialect.name(), columns, model.rowLimit());
    }

    private boolean isTimeDimension(String field) {
      return model.dimension(field).map(d -> d.kind().isTime()).orElse(false) || field.equals("metric_time");
    }

    private String render(Output o, String suffix, boolean fill) {
      String s = o.template();
      for (int i = 0; i < o.columns().size(); i++) {
        String col = o.columns().get(i) + suffix;
        if ((fill || o.cumulative()) && o.additive().get(i)) {
          col = "COALESCE(" + col + ", 0)";
        }
        s = s.replace("{" + i + "}", col);
      }
      return s;
    }
  }

  static int limitOf(SemanticQuery q, int rowLimit) {
    if (q.limit() != null) {
      if (q.limit() < 1) {
        throw new CompileException("limit must be at least 1");
      }
      return Math.min(q.limit(), rowLimit);
    }
    return rowLimit + 1;
  }

  private static List<String> concat(List<String> a, String b) {
    List<String> out = new ArrayList<>(a);
    out.add(b);
    return out;
  }

  private static String unique(Set<String> used, String name) {
    String n = name.replaceAll("[^A-Za-z0-9_]", "_").toLowerCase(Locale.ROOT);
    String candidate = n;
    for (int i = 2; !used.add(candidate); i++) {
      candidate = n + "_" + i;
    }
    return candidate;
  }
}
