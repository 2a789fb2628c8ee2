package com.carmutual.vin.match;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scores the matcher on labelled VINs the way the issue's targets are stated: decision agreement,
 * {@code auto} answers that are right (the gold is exactly that one row), top candidate among the
 * gold rows, and a reliability table of the candidates' probabilities against the gold.
 */
final class MatchEvaluation {
  /** One labelled VIN: gold rows (empty for no_match) and the expected decision. */
  record Case(String vin, String hint, Set<String> gold, String decision, String split) {}

  /** A candidate's probability and whether it is one of the gold rows. */
  record Point(double probability, boolean inGold) {}

  record Metrics(int n, int decisionAgrees, int auto, int autoRight, int topInGold, int[] byDecision,
      List<Point> points, List<String> misses) {
    double decisionRate() {
      return (double) decisionAgrees / n;
    }

    double autoRightRate() {
      return auto == 0 ? 1 : (double) autoRight / auto;
    }

    double topRate() {
      return (double) topInGold / n;
    }

    String summary(String name) {
      return String.format(Locale.ROOT,
          "%s: n=%d (gold auto %d, review %d, no_match %d) decision %.3f, auto right %d/%d = %.3f, top in gold %.3f",
          name, n, byDecision[0], byDecision[1], byDecision[2], decisionRate(), autoRight, auto, autoRightRate(),
          topRate());
    }
  }

  private MatchEvaluation() {}

  /** Reads a gold CSV: {@code vin,hint,gold_catalog_ids,expected_decision[,split]}. */
  static List<Case> read(String resource) throws IOException {
    try (InputStream in = MatchEvaluation.class.getClassLoader().getResourceAsStream(resource)) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      List<Case> out = new ArrayList<>();
      for (int i = 1; i < lines.length; i++) {
        if (lines[i].isBlank()) {
          continue;
        }
        String[] f = lines[i].split(",", -1);
        out.add(new Case(f[0].trim(), f[1].isBlank() ? null : f[1], f[2].isBlank() ? Set.of() : Set.of(f[2].split(";")),
            f[3].trim(), f.length > 4 ? f[4].trim() : "dev"));
      }
      return out;
    }
  }

  static Metrics evaluate(VinMatcher matcher, List<Case> cases) {
    int decision = 0, auto = 0, autoRight = 0, top = 0;
    int[] by = new int[3];
    List<Point> points = new ArrayList<>();
    List<String> misses = new ArrayList<>();
    for (Case c : cases) {
      by[c.decision().equals("auto") ? 0 : c.decision().equals("review") ? 1 : 2]++;
      MatchResult m = matcher.match(new MatchRequest(c.vin(), c.hint()));
      String first = m.candidates().isEmpty() || !m.candidates().get(0).fits() ? null : m.candidates().get(0).catalogId();
      boolean topOk = c.gold().isEmpty() ? m.decision().equals("no_match") : first != null && c.gold().contains(first);
      boolean decOk = m.decision().equals(c.decision());
      top += topOk ? 1 : 0;
      decision += decOk ? 1 : 0;
      if (m.decision().equals("auto")) {
        auto++;
        if (c.gold().size() == 1 && c.gold().contains(first)) {
          autoRight++;
        }
      }
      m.candidates().forEach(k -> points.add(new Point(k.confidence(), c.gold().contains(k.catalogId()))));
      if (!topOk || !decOk) {
        misses.add(c.vin() + " [" + (c.hint() == null ? "" : c.hint()) + "] got " + m.decision() + " "
            + m.candidates().stream().filter(MatchResult.Candidate::fits).map(k -> k.catalogId() + "@" + k.confidence())
                .toList()
            + " want " + c.decision() + " " + c.gold());
      }
    }
    return new Metrics(cases.size(), decision, auto, autoRight, top, by, points, misses);
  }

  private static final double[] BINS = {0, 0.02, 0.1, 0.3, 0.5, 0.7, 0.9, 0.98, 1.0001};

  /** Markdown reliability table: per probability bin, candidates, mean predicted, observed share in gold. */
  static String reliability(List<Point> points) {
    StringBuilder b = new StringBuilder("| predicted | candidates | mean predicted | observed in gold |\n| --- | --- | --- | --- |\n");
    for (int i = 0; i + 1 < BINS.length; i++) {
      double lo = BINS[i], hi = BINS[i + 1];
      int n = 0, hits = 0;
      double sum = 0;
      for (Point p : points) {
        if (p.probability() >= lo && p.probability() < hi) {
          n++;
          sum += p.probability();
          hits += p.inGold() ? 1 : 0;
        }
      }
      b.append(String.format(Locale.ROOT, "| %.2f-%.2f | %d | %s | %s |%n", lo, Math.min(hi, 1), n,
          n == 0 ? "-" : String.format(Locale.ROOT, "%.3f", sum / n),
          n == 0 ? "-" : String.format(Locale.ROOT, "%.3f (%d)", (double) hits / n, hits)));
    }
    return b.toString();
  }
}
