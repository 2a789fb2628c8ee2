package com.carmutual.text2data.api;

import com.carmutual.text2data.ask.AskWorkflow;
import com.carmutual.text2data.compile.CompiledQuery;
import com.carmutual.text2data.parse.ParseRequest;
import com.carmutual.text2data.parse.ParseResult;
import com.carmutual.text2data.parse.QuestionParser;
import com.carmutual.text2data.query.SemanticQuery;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
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

/** The workflow's standalone nodes, typed, for tools and the LLM-operations pages. */
@Controller("/v1/nodes")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "nodes")
class NodeController {
  private final QuestionParser parser;
  private final AskWorkflow workflow;

  NodeController(QuestionParser parser, AskWorkflow workflow) {
    this.parser = parser;
    this.workflow = workflow;
  }

  @Serdeable
  record ParseNodeRequest(@NotBlank @Size(max = 1000) String question, @Nullable String asOf, @Nullable SemanticQuery previous) {}

  @Serdeable
  record CompileRequest(@NotNull SemanticQuery query, @Nullable String asOf) {}

  @Post("/text2data.parse")
  @Operation(summary = "Node text2data.parse: question -> semantic query (or clarify/refused)")
  ParseResult parse(@Body @Valid ParseNodeRequest request) {
    String asOf = workflow.asOf(request.asOf()).toString();
    return parser.parse(new ParseRequest(request.question(), asOf, request.previous(), null));
  }

  @Post("/text2data.compile")
  @Operation(summary = "Node text2data.compile: semantic query -> SQL for the warehouse's dialect")
  CompiledQuery compile(@Body @Valid CompileRequest request) {
    return workflow.compile(request.query(), request.asOf());
  }
}
