package com.carmutual.text2data.ask;

import com.carmutual.text2data.query.SemanticQuery;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The answer to a question or a semantic query: status answered (with SQL, columns and rows),
 * clarify or refused (with the reason and what the model does know). Never a number that the
 * compiler's SQL did not produce.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Answer(
    @Schema(description = "id for feedback: POST /v1/answers/{id}/feedback") String id,
    @Schema(description = "answered | clarify | refused") String status,
    @Nullable String question,
    String language,
    @Nullable SemanticQuery semanticQuery,
    @Nullable String sql,
    List<String> columns,
    List<List<Object>> rows,
    boolean truncated,
    String explanation,
    @Nullable Chart chart,
    @Nullable String reason,
    List<String> suggestions,
    @Schema(description = "parser | correction | query") String source,
    @Nullable String runId,
    @Schema(description = "the semantic query restated in plain words of the question's language (metric, filters, period with dates, grain, breakdown, order, limit)")
    @Nullable String reading,
    @Schema(description = "words of the question that could not be placed (a clarification names them)") List<String> unplaced) {

  /** A suggested chart: type (number, bar, line, pie, table), x axis column, y columns, series column. */
  @Serdeable
  public record Chart(String type, @Nullable String x, List<String> y, @Nullable String series) {}
}
