package com.carmutual.text2data.ask;

import com.carmutual.shared.llmops.NodeKind;
import com.carmutual.shared.llmops.WorkflowRun;
import com.carmutual.shared.llmops.Workflows;
import com.carmutual.shared.problem.ProblemException;
import com.carmutual.shared.time.BusinessZone;
import com.carmutual.text2data.compile.CompileException;
import com.carmutual.text2data.compile.CompiledQuery;
import com.carmutual.text2data.compile.SqlCompiler;
import com.carmutual.text2data.feedback.ConversationState;
import com.carmutual.text2data.feedback.Feedback;
import com.carmutual.text2data.model.SemanticModel;
import com.carmutual.text2data.parse.ParseRequest;
import com.carmutual.text2data.parse.ParseResult;
import com.carmutual.text2data.parse.QuestionParser;
import com.carmutual.text2data.parse.Reading;
import com.carmutual.text2data.query.SemanticQuery;
import com.carmutual.text2data.warehouse.QueryResult;
import com.carmutual.text2data.warehouse.Warehouse;
import com.carmutual.text2data.warehouse.WarehouseException;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Workflow {@code text2data.ask}: parse (LLM node, deterministic offline) -> validate -> compile ->
 * execute -> explain; and {@code text2data.query} for a semantic query given directly. Every answer
 * is stored so analysts can give feedback on it.
 */
@Singleton
public class AskWorkflow {
  private final Workflows workflows;
  private final QuestionParser parser;
  private final SqlCompiler compiler;
  private final Warehouse warehouse;
  private final com.carmutual.text2data.warehouse.RollupStore rollups;
  private final Feedback feedback;
  private final SemanticModel model;
  private final Clock clock;
  private final BusinessZone zone;

  AskWorkflow(Workflows workflows, QuestionParser parser, SqlCompiler compiler, Warehouse warehouse,
      com.carmutual.text2data.warehouse.RollupStore rollups, Feedback feedback, SemanticModel model, Clock clock, BusinessZone zone) {
    this.workflows = workflows;
    this.rollups = rollups;
    this.parser = parser;
    this.compiler = compiler;
    this.warehouse = warehouse;
    this.feedback = feedback;
    this.model = model;
    this.clock = clock;
    this.zone = zone;
  }

  /** Inputs of the ask workflow, as stored with the run. */
  @Serdeable
  public record AskInput(String question, String asOf, String conversationId) {}

  /** Inputs of the query workflow. */
  @Serdeable
  public record QueryInput(SemanticQuery query, String asOf) {}

  /** Input of the validate/compile nodes. */
  @Serdeable
  record QueryAt(SemanticQuery query, String asOf) {}

  public LocalDate asOf(String given) {
    if (given == null || given.isBlank()) {
      return LocalDate.now(clock.withZone(zone.zone()));
    }
    try {
      return LocalDate.parse(given);
    } catch (java.time.format.DateTimeParseException e) {
      throw ProblemException.badRequest("invalid-as-of", "asOf must be an ISO date (yyyy-mm-dd), got: " + given);
    }
  }

  public Answer ask(String question, String asOfText, String conversationId) {
    LocalDate asOf = asOf(asOfText);
    AskInput input = new AskInput(question, asOf.toString(), conversationId);
    var result = workflows.run("text2data.ask", input, run -> {
      Optional<ConversationState> conversation = feedback.conversation(conversationId);
      Optional<SemanticQuery> corrected = feedback.correctionFor(question);
      ParseRequest request = new ParseRequest(question, asOf.toString(), conversation.map(ConversationState::lastQuery).orElse(null),
          corrected.isPresent() ? List.of() : feedback.examples());
      ParseResult parsed = run.node("parse", NodeKind.LLM, request, () -> corrected
          .map(q -> ParseResult.answered(q, languageOf(question)))
          .orElseGet(() -> parser.parse(request)));
      String lang = parsed.language() == null ? languageOf(question) : parsed.language();
      String source = corrected.isPresent() ? "correction" : "parser";
      if (!"answered".equals(parsed.status()) || parsed.query() == null) {
        return notAnswered(run, question, asOf, conversationId, parsed.status(), parsed.reason(), parsed.suggestions(), lang, source, parsed.query(),
            parsed.unplaced());
      }
      Answer a = execute(run, question, parsed.query(), asOf, conversationId, lang, source);
      if ("answered".equals(a.status())) {
        feedback.remember(conversationId, question, parsed.query());
      }
      return a;
    });
    return withRun(result.output(), result.runId());
  }

