package com.carmutual.text2data.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A typed question against the semantic model: metrics by dimensions with filters, a time range
 * and grain, a comparison, order and limit; or a retention, conversion or funnel query over app
 * events. Every name must exist in the semantic model; the compiler, never the model, writes the SQL.
 */
@Serdeable
@Schema(description = "A governed semantic query (metrics, retention, conversion or funnel)")
public record SemanticQuery(
    @Schema(description = "metrics | retention | conversion | funnel") String kind,
    @Nullable List<String> metrics,
    @Schema(description = "dimension names; a time dimension with __hour, __day_of_week or __month_of_year is a date part")
    @Nullable List<String> dimensions,
    @Nullable List<Filter> filters,
    @Nullable TimeSpec time,
    @Nullable List<OrderBy> orderBy,
    @Nullable Integer limit,
    @Nullable Compare compare,
    @Nullable @Schema(description = "of_total: each group's share of the total; of_part: share of the rows matching part") Share share,
    @Nullable Retention retention,
    @Nullable Conversion conversion,
    @Nullable @Schema(description = "keep every row tied with the last one the limit keeps") Boolean ties,
    @Nullable @Schema(description = "running total of the first metric through the period") Cumulative cumulative,
    @Nullable Funnel funnel) {

  public SemanticQuery {
    kind = kind == null || kind.isBlank() ? "metrics" : kind;
    metrics = metrics == null ? List.of() : List.copyOf(metrics);
    dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
    filters = filters == null ? List.of() : List.copyOf(filters);
    orderBy = orderBy == null ? List.of() : List.copyOf(orderBy);
  }

  public SemanticQuery(String kind, List<String> metrics, List<String> dimensions, List<Filter> filters, TimeSpec time,
      List<OrderBy> orderBy, Integer limit, Compare compare, Share share, Retention retention, Conversion conversion) {
    this(kind, metrics, dimensions, filters, time, orderBy, limit, compare, share, retention, conversion, null, null, null);
  }

  /**
   * A filter. On a dimension: op is =, !=, in, not_in, or a comparison (&gt;, &gt;=, &lt;, &lt;=) on a
   * number dimension. On a metric (a threshold on an aggregate, e.g. payouts above 10,000): op is a
   * comparison and {@code groupBy} names the entity the metric is totalled per (null: per output row).
   */
  @Serdeable
  public record Filter(String field, String op, List<String> values, @Nullable String groupBy) {
    public Filter {
      op = op == null ? "in" : op;
      values = values == null ? List.of() : List.copyOf(values);
    }

    public Filter(String field, String op, List<String> values) {
      this(field, op, values, null);
    }

    public boolean comparison() {
      return op.equals(">") || op.equals(">=") || op.equals("<") || op.equals("<=");
    }
  }

  /**
   * The period [start, end) (ISO dates, end exclusive) on a time dimension (null = each metric's
   * default), an optional grain (day, week, month, quarter, half_year, year) and the phrase it came
   * from (e.g. last_quarter).
   */
  @Serdeable
  public record TimeSpec(
      @Nullable String dimension, @Nullable String start, @Nullable String end, @Nullable String grain, @Nullable String expr) {}

  /** Order by a metric, a dimension or the time bucket ("time"); direction asc or desc. */
  @Serdeable
  public record OrderBy(String field, String direction) {}

  /**
   * Compare with the same period shifted back by value units (year, quarter, month, week). Output
   * "previous" (default) shows current, previous and change %; "change" shows current, change and
   * change %. With a grain equal to the unit, every period of the range is compared with the one before.
   */
  @Serdeable
  public record Compare(String unit, int value, @Nullable String output) {
    public Compare(String unit, int value) {
      this(unit, value, null);
    }
  }

  /** Share of total across groups, or share of the rows matching {@code part}; a fraction, or a percentage when {@code percent}. */
  @Serdeable
  public record Share(String type, @Nullable Filter part, @Nullable Boolean percent) {
    public Share(String type, Filter part) {
      this(type, part, null);
    }

    public String scale() {
      return Boolean.TRUE.equals(percent) ? "100.0 * " : "";
    }
  }

  /**
   * Retention: users whose first target event falls in the time range, returning with the
   * returning event exactly {@code day} days later (or each of {@code days}); cohorts grouped by
   * cohortGrain (day or none).
   */
  @Serdeable
  public record Retention(String targetEvent, String returningEvent, int day, @Nullable String cohortGrain, @Nullable List<Integer> days) {
    public Retention(String targetEvent, String returningEvent, int day, String cohortGrain) {
      this(targetEvent, returningEvent, day, cohortGrain, null);
    }
  }

  /**
   * Conversion: users doing baseEvent in the time range who do conversionEvent within windowDays;
   * or, between entities, the rows counted by baseMetric in the time range (new members) with a
   * row of conversionMetric's entity linked to them within windowDays of their own date (a claim in
   * their first month). percent: the rate as a percentage, else a fraction.
   */
  @Serdeable
  public record Conversion(@Nullable String baseEvent, @Nullable String conversionEvent, int windowDays,
      @Nullable String baseMetric, @Nullable String conversionMetric, @Nullable Boolean percent) {
    public Conversion(String baseEvent, String conversionEvent, int windowDays) {
      this(baseEvent, conversionEvent, windowDays, null, null, null);
    }
  }

  /** Running total through each period; grainToDate "year" restarts every 1 January, null runs from the period start. */
  @Serdeable
  public record Cumulative(@Nullable String grainToDate) {}

  /** Ordered funnel: users entering with the first step in the time range, each later step within windowDays of the first. */
  @Serdeable
  public record Funnel(List<String> steps, int windowDays) {}

  public SemanticQuery withDimensions(List<String> dims) {
    return new SemanticQuery(kind, metrics, dims, filters, time, orderBy, limit, compare, share, retention, conversion, ties, cumulative, funnel);
  }

  public SemanticQuery withFilters(List<Filter> f) {
    return new SemanticQuery(kind, metrics, dimensions, f, time, orderBy, limit, compare, share, retention, conversion, ties, cumulative, funnel);
  }

  public SemanticQuery withTime(TimeSpec t) {
    return new SemanticQuery(kind, metrics, dimensions, filters, t, orderBy, limit, compare, share, retention, conversion, ties, cumulative, funnel);
  }

  public SemanticQuery withMetrics(List<String> m) {
    return new SemanticQuery(kind, m, dimensions, filters, time, orderBy, limit, compare, share, retention, conversion, ties, cumulative, funnel);
  }

  public SemanticQuery withOrder(List<OrderBy> o, Integer lim) {
    return new SemanticQuery(kind, metrics, dimensions, filters, time, o, lim, compare, share, retention, conversion, ties, cumulative, funnel);
  }

  public SemanticQuery withTies(Boolean t) {
    return new SemanticQuery(kind, metrics, dimensions, filters, time, orderBy, limit, compare, share, retention, conversion, t, cumulative, funnel);
  }

  public SemanticQuery withCumulative(Cumulative c) {
    return new SemanticQuery(kind, metrics, dimensions, filters, time, orderBy, limit, compare, share, retention, conversion, ties, c, funnel);
  }

  public SemanticQuery withCompare(Compare c) {
    return new SemanticQuery(kind, metrics, dimensions, filters, time, orderBy, limit, c, share, retention, conversion, ties, cumulative, funnel);
  }
}
