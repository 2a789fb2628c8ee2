package com.carmutual.phone.api;

import com.carmutual.phone.call.CallService;
import com.carmutual.phone.twilio.SignatureCheck;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;

/** Twilio Programmable Voice webhooks; every request must carry a valid X-Twilio-Signature. */
@Controller("/voice")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "voice", description = "Twilio webhooks (signed, no API key)")
class VoiceController {
  private final CallService calls;
  private final SignatureCheck signatures;

  VoiceController(CallService calls, SignatureCheck signatures) {
    this.calls = calls;
    this.signatures = signatures;
  }

  @Operation(summary = "Answers a call or one turn of it with TwiML")
  @Post(uri = "/{script}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.APPLICATION_XML)
  HttpResponse<String> turn(
      HttpRequest<?> request,
      @PathVariable String script,
      @Nullable @QueryValue Integer turn,
      @Nullable @QueryValue String lang,
      @Nullable @QueryValue String zone,
      @Nullable @QueryValue String campaign,
      @Nullable @Body Map<String, String> form) {
    Map<String, String> params = form == null ? Map.of() : new LinkedHashMap<>(form);
    signatures.verify(request, params);
    return HttpResponse.ok(calls.answer(script, turn, lang, zone, campaign, params)).contentType(MediaType.APPLICATION_XML_TYPE);
  }

  @Operation(summary = "After a ConversationRelay session: hands over to a person or hangs up")
  @Post(uri = "/{script}/relay-ended", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.APPLICATION_XML)
  HttpResponse<String> relayEnded(HttpRequest<?> request, @PathVariable String script, @Nullable @Body Map<String, String> form) {
    Map<String, String> params = form == null ? Map.of() : new LinkedHashMap<>(form);
    signatures.verify(request, params);
    return HttpResponse.ok(calls.relayEnded(script, params)).contentType(MediaType.APPLICATION_XML_TYPE);
  }

  @Operation(summary = "Twilio status callback: updates the call record")
  @Post(uri = "/callbacks/status", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<Void> status(HttpRequest<?> request, @Nullable @Body Map<String, String> form) {
    Map<String, String> params = form == null ? Map.of() : new LinkedHashMap<>(form);
    signatures.verify(request, params);
    calls.status(params);
    return HttpResponse.noContent();
  }
}
