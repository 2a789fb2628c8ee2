package com.carmutual.phone.campaign;

import com.carmutual.shared.problem.Problem;
import com.carmutual.shared.problem.ProblemException;
import com.carmutual.shared.web.AdminOnly;
import com.carmutual.shared.web.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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
import java.net.URI;
import java.util.List;

/** Outbound campaigns and the do-not-call list. */
@Controller("/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "campaigns")
class CampaignController {
  private final Campaigns campaigns;
  private final DoNotCall doNotCall;

  CampaignController(Campaigns campaigns, DoNotCall doNotCall) {
    this.campaigns = campaigns;
    this.doNotCall = doNotCall;
  }

  @Operation(summary = "Starts an outbound campaign (calls placed in the callee's 08:00-21:00, never to do-not-call numbers)")
  @Post("/campaigns")
  @AdminOnly
  HttpResponse<CampaignView> create(@Valid @Body CampaignRequest request) {
    CampaignView v = campaigns.create(request, Caller.client().orElse("unknown"));
    return HttpResponse.created(v, URI.create("/v1/campaigns/" + v.id()));
  }

  @Operation(summary = "A campaign's progress")
  @Get("/campaigns/{id}")
  CampaignView get(@PathVariable String id) {
    return campaigns.view(id);
  }

  /** A number to add to the do-not-call list. */
  @Serdeable
  record DoNotCallRequest(@NotBlank String number, @Nullable String reason) {}

  @Operation(summary = "Adds a number to the do-not-call list")
  @Post("/do-not-call")
  HttpResponse<DoNotCallEntry> add(@Valid @Body DoNotCallRequest request) {
    String number = PhoneNumbers.normalize(request.number());
    if (number == null) {
      throw ProblemException.invalid("not a phone number", List.of(new Problem.FieldError("number", "not an E.164 number: " + request.number())));
    }
    boolean added = doNotCall.add(number, request.reason(), Caller.client().orElse("unknown"));
    DoNotCallEntry entry = doNotCall.list().stream().filter(e -> e.number().equals(number)).findFirst().orElseThrow();
    return added ? HttpResponse.created(entry) : HttpResponse.ok(entry);
  }

  @Operation(summary = "The do-not-call list")
  @Get("/do-not-call")
  List<DoNotCallEntry> list() {
    return doNotCall.list();
  }
}
