package com.carmutual.vin.api;

import com.carmutual.shared.capacity.RequestLimitFilter;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.annotation.Filter;
import java.time.Duration;

/**
 * At most {@code vin.max-requests} ({@code VIN_MAX_REQUESTS}) {@code /v1} requests in progress at once;
 * one more is answered at once with 503 problem+json and {@code Retry-After} ({@code VIN_RETRY_AFTER_SECONDS})
 * and changes nothing. The mechanism is {@link RequestLimitFilter}'s.
 */
@Filter("/v1/**")
final class RequestLimit extends RequestLimitFilter {
  RequestLimit(@Value("${vin.max-requests:64}") int limit, @Value("${vin.retry-after-seconds:2}") long retryAfterSeconds) {
    super("vin-matching", "vin.max-requests", limit, "vin.retry-after-seconds", Duration.ofSeconds(retryAfterSeconds));
  }
}
