package com.carmutual.phone.api;

import com.carmutual.phone.understand.ExtractInput;
import com.carmutual.phone.understand.Extraction;
import com.carmutual.phone.understand.Understanding;
import com.carmutual.shared.problem.ProblemException;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The service's standalone nodes, typed, for tests, evaluation and other workflows. */
@Controller("/v1/nodes")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "nodes")
class NodesController {
  private final Understanding understanding;

  NodesController(Understanding understanding) {
    this.understanding = understanding;
  }

  @Operation(summary = "phone.extract: fills slots from one caller utterance (LLM node with deterministic fallback)")
  @Post("/phone.extract")
  Extraction extract(@Body ExtractInput input) {
    try {
      LocalDate.parse(input.today());
    } catch (DateTimeParseException | NullPointerException e) {
      throw ProblemException.badRequest("bad-date", "today must be an ISO date, not " + input.today());
    }
    if (input.slots() == null || input.slots().isEmpty() || input.expecting() == null) {
      throw ProblemException.badRequest("no-slots", "slots and expecting are required");
    }
    boolean known = input.expecting().equals("#confirm")
        || input.slots().stream().anyMatch(s -> s.name().equals(input.expecting()));
    if (!known) {
      throw ProblemException.badRequest("unknown-slot", "expecting names no slot: " + input.expecting());
    }
    return understanding.extract(input.filled() == null
        ? new ExtractInput(input.script(), input.lang(), input.today(), input.expecting(), input.slots(), java.util.List.of(), input.utterance(), input.digits())
        : input);
  }
}
