package com.carmutual.text2data.parse;

import com.carmutual.text2data.query.SemanticQuery;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Input of the {@code text2data.parse} task: the question, the date relative periods resolve
 * against, the previous query of the conversation (for follow-ups) and saved corrections as
 * examples.
 */
@Serdeable
public record ParseRequest(
    String question, String asOf, @Nullable SemanticQuery previous, @Nullable List<Example> examples) {

  public ParseRequest {
    examples = examples == null ? List.of() : List.copyOf(examples);
  }

  /** A question with the semantic query an analyst confirmed for it. */
  @Serdeable
  public record Example(String question, SemanticQuery query) {}
}
