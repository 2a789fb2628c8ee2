package com.carmutual.shared.llmops.eval.experiment;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Aggregates of item scores and latencies. */
final class Stats {
  private static final int RESAMPLES = 2000;

  private Stats() {}

  static double mean(double[] xs) {
    return xs.length == 0 ? Double.NaN : Arrays.stream(xs).average().orElse(Double.NaN);
  }

  /**
   * A 95% percentile-bootstrap confidence interval of the mean (2000 resamples, fixed seed so the
   * same scores always give the same interval). Works for 0/1 and graded scores alike and does not
   * assume normality, which small dev sets would break.
   */
  static double[] bootstrapCi95(double[] xs) {
    if (xs.length == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    if (xs.length == 1) {
      return new double[] {xs[0], xs[0]};
    }
    SplittableRandom random = new SplittableRandom(42);
    double[] means = new double[RESAMPLES];
    for (int r = 0; r < RESAMPLES; r++) {
      double sum = 0;
      for (int i = 0; i < xs.length; i++) {
        sum += xs[random.nextInt(xs.length)];
      }
      means[r] = sum / xs.length;
    }
    Arrays.sort(means);
    return new double[] {means[(int) (RESAMPLES * 0.025)], means[(int) (RESAMPLES * 0.975) - 1]};
  }

  /** The q-quantile (nearest rank) of the values. */
  static double quantile(List<Long> values, double q) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
    int rank = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
  }
}
