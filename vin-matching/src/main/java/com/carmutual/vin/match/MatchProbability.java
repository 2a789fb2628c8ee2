package com.carmutual.vin.match;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/**
 * The probability that a candidate row is one the vehicle can be (a row the evidence cannot rule
 * out), from a logistic model over what the VIN and hint said about the row. The weights are
 * fitted on the labelled set built from the unlabelled VINs ({@code CalibrationFit} in the test
 * sources writes {@code match/calibration.properties}); nothing here is set by hand.
 */
final class MatchProbability {
  static final String RESOURCE = "match/calibration.properties";

  /** Feature names, in the order of {@link #features}; the properties file names its weights so. */
  static final List<String> FEATURES = List.of("bias", "conflicts", "conflictDeficit", "engineAgrees",
      "cylinderConflict", "vinTrimExact", "vinTrimContains", "hintWords", "trimDeficit", "lnTied", "modelExact",
      "modelUnknown", "checkDigitNotValid", "yearFromHint");

  private final double[] weights;

  MatchProbability(double[] weights) {
    if (weights.length != FEATURES.size()) {
      throw new IllegalArgumentException("expected " + FEATURES.size() + " weights, got " + weights.length);
    }
    this.weights = weights.clone();
  }

  /** The shipped, fitted model; fails start-up when the file is missing or incomplete. */
  static MatchProbability load() {
    Properties p = new Properties();
    try (InputStream in = MatchProbability.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("classpath resource " + RESOURCE + " is missing");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    double[] w = new double[FEATURES.size()];
    for (int i = 0; i < w.length; i++) {
      String v = p.getProperty("w." + FEATURES.get(i));
      if (v == null) {
        throw new IllegalStateException(RESOURCE + " has no weight w." + FEATURES.get(i));
      }
      w[i] = Double.parseDouble(v.trim());
    }
    return new MatchProbability(w);
  }

  /** What the evidence says about a run of candidates, one feature row per candidate. */
  static double[][] features(List<Scoring.Scored> rows, VehicleFacts facts, boolean checkDigitValid,
      boolean yearFromHint) {
    int minConflicts = rows.stream().mapToInt(Scoring.Scored::conflicts).min().orElse(0);
    int bestTrim = rows.stream().filter(s -> s.conflicts() == minConflicts)
        .mapToInt(Scoring.Scored::trimMatches).max().orElse(0);
    double[][] x = new double[rows.size()][];
    for (int i = 0; i < rows.size(); i++) {
      Scoring.Scored s = rows.get(i);
      int tied = 0;
      for (Scoring.Scored o : rows) {
        if (o.conflicts() == s.conflicts() && o.trimMatches() == s.trimMatches()) {
          tied++;
        }
      }
      Scoring.Evidence e = s.evidence();
      x[i] = new double[] {
        1,
        Math.min(s.conflicts(), 3),
        s.conflicts() > minConflicts ? 1 : 0,
        e.engineAgrees() ? 1 : 0,
        e.cylinderConflict() ? 1 : 0,
        e.vinTrim() == 11 ? 1 : 0,
        e.vinTrim() == 10 ? 1 : 0,
        Math.min(e.hintWords(), 3),
        s.conflicts() == minConflicts && s.trimMatches() < bestTrim ? 1 : 0,
        Math.log(Math.max(tied, 1)),
        s.modelScore() >= 0.95 ? 1 : 0,
        facts.modelKeys().isEmpty() ? 1 : 0,
        checkDigitValid ? 0 : 1,
        yearFromHint ? 1 : 0
      };
    }
    return x;
  }

  double probability(double[] x) {
    double z = 0;
    for (int i = 0; i < weights.length; i++) {
      z += weights[i] * x[i];
    }
    return 1 / (1 + Math.exp(-z));
  }
}
