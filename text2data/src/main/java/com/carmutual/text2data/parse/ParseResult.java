package com.carmutual.text2data.parse;

import com.carmutual.text2data.query.SemanticQuery;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Output of the {@code text2data.parse} task: status answered (with a query), clarify or refused
 * (with the reason and the nearest things the model knows), and the question's language (en, zh).
 */
@Serdeable
public record ParseResult(
    String status,
    @Nullable SemanticQuery query,
    @Nullable String reason,
    @Nullable List<String> suggestions,
    @Nullable String language,
    @Nullable @Schema(description = "words of the question the parse could not place (a clarification names them)") List<String> unplaced) {

  public ParseResult(String status, SemanticQuery query, String reason, List<String> suggestions, String language) {
    this(status, query, reason, suggestions, language, List.of());
  }

  public static ParseResult answered(SemanticQuery q, String language) {
    return new ParseResult("answered", q, null, List.of(), language);
  }

  public static ParseResult clarify(String reason, List<String> suggestions, String language) {
    return new ParseResult("clarify", null, reason, suggestions, language);
  }

  public static ParseResult refused(String reason, String language) {
    return new ParseResult("refused", null, reason, List.of(), language);
  }
}