  public Answer query(SemanticQuery q, String asOfText) {
    LocalDate asOf = asOf(asOfText);
    var result = workflows.run("text2data.query", new QueryInput(q, asOf.toString()),
        run -> execute(run, null, q, asOf, null, "en", "query"));
    return withRun(result.output(), result.runId());
  }

  /** Compiles a query (the compile node on its own). */
  public CompiledQuery compile(SemanticQuery q, String asOfText) {
    try {
      return compiler.compile(q, warehouse.dialect(), asOf(asOfText), rollups);
    } catch (CompileException e) {
      throw ProblemException.badRequest("invalid-semantic-query", e.getMessage());
    }
  }

  private Answer execute(WorkflowRun run, String question, SemanticQuery q, LocalDate asOf, String conversationId, String lang, String source) {
    QueryAt at = new QueryAt(q, asOf.toString());
    CompiledQuery cq;
    try {
      run.node("validate", NodeKind.DETERMINISTIC, at, () -> validate(q));
      cq = run.node("compile", NodeKind.DETERMINISTIC, at, () -> compiler.compile(q, warehouse.dialect(), asOf, rollups));
    } catch (CompileException e) {
      List<String> known = model.metrics().values().stream().filter(m -> !m.hidden()).map(SemanticModel.Metric::name).limit(12).toList();
      return notAnswered(run, question, asOf, conversationId, "clarify", e.getMessage(), known, lang, source, q, List.of());
    }
    QueryResult r;
    try {
      r = run.node("execute", NodeKind.DETERMINISTIC, cq, () -> warehouse.execute(cq));
    } catch (WarehouseException e) {
      throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "warehouse-unavailable", e.getMessage());
    }
    String explanation = run.node("explain", NodeKind.DETERMINISTIC, at, () -> Explainer.explain(model, q, r, lang));
    String id = feedback.saveAnswer(question, asOf, conversationId, "answered", q, cq.sql(), run.id());
    return new Answer(id, "answered", question, lang, q, cq.sql(), r.columns(), r.rows(), r.truncated(), explanation,
        Explainer.chart(q, cq, r), null, List.of(), source, run.id(), Reading.of(model, q, lang), List.of());
  }

  /** Checks names and shape before compiling; the compiler checks the rest. */
  private SemanticQuery validate(SemanticQuery q) {
    for (String m : q.metrics()) {
      if (!model.metrics().containsKey(m)) {
        throw new CompileException("unknown metric " + m);
      }
    }
    for (String d : q.dimensions()) {
      if (compiler.dimension(d).isEmpty()) {
        throw new CompileException("unknown dimension " + d);
      }
    }
    if (q.dimensions().size() > 4) {
      throw new CompileException("at most 4 dimensions per query");
    }
    if (q.metrics().size() > 8) {
      throw new CompileException("at most 8 metrics per query");
    }
    return q;
  }

  private Answer notAnswered(WorkflowRun run, String question, LocalDate asOf, String conversationId, String status, String reason,
      List<String> suggestions, String lang, String source, SemanticQuery q, List<String> unplaced) {
    String id = feedback.saveAnswer(question, asOf, conversationId, status, q, null, run.id());
    String explanation = reason == null ? "" : reason;
    return new Answer(id, status, question, lang, q, null, List.of(), List.of(), false, explanation, null, reason,
        suggestions == null ? List.of() : suggestions, source, run.id(), q == null ? null : Reading.of(model, q, lang),
        unplaced == null ? List.of() : unplaced);
  }

  private static Answer withRun(Answer a, String runId) {
    return new Answer(a.id(), a.status(), a.question(), a.language(), a.semanticQuery(), a.sql(), a.columns(), a.rows(), a.truncated(),
        a.explanation(), a.chart(), a.reason(), a.suggestions(), a.source(), runId, a.reading(), a.unplaced());
  }

  static String languageOf(String question) {
    return question != null && question.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) ? "zh" : "en";
  }
}
