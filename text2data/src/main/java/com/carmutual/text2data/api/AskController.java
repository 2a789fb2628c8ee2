package com.carmutual.text2data.api;

import com.carmutual.shared.problem.ProblemException;
import com.carmutual.shared.web.AdminClients;
import com.carmutual.shared.web.Caller;
import com.carmutual.text2data.ask.Answer;
import com.carmutual.text2data.ask.AskWorkflow;
import com.carmutual.text2data.feedback.AnswerRecord;
import com.carmutual.text2data.feedback.Feedback;
import com.carmutual.text2data.query.SemanticQuery;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Analysts' API: ask a question, run a semantic query, read the model, give feedback on an answer. */
@Controller("/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "text2data")
class AskController {
  private final AskWorkflow workflow;
  private final Feedback feedback;
  private final SemanticModelView modelView;
  private final AdminClients admins;

  AskController(AskWorkflow workflow, Feedback feedback, SemanticModelView modelView, AdminClients admins) {
    this.workflow = workflow;
    this.feedback = feedback;
    this.modelView = modelView;
    this.admins = admins;
  }

  @Serdeable
  record AskRequest(
      @NotBlank @Size(max = 1000) String question,
      @Nullable String asOf,
      @Nullable @Size(max = 100) String conversationId) {}

  @Serdeable
  record QueryRequest(@NotNull SemanticQuery query, @Nullable String asOf) {}

  @Serdeable
  record FeedbackRequest(@NotNull Boolean correct, @Nullable SemanticQuery correctedQuery, @Nullable @Size(max = 2000) String comment) {}

  @Serdeable
  record FeedbackResponse(String answerId, String annotationId, boolean correctionSaved) {}

  @Post("/ask")
  @Operation(summary = "Answer a question in English or Chinese from the semantic layer (answered, clarify or refused)")
  Answer ask(@Body @Valid AskRequest request) {
    return workflow.ask(request.question(), request.asOf(), request.conversationId());
  }

  @Post("/query")
  @Operation(summary = "Run a semantic query given as JSON (for tools and for correcting a parse)")
  Answer query(@Body @Valid QueryRequest request) {
    workflow.compile(request.query(), request.asOf());
    return workflow.query(request.query(), request.asOf());
  }

  @Get("/semantic-model")
  @Operation(summary = "What can be asked: metrics, dimensions with their values, events, time grains")
  SemanticModelView.View semanticModel() {
    return modelView.view();
  }

  @Post("/answers/{id}/feedback")
  @Operation(summary = "Mark an answer right or wrong, optionally with the corrected semantic query")
  FeedbackResponse feedback(@PathVariable String id, @Body @Valid FeedbackRequest request) {
    AnswerRecord answer = feedback.answer(id).orElseThrow(() -> ProblemException.notFound("answer " + id));
    if (request.correctedQuery() != null || Boolean.TRUE.equals(request.correct())) {
      // a confirmed or corrected query answers everyone who asks the same question: a configuration change
      admins.requireAdmin("save a correction served to everyone (feedback with correct=true or a correctedQuery)");
    }
    if (request.correctedQuery() != null) {
      workflow.compile(request.correctedQuery(), answer.asOf().toString());
    }
    String author = Caller.client().orElse("unknown");
    String annotation = feedback.record(answer, request.correct(), request.correctedQuery(), request.comment(), author);
    boolean saved = request.correctedQuery() != null || Boolean.TRUE.equals(request.correct()) && answer.semanticQuery() != null;
    return new FeedbackResponse(id, annotation, saved && answer.question() != null);
  }
}
