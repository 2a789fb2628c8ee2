package com.carmutual.text2data.eval;

import com.carmutual.shared.llmops.eval.Scorer;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Scorer {@code sql-result}: 1 when an answer's result rows equal the expected rows (numbers with
 * a tolerance of one unit in the expected value's last decimal place, order-insensitive unless the
 * item says {@code ordered}); for items that expect a status (refused, clarify) 1 when the status
 * matches. An answer with rows where a refusal was expected scores 0. Each detail starts with the
 * outcome, [correct], [wrong] (answered, not the expected result), [clarified] or [refused], which
 * experiments count per set so that wrong answers are a number of their own, not hidden in a mean.
 */
@Singleton
final class SqlResultScorer implements Scorer {
  static final String NAME = "sql-result";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Score score(JsonNode expected, JsonNode actual) {
    String status = actual == null || actual.get("status") == null ? null : actual.get("status").coerceStringValue();
    JsonNode expectedStatus = expected.get("status");
    if (expectedStatus != null && !expectedStatus.isNull()) {
      String want = expectedStatus.coerceStringValue();
      boolean notAnswered = want.equals("not_answered") && status != null && !status.equals("answered");
      boolean ok = want.equals(status) || notAnswered;
      String label = ok ? "correct" : "answered".equals(status) ? "wrong" : outcome(status);
      return new Score(ok ? 1 : 0, "[" + label + "] expected status " + want + ", got " + status);
    }
    if (!"answered".equals(status)) {
      return new Score(0, "[" + outcome(status) + "] not answered: " + status);
    }
    List<List<String>> want = new ArrayList<>();
    for (JsonNode row : expected.get("rows").values()) {
      List<String> cells = new ArrayList<>();
      for (JsonNode c : row.values()) {
        cells.add(c.isNull() ? "NULL" : c.coerceStringValue());
      }
      want.add(cells);
    }
    List<List<Object>> got = new ArrayList<>();
    JsonNode rows = actual.get("rows");
    if (rows != null) {
      for (JsonNode row : rows.values()) {
        List<Object> cells = new ArrayList<>();
        for (JsonNode c : row.values()) {
          cells.add(c.isNull() ? null : c.isNumber() ? c.getNumberValue() : c.coerceStringValue());
        }
        got.add(cells);
      }
    }
    JsonNode ordered = expected.get("ordered");
    String diff = ResultComparison.difference(want, got, ordered != null && ordered.isBoolean() && ordered.getBooleanValue());
    return diff == null ? new Score(1, "[correct] rows equal") : new Score(0, "[wrong] " + diff);
  }

  /** clarified or refused: honestly not answered, counted apart from wrong answers. */
  private static String outcome(String status) {
    return "refused".equals(status) ? "refused" : "clarified";
  }
}
