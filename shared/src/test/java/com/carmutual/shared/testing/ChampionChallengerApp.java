package com.carmutual.shared.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Configuration of a test application whose {@code test.echo} task has several route versions on
 * {@link FakeModels}: {@code champion} (the default), {@code good} (answers like it), {@code
 * reverse} (reverses words), {@code pricey} (ten times the price), {@code slow}; prices per
 * million tokens 1 USD in, 2 USD out. No retries, so injected failures show at once.
 */
public final class ChampionChallengerApp {
  public static final String TASK = "test.echo";

  private ChampionChallengerApp() {}

  public static Map<String, Object> properties(FakeModels models) {
    Map<String, Object> p = new HashMap<>();
    p.put("datasources.default.url",
        "jdbc:h2:mem:cc-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    p.put("llm.providers.openai.base-url", models.baseUrl());
    p.put("llm.providers.openai.api-key", "fake-key");
    route(p, "champion", "champion-model", true);
    route(p, "good", "good-model", false);
    route(p, "reverse", "reverse-model", false);
    route(p, "pricey", "pricey-model", false);
    route(p, "slow", "slow-model", false);
    p.put("llm.prices", List.of(
        Map.of("model", "champion-model", "input", "1.0", "output", "2.0"),
        Map.of("model", "good-model", "input", "1.0", "output", "2.0"),
        Map.of("model", "reverse-model", "input", "1.0", "output", "2.0"),
        Map.of("model", "pricey-model", "input", "10.0", "output", "20.0"),
        Map.of("model", "slow-model", "input", "1.0", "output", "2.0")));
    p.put("llm.circuit.failure-threshold", 1000);
    return p;
  }

  private static void route(Map<String, Object> p, String version, String model, boolean isDefault) {
    String k = "llm.routes." + version + ".";
    p.put(k + "task", TASK);
    p.put(k + "version", version);
    p.put(k + "default", isDefault);
    p.put(k + "max-retries", 0);
    p.put(k + "max-tokens", 100);
    p.put(k + "targets", List.of(Map.of("provider", "openai", "model", model)));
  }
}
