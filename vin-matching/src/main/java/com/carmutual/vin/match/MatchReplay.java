package com.carmutual.vin.match;

import com.carmutual.shared.llmops.ReplayableWorkflow;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

/** Lets a stored {@code vin.match} run be replayed from its input ({@code {vin, hint}}). */
@Singleton
final class MatchReplay implements ReplayableWorkflow {
  private final VinMatcher matcher;

  MatchReplay(VinMatcher matcher) {
    this.matcher = matcher;
  }

  @Override
  public String workflow() {
    return "vin.match";
  }

  @Override
  public Object replay(JsonNode input) {
    JsonNode hint = input.get("hint");
    return matcher.match(new MatchRequest(input.get("vin").getStringValue(),
        hint == null || hint.isNull() ? null : hint.getStringValue()));
  }
}
