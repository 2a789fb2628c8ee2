package com.carmutual.shared.llmops.promote;

import com.carmutual.shared.llmops.promote.PromotionViews.GateResult;
import com.carmutual.shared.llmops.promote.PromotionViews.Gates;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides each gate of a promotion from measured figures: those of the experiments and, when a
 * challenger ran the candidate in shadow, those of live traffic; of the two the worse is used. A
 * gate with nothing measured fails.
 */
final class GateCheck {
  private GateCheck() {}

  /** Figures of one source; null where it measured nothing. */
  record Measured(
      @Nullable Double score, @Nullable Double regression, @Nullable Double costRatio, @Nullable Double p95Ms) {}

  static List<GateResult> check(Gates gates, Measured experiment, @Nullable Measured shadow) {
    Measured s = shadow == null ? new Measured(null, null, null, null) : shadow;
    List<GateResult> out = new ArrayList<>();
    if (gates.minScore() != null) {
      out.add(atLeast("minScore", gates.minScore(), experiment.score(), s.score()));
    }
    if (gates.maxRegression() != null) {
      out.add(atMost("maxRegression", gates.maxRegression(), experiment.regression(), s.regression()));
    }
    if (gates.maxCostRatio() != null) {
      out.add(atMost("maxCostRatio", gates.maxCostRatio(), experiment.costRatio(), s.costRatio()));
    }
    if (gates.maxP95LatencyMs() != null) {
      out.add(atMost("maxP95LatencyMs", gates.maxP95LatencyMs(), experiment.p95Ms(), s.p95Ms()));
    }
    return out;
  }

  static boolean allPass(List<GateResult> results) {
    return !results.isEmpty() && results.stream().allMatch(GateResult::passed);
  }

  private static GateResult atLeast(String gate, double threshold, @Nullable Double e, @Nullable Double s) {
    Double worst = worse(e, s, true);
    return result(gate, threshold, worst, worst != null && worst >= threshold - 1e-12, e, s);
  }

  private static GateResult atMost(String gate, double threshold, @Nullable Double e, @Nullable Double s) {
    Double worst = worse(e, s, false);
    return result(gate, threshold, worst, worst != null && worst <= threshold + 1e-12, e, s);
  }

  @Nullable
  private static Double worse(@Nullable Double e, @Nullable Double s, boolean lowerIsWorse) {
    if (e == null || s == null) {
      return e != null ? e : s;
    }
    return Double.valueOf(lowerIsWorse ? Math.min(e, s) : Math.max(e, s));
  }

  private static GateResult result(
      String gate, double threshold, @Nullable Double worst, boolean passed, @Nullable Double e, @Nullable Double s) {
    String source = e != null && s != null ? "experiment+shadow" : s != null ? "shadow" : "experiment";
    String detail = worst == null ? "not measured (no scored items or no cost to compare with)"
        : e != null && s != null ? "experiment " + round(e) + ", shadow " + round(s) + "; the worse counts" : null;
    return new GateResult(gate, threshold, worst == null ? null : round(worst), passed, source, detail);
  }

  private static double round(double d) {
    return Math.round(d * 10000.0) / 10000.0;
  }
}
