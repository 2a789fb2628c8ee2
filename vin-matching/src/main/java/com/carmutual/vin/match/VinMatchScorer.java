package com.carmutual.vin.match;

import com.carmutual.shared.llmops.eval.Scorer;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.Set;

/**
 * Scorer {@code vin-match}: half for the right decision, half for a top-1 row among the gold rows
 * (or no row when the gold has none).
 */
@Singleton
final class VinMatchScorer implements Scorer {
  static final String NAME = "vin-match";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Score score(JsonNode expected, JsonNode actual) {
    boolean decision = text(expected.get("decision")).equals(text(actual.get("decision")));
    Set<String> gold = ids(expected.get("catalogIds"));
    Set<String> got = ids(actual.get("catalogIds"));
    String top = got.isEmpty() ? null : actual.get("catalogIds").get(0).getStringValue();
    boolean top1 = gold.isEmpty() ? top == null : top != null && gold.contains(top);
    return new Score((decision ? 0.5 : 0) + (top1 ? 0.5 : 0),
        "decision " + (decision ? "right" : "wrong") + ", top-1 " + (top1 ? "in gold" : "not in gold"));
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? "" : n.getStringValue();
  }

  private static Set<String> ids(JsonNode n) {
    Set<String> out = new HashSet<>();
    if (n != null && n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        out.add(n.get(i).getStringValue());
      }
    }
    return out;
  }
}
