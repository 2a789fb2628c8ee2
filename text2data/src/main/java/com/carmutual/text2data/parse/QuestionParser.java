package com.carmutual.text2data.parse;

import com.carmutual.shared.gateway.LlmException;
import com.carmutual.shared.gateway.LlmGateway;
import com.carmutual.shared.gateway.StructuredRequest;
import java.util.List;
import java.util.Map;
import com.carmutual.text2data.compile.CompileException;
import com.carmutual.text2data.compile.SqlCompiler;
import com.carmutual.text2data.compile.Dialect;
import com.carmutual.text2data.query.SemanticQuery;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code text2data.parse} node: asks the gateway (a model online, the deterministic parser
 * offline), checks the answer against the semantic model by compiling it, and falls back to the
 * deterministic parser when the gateway fails or its query does not fit the model.
 */
@Singleton
public class QuestionParser {
  public static final String TASK = "text2data.parse";
  private static final Logger LOG = LoggerFactory.getLogger(QuestionParser.class);

  private final LlmGateway gateway;
  private final DeterministicParser fallback;
  private final SqlCompiler compiler;

  QuestionParser(LlmGateway gateway, DeterministicParser fallback, SqlCompiler compiler) {
    this.gateway = gateway;
    this.fallback = fallback;
    this.compiler = compiler;
  }

  public ParseResult parse(ParseRequest request) {
    ParseResult result;
    try {
      result = gateway.structured(new StructuredRequest<>(TASK, request, List.of(),
          Map.of("semantic_model", PromptContext.model(fallback.model()), "examples", PromptContext.examples(request.examples())), ParseResult.class));
    } catch (LlmException e) {
      LOG.info("text2data.parse via gateway failed ({}), using the deterministic parser", e.kind());
      return fallback.parse(request);
    }
    if (result == null || result.status() == null) {
      return fallback.parse(request);
    }
    if ("answered".equals(result.status())) {
      String problem = check(result.query(), request.asOf());
      if (problem != null) {
        LOG.info("text2data.parse answer does not fit the semantic model ({}), using the deterministic parser", problem);
        return fallback.parse(request);
      }
    }
    return result;
  }

  /** Null when the query compiles against the model, else why not. */
  String check(SemanticQuery q, String asOf) {
    if (q == null) {
      return "no query";
    }
    try {
      compiler.compile(q, Dialect.H2, LocalDate.parse(asOf));
      return null;
    } catch (CompileException | java.time.format.DateTimeParseException e) {
      return e.getMessage();
    }
  }
}
