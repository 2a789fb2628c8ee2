package com.carmutual.shared.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.shared.gateway.LlmCallEvent;
import com.carmutual.shared.gateway.LlmCallListener;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scrape endpoint is behind the API key like every other non-public path (ADR 0003). */
@MicronautTest(environments = "test")
@Property(name = "endpoints.prometheus.enabled", value = "true")
@Property(name = "endpoints.prometheus.sensitive", value = "false")
class PrometheusEndpointTest {
  @Inject
  @Client("/")
  HttpClient client;

  @Inject List<LlmCallListener> listeners;

  @Test
  void scrapeWithoutKeyIsRefused() {
    var e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().retrieve("/prometheus"));
    assertEquals(401, e.getStatus().getCode());
  }

  @Test
  void scrapeWithKeyShowsLlmAndHttpMetrics() {
    assertTrue(listeners.stream().anyMatch(l -> l instanceof LlmMetrics), "LlmMetrics is a listener bean");
    listeners.forEach(
        l -> l.onCall(new LlmCallEvent("c", "claims.triage", "anthropic", "claude-x", "v2", null, "ok", 7, 3, BigDecimal.ONE, 10, 1, null, null)));
    client.toBlocking().retrieve(HttpRequest.GET("/health"));
    String body = client.toBlocking().retrieve(HttpRequest.GET("/prometheus").bearerAuth("test-key"));
    assertTrue(body.contains("llm_calls_total{"), body);
    assertTrue(body.contains("task=\"claims.triage\""), body);
    assertTrue(body.contains("llm_tokens_total{"), body);
    assertTrue(body.contains("http_server_requests_seconds_count{"), body);
    assertTrue(body.contains("http_server_requests_seconds_bucket{"), "latency buckets for p99 across replicas");
    assertTrue(body.contains("le=\"0.05\""), "a 50 ms bucket");
  }
}
