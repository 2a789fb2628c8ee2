package com.carmutual.shared.capacity;

import com.carmutual.shared.problem.BusyException;
import com.carmutual.shared.problem.ProblemResponses;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

/**
 * At most {@code limit} requests in progress at once through this filter (each holds one blocking
 * thread until it is answered). One more is answered at once by {@link #busy} (503 problem+json
 * with {@code Retry-After} unless the service answers otherwise) and changes nothing. Runs after
 * the API-key check, so refused callers take no place; the place is given back however the
 * response ends (answered, failed, or the client went away). Refusals are logged at most once per
 * ten seconds, so an overload does not also flood the log.
 *
 * <p>A service subclasses it with its own {@code @Filter} paths and its own properties.
 */
public abstract class RequestLimitFilter implements HttpServerFilter, Ordered {
  private static final Logger LOG = LoggerFactory.getLogger(RequestLimitFilter.class);
  private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);
  private final String service;
  private final int limit;
  private final Duration retryAfter;
  private final Semaphore permits;
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS - 1);

  /**
   * @param service the service's name, in the busy answer
   * @param limit requests in progress at once, at least 1 (named by {@code limitProperty} in the error)
   * @param retryAfter the {@code Retry-After} of a busy answer, positive (named by {@code retryAfterProperty})
   */
  protected RequestLimitFilter(
      String service, String limitProperty, int limit, String retryAfterProperty, Duration retryAfter) {
    if (limit < 1 || retryAfter.isNegative() || retryAfter.isZero()) {
      throw new IllegalArgumentException(limitProperty + " and " + retryAfterProperty + " must be at least 1, not "
          + limit + " and " + retryAfter);
    }
    this.service = service;
    this.limit = limit;
    this.retryAfter = retryAfter;
    this.permits = new Semaphore(limit);
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.after();
  }

  @Override
  public final Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
    if (!limited(request)) {
      return chain.proceed(request);
    }
    if (!permits.tryAcquire()) {
      long refusedSoFar = refused.incrementAndGet();
      long now = System.nanoTime();
      long last = lastLogged.get();
      if (now - last > LOG_EVERY_NANOS && lastLogged.compareAndSet(last, now)) {
        LOG.warn("{}: {} requests in progress: answered {} {} as busy ({} busy answers since start)", service, limit,
            request.getMethodName(), request.getPath(), refusedSoFar);
      }
      return Publishers.just(busy(request));
    }
    return Flux.from(chain.proceed(request)).doFinally(signal -> permits.release());
  }

  /** Whether {@code request} takes a place; every request the filter's paths match, unless a service says otherwise. */
  protected boolean limited(HttpRequest<?> request) {
    return true;
  }

  /** The answer to a request refused for want of a place: 503 problem+json with {@code Retry-After}. */
  protected MutableHttpResponse<?> busy(HttpRequest<?> request) {
    return ProblemResponses.of(request, new BusyException("busy",
        service + " is answering " + limit + " requests already; try again shortly", retryAfter));
  }

  /** Requests that may still start now. */
  public int available() {
    return permits.availablePermits();
  }
}
