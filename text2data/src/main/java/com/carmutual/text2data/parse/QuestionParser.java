package com.carmutual.text2data.parse;

import com.carmutual.shared.gateway.LlmException;
import com.carmutual.shared.gateway.LlmGateway;
import com.carmutual.shared.gateway.StructuredRequest;
import com.carmutual.text2data.compile.CompileException;
import com.carmutual.text2data.compile.Dialect;
import com.carmutual.text2data.compile.SqlCompiler;
import com.carmutual.text2data.query.SemanticQuery;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code text2data.parse} node. The deterministic parser always reads the question; the
 * gateway's answer (a model online, the same deterministic parser offline) is checked against the
 * semantic layer and, where the deterministic reading is complete, compared with it: agreement
 * answers, disagreement goes back to the analyst with both readings, and a model query naming
 * anything the layer does not define is rejected, never executed.
 */
@Singleton
public class QuestionParser {
  public static final String TASK = "text2data.parse";
  private static final Logger LOG = LoggerFactory.getLogger(QuestionParser.class);

  private final LlmGateway gateway;
  private final DeterministicParser deterministic;
  private final SqlCompiler compiler;

  QuestionParser(LlmGateway gateway, DeterministicParser deterministic, SqlCompiler compiler) {
    this.gateway = gateway;
    this.deterministic = deterministic;
    this.compiler = compiler;
  }

  public ParseResult parse(ParseRequest request) {
    ParseResult local = deterministic.parse(request);
    if ("refused".equals(local.status())) {
      return local; // SQL, writes, personal data, the future: refused whatever a model would say
    }
    ParseResult model;
    try {
      model = gateway.structured(new StructuredRequest<>(TASK, request, List.of(),
          Map.of("semantic_model", PromptContext.model(deterministic.model()), "examples", PromptContext.examples(request.examples())), ParseResult.class));
    } catch (LlmException e) {
      LOG.info("text2data.parse via gateway failed ({}), using the deterministic parser", e.kind());
      return local;
    }
    if (model == null || model.status() == null) {
      return local;
    }
    String lang = local.language();
    if (!"answered".equals(model.status()) || model.query() == null) {
      if ("answered".equals(local.status())) {
        return disagreement(local.query(), null, lang);
      }
      return model.status().equals("refused") ? model : local;
    }
    String problem = check(model.query(), request.asOf());
    if (problem != null) {
      LOG.info("text2data.parse: the model's query was rejected, it does not fit the semantic layer ({})", problem);
      return local;
    }
    if (!"answered".equals(local.status())) {
      return ParseResult.answered(model.query(), lang);
    }
    if (QueryEquivalence.same(local.query(), model.query())) {
      return ParseResult.answered(model.query(), lang);
    }
    return disagreement(local.query(), model.query(), lang);
  }

  private ParseResult disagreement(SemanticQuery ours, SemanticQuery theirs, String lang) {
    boolean zh = "zh".equals(lang);
    List<String> options = new ArrayList<>();
    options.add(Reading.of(deterministic.model(), ours, lang));
    if (theirs != null) {
      options.add(Reading.of(deterministic.model(), theirs, lang));
    }
    String reason = zh ? "这个问题有不止一种读法，为避免给出错误的数字，请选择您要的那一种。"
        : "The question can be read in more than one way; pick the reading you mean rather than risk a wrong number.";
    return new ParseResult("clarify", null, reason, options, lang, List.of());
  }

  /** Null when the query names only what the layer defines and compiles, else why not. */
  String check(SemanticQuery q, String asOf) {
    if (q == null) {
      return "no query";
    }
    try {
      compiler.compile(q, Dialect.DUCKDB, LocalDate.parse(asOf));
      return null;
    } catch (CompileException | java.time.format.DateTimeParseException | NullPointerException e) {
      return e.getMessage();
    }
  }
}
