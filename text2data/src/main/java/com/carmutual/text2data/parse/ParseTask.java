package com.carmutual.text2data.parse;

import com.carmutual.shared.gateway.ImageInput;
import com.carmutual.shared.gateway.local.LocalTask;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;

/** The local (offline) implementation of task {@code text2data.parse}: the deterministic parser. */
@Singleton
final class ParseTask implements LocalTask<Object, ParseResult> {
  private final DeterministicParser parser;
  private final JsonMapper json;

  ParseTask(DeterministicParser parser, JsonMapper json) {
    this.parser = parser;
    this.json = json;
  }

  @Override
  public String task() {
    return QuestionParser.TASK;
  }

  @Override
  public ParseResult run(Object input, List<ImageInput> images) {
    return parser.parse(asRequest(input));
  }

  private ParseRequest asRequest(Object input) {
    if (input instanceof ParseRequest r) {
      return r;
    }
    try {
      String text = input instanceof String s ? s : json.writeValueAsString(input);
      return json.readValue(text, ParseRequest.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("text2data.parse input is not a ParseRequest", e);
    }
  }
}
