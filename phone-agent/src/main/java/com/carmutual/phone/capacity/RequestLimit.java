package com.carmutual.phone.capacity;

import com.carmutual.shared.problem.BusyException;
import com.carmutual.shared.problem.ProblemResponses;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

/**
 * At most {@link CapacitySettings#requests()} webhooks and {@code /v1} requests in progress at once
 * (each holds one blocking thread until it is answered). One more is answered at once and changes
 * nothing: a Twilio voice webhook with {@link BusyTwiml} (an apology, a pause and a retry, so the call
 * goes on), anything else with 503 problem+json and {@code Retry-After}. Runs after the API-key check,
 * so refused callers take no place; ConversationRelay sockets are bounded by {@code RelaySocket}.
 */
@Filter(patterns = {"/voice/**", "/v1/**"})
final class RequestLimit implements HttpServerFilter, Ordered {
  private static final Logger LOG = LoggerFactory.getLogger(RequestLimit.class);
  private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);
  private final Semaphore permits;
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS - 1);
  private final int limit;
  private final CapacitySettings settings;
  private final BusyTwiml busyTwiml;

  RequestLimit(CapacitySettings settings, BusyTwiml busyTwiml) {
    this.settings = settings;
    this.limit = settings.requests();
    this.permits = new Semaphore(limit);
    this.busyTwiml = busyTwiml;
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.after();
  }

  @Override
  public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
    if (request.getPath().startsWith("/voice/relay/")) {
      return chain.proceed(request);
    }
    if (!permits.tryAcquire()) {
      long refused = this.refused.incrementAndGet();
      long now = System.nanoTime();
      long last = lastLogged.get();
      if (now - last > LOG_EVERY_NANOS && lastLogged.compareAndSet(last, now)) {
        // once per interval, so an overload does not also flood the log
        LOG.warn("{} requests in progress: answered {} {} as busy ({} busy answers since start)", limit, request.getMethodName(),
            request.getPath(), refused);
      }
      return Publishers.just(busy(request));
    }
    return Flux.from(chain.proceed(request)).doFinally(signal -> permits.release());
  }

  /** Requests that may still start now. */
  int available() {
    return permits.availablePermits();
  }

  private MutableHttpResponse<?> busy(HttpRequest<?> request) {
    String twiml = busyTwiml.answer(request);
    if (twiml != null) {
      return HttpResponse.ok(twiml).contentType(MediaType.APPLICATION_XML_TYPE);
    }
    return ProblemResponses.of(request,
        new BusyException("busy", "phone-agent is answering " + limit + " requests already; try again shortly", settings.retryAfter()));
  }
}
