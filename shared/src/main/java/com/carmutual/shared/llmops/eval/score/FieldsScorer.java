package com.carmutual.shared.llmops.eval.score;

import com.carmutual.shared.llmops.eval.Scorer;
import com.carmutual.shared.llmops.support.Jsons;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code fields}: the share of the expected object's fields (or of the named fields, {@code
 * fields:a,b}) that the actual output has with the same value; strings compare trimmed and
 * case-insensitively, nested values as a whole. A non-object expected value is compared whole.
 */
final class FieldsScorer implements Scorer {
  private final Jsons jsons;
  private final List<String> only;

  FieldsScorer(Jsons jsons, List<String> only) {
    this.jsons = jsons;
    this.only = List.copyOf(only);
  }

  @Override
  public String name() {
    return only.isEmpty() ? "fields" : "fields:" + String.join(",", only);
  }

  @Override
  public Score score(JsonNode expected, JsonNode actual) {
    if (expected == null || !expected.isObject()) {
      boolean same = Normal.same(jsons, expected, actual);
      return new Score(same ? 1 : 0, same ? "same" : "differs");
    }
    List<String> fields = new ArrayList<>(only);
    if (fields.isEmpty()) {
      for (Map.Entry<String, JsonNode> e : expected.entries()) {
        fields.add(e.getKey());
      }
    }
    if (fields.isEmpty()) {
      return new Score(1, "no fields expected");
    }
    List<String> wrong = new ArrayList<>();
    for (String f : fields) {
      JsonNode a = actual == null || !actual.isObject() ? null : actual.get(f);
      if (!Normal.same(jsons, expected.get(f), a)) {
        wrong.add(f);
      }
    }
    int right = fields.size() - wrong.size();
    return new Score(
        (double) right / fields.size(),
        Normal.shorten(right + "/" + fields.size() + " fields" + (wrong.isEmpty() ? "" : "; differ: " + wrong)));
  }
}
