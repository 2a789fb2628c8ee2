package com.carmutual.shared.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.carmutual.shared.gateway.LlmCallEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LlmMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final LlmMetrics metrics = new LlmMetrics(registry);

  private static LlmCallEvent event(String provider, String model, String outcome, int in, int out, String cost) {
    return new LlmCallEvent(
        "c1", "vin.rerank", provider, model, "v1", null, outcome, in, out, new BigDecimal(cost), 2_500, 2, null, null);
  }

  @Test
  void countsCallsTokensAndCostByTaskAndModel() {
    metrics.onCall(event("openai", "gpt-4o-mini", "ok", 100, 20, "0.0012"));
    metrics.onCall(event("openai", "gpt-4o-mini", "ok", 50, 10, "0.0008"));
    metrics.onCall(event("local", null, "fallback", 0, 0, "0"));

    assertEquals(2.0, registry.get("llm.calls").tags("task", "vin.rerank", "model", "gpt-4o-mini", "outcome", "ok").counter().count());
    assertEquals(1.0, registry.get("llm.calls").tags("provider", "local", "model", LlmMetrics.NONE, "outcome", "fallback").counter().count());
    assertEquals(150.0, registry.get("llm.tokens").tags("model", "gpt-4o-mini", "direction", "input").counter().count());
    assertEquals(30.0, registry.get("llm.tokens").tags("model", "gpt-4o-mini", "direction", "output").counter().count());
    assertEquals(0.002, registry.get("llm.cost").tags("model", "gpt-4o-mini").counter().count(), 1e-9);
    assertEquals(2, registry.get("llm.call.latency").tags("model", "gpt-4o-mini").timer().count());
    assertEquals(2.5, registry.get("llm.call.latency").tags("model", "gpt-4o-mini").timer().totalTime(TimeUnit.MILLISECONDS) / 2, 1e-9);
    assertEquals(4.0, registry.get("llm.call.attempts").tags("model", "gpt-4o-mini").summary().totalAmount());
  }

  @Test
  void freeCallsAddNoCostOrTokenSeries() {
    metrics.onCall(event("local", "rules", "ok", 0, 0, "0"));
    assertNull(registry.find("llm.cost").counter());
    assertNull(registry.find("llm.tokens").counter());
  }
}
