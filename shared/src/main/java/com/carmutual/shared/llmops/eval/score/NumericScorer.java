package com.carmutual.shared.llmops.eval.score;

import com.carmutual.shared.llmops.eval.Scorer;
import com.carmutual.shared.llmops.support.Jsons;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code numeric}: numbers match within a relative tolerance ({@code numeric:0.05} is 5%; default
 * {@code suite.llmops.scorers.numeric.tolerance}, 1%), with an absolute floor of the same size for
 * values near zero. Objects and arrays are compared leaf by leaf (the share of expected leaves that
 * match); non-numeric leaves must be equal.
 */
final class NumericScorer implements Scorer {
  private final Jsons jsons;
  private final double tolerance;

  NumericScorer(Jsons jsons, double tolerance) {
    this.jsons = jsons;
    this.tolerance = tolerance;
  }

  @Override
  public String name() {
    return "numeric:" + tolerance;
  }

  @Override
  public Score score(JsonNode expected, JsonNode actual) {
    Map<String, JsonNode> e = new LinkedHashMap<>();
    Map<String, JsonNode> a = new LinkedHashMap<>();
    leaves("", expected, e);
    leaves("", actual, a);
    if (e.isEmpty()) {
      return new Score(1, "nothing expected");
    }
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, JsonNode> x : e.entrySet()) {
      if (!close(x.getValue(), a.get(x.getKey()))) {
        wrong.add(x.getKey().isEmpty() ? "value" : x.getKey());
      }
    }
    int right = e.size() - wrong.size();
    return new Score(
        (double) right / e.size(),
        Normal.shorten(
            right + "/" + e.size() + " within " + tolerance + (wrong.isEmpty() ? "" : "; off: " + wrong)));
  }

  private boolean close(JsonNode expected, JsonNode actual) {
    if (expected.isNumber()) {
      Double a = number(actual);
      if (a == null) {
        return false;
      }
      double x = expected.getDoubleValue();
      return Math.abs(a - x) <= Math.max(tolerance, tolerance * Math.abs(x));
    }
    return Normal.same(jsons, expected, actual);
  }

  private static Double number(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isNumber()) {
      return n.getDoubleValue();
    }
    if (n.isString()) {
      try {
        return Double.parseDouble(n.getStringValue().trim().replace(",", ""));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static void leaves(String path, JsonNode n, Map<String, JsonNode> out) {
    if (n == null) {
      return;
    }
    if (n.isObject()) {
      n.entries().forEach(e -> leaves(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out));
    } else if (n.isArray()) {
      int i = 0;
      for (JsonNode v : n.values()) {
        leaves(path + "[" + i++ + "]", v, out);
      }
    } else {
      out.put(path, n);
    }
  }
}
