package com.carmutual.phone.api;

import com.carmutual.phone.call.CallStore;
import com.carmutual.phone.claims.ClaimOutbox;
import com.carmutual.phone.call.Corrections;
import com.carmutual.phone.call.StoredCall;
import com.carmutual.phone.dialogue.Dialogue;
import com.carmutual.phone.script.Script;
import com.carmutual.phone.script.Scripts;
import com.carmutual.shared.problem.ProblemException;
import com.carmutual.shared.web.Caller;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Calls after the fact: what was captured, the transcript, and people's corrections. */
@Controller("/v1/calls")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "calls")
class CallsController {
  private final CallStore store;
  private final Scripts scripts;
  private final Corrections corrections;
  private final ClaimOutbox claimOutbox;

  CallsController(CallStore store, Scripts scripts, Corrections corrections, ClaimOutbox claimOutbox) {
    this.store = store;
    this.scripts = scripts;
    this.corrections = corrections;
    this.claimOutbox = claimOutbox;
  }

  @Operation(summary = "A call's script, status, fields, transcript, summary and claim filing state")
  @Get("/{callSid}")
  CallView get(@PathVariable String callSid) {
    return view(store.find(callSid).orElseThrow(() -> ProblemException.notFound("call " + callSid)));
  }

  @Operation(summary = "Corrects a call's fields; recorded as an annotation of phone.extract")
  @Post("/{callSid}/corrections")
  CallView correct(@PathVariable String callSid, @Valid @Body CorrectionRequest request) {
    return view(corrections.correct(callSid, request.fields(), request.comment(), Caller.client().orElse("unknown")));
  }

  private CallView view(StoredCall c) {
    Script script = scripts.get(c.script());
    return new CallView(c.callSid(), c.script(), c.status(), c.outcome(), c.state().lang(), c.direction(), c.from(), c.to(),
        c.campaignId(), c.answeredBy(), c.durationSeconds(), Dialogue.fields(script, c.state()), c.state().transcript(),
        Dialogue.summary(script, c.state()), c.createdAt(), c.updatedAt(), claimOutbox.find(c.callSid()).map(ClaimFilingView::of).orElse(null));
  }
}
