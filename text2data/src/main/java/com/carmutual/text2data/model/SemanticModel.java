package com.carmutual.text2data.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The governed semantic layer: everything that can be asked of the warehouse. Immutable once
 * loaded; every name a semantic query uses must resolve here.
 */
public record SemanticModel(
    String spineTable,
    String spineColumn,
    int rowLimit,
    Map<String, Entity> entities,
    Map<String, Dimension> dimensions,
    Map<String, Metric> metrics,
    Map<String, Event> events,
    List<Rollup> rollups) {

  /** A table with a key, its default time column and its many-to-one joins {other entity: fk column}. */
  public record Entity(
      String name,
      String table,
      String key,
      String timeColumn,
      String userKey,
      String propertiesTable,
      Map<String, String> joins,
      List<String> synonyms) {}

  /** What a dimension reads. */
  public enum Kind {
    CATEGORY,
    NUMBER,
    BOOLEAN,
    TIME,
    DATE,
    EVENT_PROPERTY,
    USER_FIRST_EVENT_PROPERTY;

    public boolean isTime() {
      return this == TIME || this == DATE;
    }
  }

  /** A named group of values, e.g. 新能源 = bev + phev. */
  public record ValueSet(List<String> values, List<String> synonyms) {}

  /** A column (or event property) that queries group or filter by. */
  public record Dimension(
      String name,
      String entity,
      String column,
      Kind kind,
      String propertyKey,
      String event,
      List<String> synonyms,
      Map<String, List<String>> values,
      Map<String, ValueSet> valueSets,
      boolean entityLevel,
      Map<String, List<String>> aliases) {

    /** True when the model lists the allowed values (so any other value is refused). */
    public boolean closedValues() {
      return !values.isEmpty() && kind != Kind.EVENT_PROPERTY && kind != Kind.USER_FIRST_EVENT_PROPERTY;
    }
  }

  /** A row condition on a column of the measure's own table. op: in, not_in, is_null, not_null, is_true, is_false. */
  public record Condition(String column, String op, List<String> values) {}

  /** One aggregate over an entity: agg count|count_distinct|sum|avg|min|max of expr where filter. */
  public record Measure(String agg, String expr, List<Condition> filter) {}

  /** Active-on-a-day columns for snapshot metrics. */
  public record Active(String start, String end, String cancel) {}

  /**
   * A metric. type: simple (measure), ratio (numerator/denominator), derived (expr over other
   * metrics), cumulative (running total of metric cumulativeOf), snapshot (measure over rows active
   * on a day). timeColumn: null = the entity's default, "none" = not time-bound.
   */
  public record Metric(
      String name,
      String type,
      String entity,
      Measure measure,
      Measure numerator,
      Measure denominator,
      String derivedExpr,
      String cumulativeOf,
      Active active,
      String timeColumn,
      String unit,
      List<String> synonyms,
      boolean hidden) {

    public boolean isRatio() {
      return "ratio".equals(type) || ("derived".equals(type) && derivedExpr != null && derivedExpr.contains("/"));
    }
  }

  /**
   * An app event of the tracking plan (埋点字典). retentionDefault: "cohort" when a retention question
   * that names no cohort event means this one (new users), "returning" when "came back", "were active
   * again" or 留存 without an event means this one; null otherwise. At most one event has each role.
   */
  public record Event(String name, List<String> synonyms, String retentionDefault) {
    public Event(String name, List<String> synonyms) {
      this(name, synonyms, null);
    }
  }

  /** The event a retention question means when it names none for the cohort, if the model declares one. */
  public Optional<String> defaultCohortEvent() {
    return events.values().stream().filter(e -> "cohort".equals(e.retentionDefault())).map(Event::name).findFirst();
  }

  /** The event "came back" means in a retention question, if the model declares one. */
  public Optional<String> defaultReturningEvent() {
    return events.values().stream().filter(e -> "returning".equals(e.retentionDefault())).map(Event::name).findFirst();
  }

  /**
   * A pre-aggregated table (like Cube's pre-aggregations). A {@link RollupKind#DAILY} rollup has one
   * row per day of the entity's time column and per combination of the listed dimensions, with one
   * column per measure. The cohort kinds serve retention: {@link RollupKind#FIRST_EVENT} keeps each
   * user's first day per event name, {@link RollupKind#USER_DAYS} the distinct (user, event name,
   * day) of the event entity. The compiler reads one instead of the entity's table only when that
   * gives the same result (see {@code compile.RollupMatch} and {@code compile.CohortRollups}); the
   * warehouse builds and refreshes it.
   *
   * @param dimensions dimension names of the entity, stored in columns of the same name (daily only)
   * @param events the event names a cohort rollup keeps (empty: all)
   */
  public record Rollup(String name, RollupKind kind, String entity, List<String> dimensions, List<RollupMeasure> measures,
                       List<String> events) {
    public Rollup(String name, String entity, List<String> dimensions, List<RollupMeasure> measures) {
      this(name, RollupKind.DAILY, entity, dimensions, measures, List.of());
    }

    /** The table's name in the warehouse's rollup schema. */
    public String table() {
      return "rollup_" + name;
    }

    /** Whether a cohort rollup holds the rows of event {@code event}. */
    public boolean covers(String event) {
      return events.isEmpty() || events.contains(event);
    }
  }

  /** What a rollup keeps (YAML {@code kind:} daily, first_event or user_days). */
  public enum RollupKind {
    /** Per day and dimension combination: count, count_distinct and sum measures. */
    DAILY,
    /** Per user and event name: the day of the user's first such event ({@code user key, event_name, first_day}). */
    FIRST_EVENT,
    /** Per user, event name and day on which the user did it ({@code user key, event_name, event_day}). */
    USER_DAYS;

    /** The column holding the stored day. */
    public String dayColumn(Entity e) {
      return switch (this) {
        case DAILY -> e.timeColumn();
        case FIRST_EVENT -> "first_day";
        case USER_DAYS -> "event_day";
      };
    }
  }

  /** A measure stored in a rollup column: {@code agg} of {@code expr} (null for count) over the day's rows. */
  public record RollupMeasure(String column, String agg, String expr) {}

  public Optional<Dimension> dimension(String name) {
    return Optional.ofNullable(dimensions.get(name));
  }

  public Optional<Metric> metric(String name) {
    return Optional.ofNullable(metrics.get(name));
  }

  /** The dimension declared on {@code entity}'s {@code column}, if any. */
  public Optional<Dimension> columnDimension(String entity, String column) {
    return dimensions.values().stream()
        .filter(d -> d.entity().equals(entity) && column.equals(d.column()))
        .findFirst();
  }

  /** The event entity (the one with a user key and a properties table). */
  public Entity eventEntity() {
    return entities.values().stream()
        .filter(e -> e.userKey() != null)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the semantic model declares no event entity"));
  }

  /** True when {@code to} is reachable from {@code from} through many-to-one joins (or is it). */
  public boolean reachable(String from, String to) {
    if (from.equals(to)) {
      return true;
    }
    java.util.Set<String> seen = new java.util.HashSet<>();
    java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>(List.of(from));
    while (!queue.isEmpty()) {
      Entity e = entities.get(queue.poll());
      if (e == null) {
        continue;
      }
      for (String next : e.joins().keySet()) {
        if (next.equals(to)) {
          return true;
        }
        if (seen.add(next)) {
          queue.add(next);
        }
      }
    }
    return false;
  }

  /** The entities a metric aggregates (several for derived metrics). */
  public java.util.Set<String> metricEntities(String metricName) {
    Metric m = metrics.get(metricName);
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    if (m == null) {
      return out;
    }
    if (m.entity() != null) {
      out.add(m.entity());
    } else if (m.cumulativeOf() != null) {
      out.addAll(metricEntities(m.cumulativeOf()));
    } else if (m.derivedExpr() != null) {
      for (String t : m.derivedExpr().split("[^A-Za-z0-9_]+")) {
        if (metrics.containsKey(t)) {
          out.addAll(metricEntities(t));
        }
      }
    }
    return out;
  }

  /** Whether {@code dimension} can break down or filter a metric of {@code entity} without fan-out. */
  public boolean compatible(String entity, Dimension d) {
    if (d.kind() == Kind.EVENT_PROPERTY || d.kind() == Kind.USER_FIRST_EVENT_PROPERTY) {
      Entity e = entities.get(entity);
      return e != null && e.userKey() != null;
    }
    return reachable(entity, d.entity());
  }
}
