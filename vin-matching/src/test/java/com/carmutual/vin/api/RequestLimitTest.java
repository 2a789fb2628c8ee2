package com.carmutual.vin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.filter.ServerFilterChain;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The limit counts requests until their response publisher ends (completes, fails or is cancelled by a
 * client that went away); beyond it the answer is 503 problem+json with Retry-After at once.
 */
class RequestLimitTest {
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
    RequestLimit limit = new RequestLimit(3, 4);
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
    }
    assertEquals(3, chain.proceeded, "refused requests never reach a controller");

    chain.responses.get(0).tryEmitValue(HttpResponse.ok());
    chain.responses.get(1).tryEmitError(new IllegalStateException("controller failed"));
    inFlight.get(2).dispose(); // the client went away
    assertEquals(3, limit.available());

    var next = Flux.from(limit.doFilter(request, chain)).subscribe(r -> { });
    chain.responses.get(3).tryEmitValue(HttpResponse.ok());
    next.dispose();
    assertEquals(3, limit.available());
    assertEquals(4, chain.proceeded);
  }

  @Test
  void aLimitBelowOneIsAConfigurationError() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new RequestLimit(0, 2));
    assertTrue(e.getMessage().contains("vin.max-requests"));
  }
}
