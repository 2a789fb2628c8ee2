package com.carmutual.shared.llmops.eval.score;

import com.carmutual.shared.llmops.eval.Scorer;
import com.carmutual.shared.llmops.support.Jsons;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code set-f1}: precision, recall and F1 of the actual elements against the expected ones,
 * counted as multisets. Elements are strings (trimmed, case-insensitive) or objects; objects are
 * identified by their key fields ({@code set-f1:partCode,operation}, default {@code
 * suite.llmops.scorers.set-f1.key-fields}, else the fields the expected elements name, so extra
 * fields of the actual output such as confidence or evidence do not count). When both sides are
 * objects, every array field of the expected object is scored this way and the F1s averaged.
 */
final class SetF1Scorer implements Scorer {
  private final Jsons jsons;
  private final List<String> keyFields;

  SetF1Scorer(Jsons jsons, List<String> keyFields) {
    this.jsons = jsons;
    this.keyFields = List.copyOf(keyFields);
  }

  @Override
  public String name() {
    return keyFields.isEmpty() ? "set-f1" : "set-f1:" + String.join(",", keyFields);
  }

  @Override
  public Score score(JsonNode expected, JsonNode actual) {
    if (expected != null && expected.isArray()) {
      return f1(expected, actual != null && actual.isArray() ? actual : JsonNode.createArrayNode(List.of()));
    }
    if (expected != null && expected.isObject()) {
      double sum = 0;
      int n = 0;
      List<String> details = new ArrayList<>();
      for (Map.Entry<String, JsonNode> e : expected.entries()) {
        if (!e.getValue().isArray()) {
          continue;
        }
        JsonNode a = actual != null && actual.isObject() ? actual.get(e.getKey()) : null;
        Score s = f1(e.getValue(), a != null && a.isArray() ? a : JsonNode.createArrayNode(List.of()));
        sum += s.value();
        n++;
        details.add(e.getKey() + ": " + s.detail());
      }
      if (n > 0) {
        return new Score(sum / n, Normal.shorten(String.join("; ", details)));
      }
    }
    boolean same = Normal.same(jsons, expected, actual);
    return new Score(same ? 1 : 0, same ? "same" : "differs (not a set)");
  }

  private Score f1(JsonNode expected, JsonNode actual) {
    List<String> keys = keyFields;
    if (keys.isEmpty()) {
      java.util.LinkedHashSet<String> named = new java.util.LinkedHashSet<>();
      for (JsonNode v : expected.values()) {
        if (v.isObject()) {
          v.entries().forEach(e -> named.add(e.getKey()));
        }
      }
      keys = List.copyOf(named);
    }
    Map<String, Integer> want = counts(expected, keys);
    Map<String, Integer> got = counts(actual, keys);
    int e = want.values().stream().mapToInt(Integer::intValue).sum();
    int a = got.values().stream().mapToInt(Integer::intValue).sum();
    if (e == 0 && a == 0) {
      return new Score(1, "both empty");
    }
    int tp = 0;
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, Integer> w : want.entrySet()) {
      int g = got.getOrDefault(w.getKey(), 0);
      tp += Math.min(g, w.getValue());
      if (g < w.getValue()) {
        missing.add(w.getKey());
      }
    }
    List<String> extra = new ArrayList<>();
    for (Map.Entry<String, Integer> g : got.entrySet()) {
      if (g.getValue() > want.getOrDefault(g.getKey(), 0)) {
        extra.add(g.getKey());
      }
    }
    double p = a == 0 ? 0 : (double) tp / a;
    double r = e == 0 ? 0 : (double) tp / e;
    double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
    return new Score(
        f,
        Normal.shorten(
            String.format("P=%.2f R=%.2f F1=%.2f", p, r, f)
                + (missing.isEmpty() ? "" : " missing " + missing)
                + (extra.isEmpty() ? "" : " extra " + extra)));
  }

  private Map<String, Integer> counts(JsonNode array, List<String> keys) {
    Map<String, Integer> out = new HashMap<>();
    for (JsonNode v : array.values()) {
      out.merge(elementKey(v, keys), 1, Integer::sum);
    }
    return out;
  }

  private String elementKey(JsonNode v, List<String> keys) {
    if (v.isObject() && !keys.isEmpty()) {
      Map<String, JsonNode> picked = new LinkedHashMap<>();
      for (String k : keys) {
        JsonNode f = v.get(k);
        if (f != null) {
          picked.put(k, f);
        }
      }
      return Normal.key(jsons, JsonNode.createObjectNode(picked));
    }
    return Normal.key(jsons, v);
  }
}
