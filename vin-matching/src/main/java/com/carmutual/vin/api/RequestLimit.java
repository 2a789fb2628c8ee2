package com.carmutual.vin.api;

import com.carmutual.shared.problem.BusyException;
import com.carmutual.shared.problem.ProblemResponses;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * At most {@code vin.max-requests} ({@code VIN_MAX_REQUESTS}) {@code /v1} requests in progress at once;
 * each holds one blocking thread until answered. One more is answered at once with 503 problem+json and
 * {@code Retry-After} ({@code VIN_RETRY_AFTER_SECONDS}) and changes nothing. Runs after the API-key
 * check, so refused callers take no place; the place is given back however the response ends.
 */
@Filter("/v1/**")
final class RequestLimit implements HttpServerFilter, Ordered {
  private final Semaphore permits;
  private final int limit;
  private final long retryAfterSeconds;

  RequestLimit(@Value("${vin.max-requests:64}") int limit, @Value("${vin.retry-after-seconds:2}") long retryAfterSeconds) {
    if (limit < 1 || retryAfterSeconds < 1) {
      throw new IllegalArgumentException("vin.max-requests and vin.retry-after-seconds must be at least 1, not "
          + limit + " and " + retryAfterSeconds);
    }
    this.limit = limit;
    this.permits = new Semaphore(limit);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.after();
  }

  @Override
  public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
    if (!permits.tryAcquire()) {
      return Publishers.just(ProblemResponses.of(request, new BusyException("busy",
          "vin-matching is answering " + limit + " requests already; try again shortly", Duration.ofSeconds(retryAfterSeconds))));
    }
    return Flux.from(chain.proceed(request)).doFinally(signal -> permits.release());
  }

  /** Requests that may still start now. */
  int available() {
    return permits.availablePermits();
  }
}
