package com.carmutual.shared.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;

/**
 * Publishes fixed latency buckets for HTTP requests (server and client) and LLM calls, so
 * dashboards can compute p50/p99 across all replicas with {@code histogram_quantile}. Twelve
 * buckets from 5 ms to 15 s (Twilio's webhook limit) keep the series count small.
 */
@Singleton
final class LatencyBuckets implements MeterFilter {
  private static final Set<String> TIMED = Set.of("http.server.requests", "http.client.requests", "llm.call.latency");
  private static final double[] BUCKETS_NANOS = {
    ms(5), ms(10), ms(25), ms(50), ms(100), ms(250), ms(500), ms(1_000), ms(2_500), ms(5_000), ms(10_000), ms(15_000)
  };

  @Override
  public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
    if (!TIMED.contains(id.getName())) {
      return config;
    }
    return DistributionStatisticConfig.builder().serviceLevelObjectives(BUCKETS_NANOS).build().merge(config);
  }

  private static double ms(long millis) {
    return Duration.ofMillis(millis).toNanos();
  }
}
