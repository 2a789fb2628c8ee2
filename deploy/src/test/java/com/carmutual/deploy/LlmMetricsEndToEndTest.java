package com.carmutual.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.shared.gateway.LlmGateway;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A real gateway call shows up on the service's Prometheus endpoint, counted by task, provider
 * and outcome, as the scraper (with its API key) sees it.
 */
class LlmMetricsEndToEndTest {
  @Test
  void gatewayCallsAreCountedOnThePrometheusEndpoint() throws Exception {
    try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
        "micronaut.server.port", "-1",
        "metrics-probe.enabled", "true",
        "endpoints.prometheus.enabled", "true",
        "endpoints.prometheus.sensitive", "false",
        "suite.api-keys", "prometheus:scrape-key",
        "datasources.default.url", "jdbc:h2:mem:metrics;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
        "datasources.default.dialect", "POSTGRES",
        "flyway.datasources.default.enabled", "true",
        "flyway.datasources.default.locations", "classpath:db/migration/shared"))) {
      LlmGateway gateway = server.getApplicationContext().getBean(LlmGateway.class);
      for (String word : new String[] {"bumper", "fender", "hood"}) {
        assertEquals(word.toUpperCase(), gateway.structured("deploy.upper", new UpperCaseTask.Text(word), UpperCaseTask.Text.class).text());
      }
      var scrape = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/prometheus"))
              .header("Authorization", "Bearer scrape-key").build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, scrape.statusCode());
      double calls = 0;
      Matcher m = Pattern.compile("(?m)^llm_calls_total\\{([^}]*)\\} (\\S+)$").matcher(scrape.body());
      while (m.find()) {
        if (m.group(1).contains("task=\"deploy.upper\"") && m.group(1).contains("provider=\"local\"")) {
          calls += Double.parseDouble(m.group(2));
        }
      }
      assertEquals(3.0, calls, "three local calls of deploy.upper, any outcome (ok or cached)\n" + scrape.body());
      assertTrue(scrape.body().contains("llm_call_latency_seconds_bucket{"), "latency buckets");
    }
  }
}
