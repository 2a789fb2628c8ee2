package com.carmutual.shared.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.filter.ServerFilterChain;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The limit counts requests until their response publisher ends (completes, fails or is cancelled by a
 * client that went away); beyond it the answer is 503 problem+json with Retry-After at once, or the
 * service's own busy answer; requests the service does not limit pass without taking a place.
 */
class RequestLimitFilterTest {
  /** A service's limit as the services write one: a subclass with its names; /v1/health is not limited. */
  static final class Limit extends RequestLimitFilter {
    Limit(int limit, long retryAfterSeconds) {
      super("test-service", "test.max-requests", limit, "test.retry-after", Duration.ofSeconds(retryAfterSeconds));
    }

    @Override
    protected boolean limited(HttpRequest<?> request) {
      return !request.getPath().equals("/v1/health");
    }
  }

  /** A chain whose responses the test finishes by hand. */
  static final class HeldChain implements ServerFilterChain {
    final List<Sinks.One<MutableHttpResponse<?>>> responses = new ArrayList<>();
    int proceeded;

    @Override
    public Publisher<MutableHttpResponse<?>> proceed(HttpRequest<?> request) {
      proceeded++;
      Sinks.One<MutableHttpResponse<?>> sink = Sinks.one();
      responses.add(sink);
      return sink.asMono();
    }
  }

  @Test
  void requestsBeyondTheLimitGet503AndEveryEndingGivesThePlaceBack() {
    Limit limit = new Limit(3, 4);
    HeldChain chain = new HeldChain();
    HttpRequest<?> request = HttpRequest.GET("/v1/vins/1HGCM82633A004352");
    List<Disposable> inFlight = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      inFlight.add(Flux.from(limit.doFilter(request, chain)).subscribe(r -> { }, e -> { }));
    }
    assertEquals(0, limit.available());
    for (int i = 0; i < 50; i++) {
      MutableHttpResponse<?> busy = Flux.from(limit.doFilter(request, chain)).blockFirst();
      assertEquals(503, busy.code());
      assertEquals("4", busy.header("Retry-After"));
      assertTrue(busy.getContentType().orElseThrow().toString().contains("problem+json"));
      assertTrue(String.valueOf(busy.getBody().orElseThrow()).contains("test-service is answering 3 requests already"),
          String.valueOf(busy.getBody().orElseThrow()));
    }
    assertEquals(3, chain.proceeded, "refused requests never reach a controller");
    Flux.from(limit.doFilter(HttpRequest.GET("/v1/health"), chain)).subscribe(r -> { });
    assertEquals(4, chain.proceeded, "an unlimited request passes while every place is taken");
    assertEquals(0, limit.available());

    chain.responses.get(0).tryEmitValue(HttpResponse.ok());
    chain.responses.get(1).tryEmitError(new IllegalStateException("controller failed"));
    inFlight.get(2).dispose(); // the client went away
    assertEquals(3, limit.available());

    var next = Flux.from(limit.doFilter(request, chain)).subscribe(r -> { });
    chain.responses.get(4).tryEmitValue(HttpResponse.ok());
    next.dispose();
    assertEquals(3, limit.available());
    assertEquals(5, chain.proceeded);
  }

  @Test
  void aLimitOrRetryAfterBelowOneIsAConfigurationErrorNamingTheProperties() {
    for (int[] bad : new int[][] {{0, 2}, {2, 0}}) {
      IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> new Limit(bad[0], bad[1]));
      assertTrue(e.getMessage().contains("test.max-requests") && e.getMessage().contains("test.retry-after"),
          e.getMessage());
    }
  }
}
