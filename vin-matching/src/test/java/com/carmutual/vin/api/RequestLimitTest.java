package com.carmutual.vin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * vin-matching's request limit (the mechanism is shared's {@code RequestLimitFilter}, tested there): its
 * own properties, and a busy answer that names the service with its {@code Retry-After}.
 */
class RequestLimitTest {
  @Test
  void requestsBeyondTheLimitGet503WithTheConfiguredRetryAfter() {
    RequestLimit limit = new RequestLimit(1, 4);
    HttpRequest<?> request = HttpRequest.GET("/v1/vins/1HGCM82633A004352");
    Disposable held = Flux.from(limit.doFilter(request, r -> Mono.never())).subscribe(r -> { });
    assertEquals(0, limit.available());
    MutableHttpResponse<?> busy = Flux.from(limit.doFilter(request, r -> Mono.never())).blockFirst();
    assertEquals(503, busy.code());
    assertEquals("4", busy.header("Retry-After"));
    assertTrue(String.valueOf(busy.getBody().orElseThrow()).contains("vin-matching is answering 1 requests already"));
    held.dispose(); // the client went away
    assertEquals(1, limit.available());
  }

  @Test
  void aLimitBelowOneIsAConfigurationError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RequestLimit(0, 2));
    assertTrue(e.getMessage().contains("vin.max-requests"));
  }
}
