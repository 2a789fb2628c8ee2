package com.carmutual.shared.llmops.eval.score;

import com.carmutual.shared.llmops.support.Jsons;
import io.micronaut.json.tree.JsonNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Comparison helpers shared by the scorers: strings match trimmed and case-insensitively. */
final class Normal {
  private Normal() {}

  static boolean isMissing(JsonNode n) {
    return n == null || n.isNull();
  }

  /** Canonical text with strings trimmed and lower-cased at every level. */
  static String key(Jsons jsons, JsonNode n) {
    return jsons.canonical(normalise(n));
  }

  static boolean same(Jsons jsons, JsonNode a, JsonNode b) {
    return key(jsons, a == null ? JsonNode.nullNode() : a)
        .equals(key(jsons, b == null ? JsonNode.nullNode() : b));
  }

  static JsonNode normalise(JsonNode n) {
    if (n == null) {
      return JsonNode.nullNode();
    }
    if (n.isString()) {
      return JsonNode.createStringNode(n.getStringValue().trim().toLowerCase(Locale.ROOT));
    }
    if (n.isArray()) {
      java.util.List<JsonNode> out = new java.util.ArrayList<>();
      n.values().forEach(v -> out.add(normalise(v)));
      return JsonNode.createArrayNode(out);
    }
    if (n.isObject()) {
      Map<String, JsonNode> out = new LinkedHashMap<>();
      n.entries().forEach(e -> out.put(e.getKey(), normalise(e.getValue())));
      return JsonNode.createObjectNode(out);
    }
    return n;
  }

  static String shorten(String s) {
    return s.length() <= 300 ? s : s.substring(0, 297) + "...";
  }
}
