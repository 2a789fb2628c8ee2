package com.carmutual.shared.gateway.trace;

import com.carmutual.shared.gateway.LlmCallQuery;
import com.carmutual.shared.gateway.LlmCallRecord;
import com.carmutual.shared.gateway.LlmCalls;
import com.carmutual.shared.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The stored LLM call traces of this service (redacted), newest first. */
@Controller("/v1/llmops/calls")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "llmops")
final class LlmCallsController {
  private final LlmCalls calls;

  LlmCallsController(LlmCalls calls) {
    this.calls = calls;
  }

  @Get
  @Operation(summary = "LLM calls, filtered by task, outcome and time [from, to), newest first")
  List<LlmCallRecord> list(
      @QueryValue @Nullable String task,
      @QueryValue @Nullable String outcome,
      @QueryValue @Nullable String from,
      @QueryValue @Nullable String to,
      @QueryValue @Nullable Integer limit) {
    if (limit != null && (limit < 1 || limit > 1000)) {
      throw ProblemException.badRequest("bad-limit", "limit must be between 1 and 1000, got " + limit);
    }
    return calls.list(new LlmCallQuery(task, outcome, instant("from", from), instant("to", to),
        limit == null ? 50 : limit));
  }

  @Get("/{id}")
  @Operation(summary = "One LLM call with its redacted input, output, attempts, tokens and cost")
  LlmCallRecord one(@PathVariable String id) {
    return calls.find(id).orElseThrow(() -> ProblemException.notFound("LLM call " + id));
  }

  private static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw ProblemException.badRequest("bad-time",
          name + " must be an ISO instant such as 2025-06-18T09:00:00Z, got '" + value + "'");
    }
  }
}
