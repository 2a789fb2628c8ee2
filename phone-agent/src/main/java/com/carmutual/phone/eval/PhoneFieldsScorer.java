package com.carmutual.phone.eval;

import com.carmutual.shared.llmops.eval.Scorer;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scorer {@code phone-fields}: the share of labelled fields a call got right, free text loosely
 * (see {@link FieldMatch}); the detail names the fields that were wrong.
 */
@Singleton
final class PhoneFieldsScorer implements Scorer {
  static final String NAME = "phone-fields";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Score score(JsonNode expected, JsonNode actual) {
    if (expected == null || !expected.isObject()) {
      return new Score(0, "no expected fields");
    }
    int total = 0;
    int right = 0;
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : expected.entries()) {
      total++;
      JsonNode a = actual == null || !actual.isObject() ? null : actual.get(e.getKey());
      if (FieldMatch.matches(e.getKey(), value(e.getValue()), value(a))) {
        right++;
      } else {
        wrong.add(e.getKey());
      }
    }
    return new Score(total == 0 ? 1 : (double) right / total, wrong.isEmpty() ? "all fields right" : "wrong: " + String.join(", ", wrong));
  }

  private static Object value(JsonNode n) {
    if (n == null || n.isNull()) {
      return null;
    }
    if (n.isNumber()) {
      return n.getNumberValue();
    }
    if (n.isBoolean()) {
      return n.getBooleanValue();
    }
    return n.isString() ? n.getStringValue() : n.toString();
  }
}
