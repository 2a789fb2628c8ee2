package com.carmutual.phone.capacity;

import com.carmutual.shared.capacity.RequestLimitFilter;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;

/**
 * At most {@link CapacitySettings#requests()} webhooks and {@code /v1} requests in progress at once
 * ({@link RequestLimitFilter}). One more is answered at once and changes nothing: a Twilio voice webhook
 * with {@link BusyTwiml} (an apology, a pause and a retry, so the call goes on), anything else with 503
 * problem+json and {@code Retry-After}. ConversationRelay sockets are bounded by {@code RelaySocket}.
 */
@Filter(patterns = {"/voice/**", "/v1/**"})
final class RequestLimit extends RequestLimitFilter {
  private final BusyTwiml busyTwiml;

  RequestLimit(CapacitySettings settings, BusyTwiml busyTwiml) {
    super("phone-agent", "phone.capacity.requests", settings.requests(), "phone.capacity.retry-after",
        settings.retryAfter());
    this.busyTwiml = busyTwiml;
  }

  @Override
  protected boolean limited(HttpRequest<?> request) {
    return !request.getPath().startsWith("/voice/relay/");
  }

  @Override
  protected MutableHttpResponse<?> busy(HttpRequest<?> request) {
    String twiml = busyTwiml.answer(request);
    if (twiml != null) {
      return HttpResponse.ok(twiml).contentType(MediaType.APPLICATION_XML_TYPE);
    }
    return super.busy(request);
  }
}
