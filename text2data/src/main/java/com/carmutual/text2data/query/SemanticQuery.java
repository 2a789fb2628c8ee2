package com.carmutual.text2data.query;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A typed question against the semantic model: metrics by dimensions with filters, a time range
 * and grain, a comparison, order and limit; or a retention or conversion query over app events.
 * Every name must exist in the semantic model; the compiler, never the model, writes the SQL.
 */
@Serdeable
@Schema(description = "A governed semantic query (metrics, retention or conversion)")
public record SemanticQuery(
    @Schema(description = "metrics | retention | conversion") String kind,
    @Nullable List<String> metrics,
    @Nullable List<String> dimensions,
    @Nullable List<Filter> filters,
    @Nullable TimeSpec time,
    @Nullable List<OrderBy> orderBy,
    @Nullable Integer limit,
    @Nullable Compare compare,
    @Nullable @Schema(description = "of_total: each group's share of the total; of_part: share of the rows matching part") Share share,
    @Nullable Retention retention,
    @Nullable Conversion conversion) {

  public SemanticQuery {
    kind = kind == null || kind.isBlank() ? "metrics" : kind;
    metrics = metrics == null ? List.of() : List.copyOf(metrics);
    dimensions = dimensions == null ? List.of() : List.copyOf(dimensions);
    filters = filters == null ? List.of() : List.copyOf(filters);
    orderBy = orderBy == null ? List.of() : List.copyOf(orderBy);
  }

  /** A filter on a dimension: op is =, !=, in or not_in. */
  @Serdeable
  public record Filter(String field, String op, List<String> values) {
    public Filter {
      op = op == null ? "in" : op;
      values = values == null ? List.of() : List.copyOf(values);
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

  /** Compare with the same period shifted back by value units (year, quarter, month). */
  @Serdeable
  public record Compare(String unit, int value) {}

  /** Share of total across groups, or share of the rows matching {@code part}. */
  @Serdeable
  public record Share(String type, @Nullable Filter part) {}

  /**
   * Retention: users whose first target event falls in the time range, returning with the
   * returning event exactly {@code day} days later; cohorts grouped by cohortGrain (day or none).
   */
  @Serdeable
  public record Retention(String targetEvent, String returningEvent, int day, @Nullable String cohortGrain) {}

  /** Conversion: users doing baseEvent in the time range who do conversionEvent within windowDays. */
  @Serdeable
  public record Conversion(String baseEvent, String conversionEvent, int windowDays) {}

  public SemanticQuery withDimensions(List<String> dims) {
    return new SemanticQuery(kind, metrics, dims, filters, time, orderBy, limit, compare, share, retention, conversion);
  }

  public SemanticQuery withFilters(List<Filter> f) {
    return new SemanticQuery(kind, metrics, dimensions, f, time, orderBy, limit, compare, share, retention, conversion);
  }

  public SemanticQuery withTime(TimeSpec t) {
    return new SemanticQuery(kind, metrics, dimensions, filters, t, orderBy, limit, compare, share, retention, conversion);
  }

  public SemanticQuery withMetrics(List<String> m) {
    return new SemanticQuery(kind, m, dimensions, filters, time, orderBy, limit, compare, share, retention, conversion);
  }

  public SemanticQuery withOrder(List<OrderBy> o, Integer lim) {
    return new SemanticQuery(kind, metrics, dimensions, filters, time, o, lim, compare, share, retention, conversion);
  }
}
