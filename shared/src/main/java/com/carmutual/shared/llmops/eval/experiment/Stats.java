package com.carmutual.shared.llmops.eval.experiment;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Aggregates of item scores and latencies (experiments, challengers, promotions). */
public final class Stats {
  private static final int RESAMPLES = 2000;

  private Stats() {}

  public static double mean(double[] xs) {
    return xs.length == 0 ? Double.NaN : Arrays.stream(xs).average().orElse(Double.NaN);
  }

  /**
   * A 95% percentile-bootstrap confidence interval of the mean (2000 resamples, fixed seed so the
   * same scores always give the same interval). Works for 0/1 and graded scores alike and does not
   * assume normality, which small dev sets would break.
   */
  public static double[] bootstrapCi95(double[] xs) {
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
  public static double quantile(List<Long> values, double q) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
    int rank = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
  }

  /**
   * The 95% Wilson score interval of a proportion of {@code successes} in {@code n}: unlike the
   * normal approximation it stays inside [0, 1] and is usable for small n and rates near 0 or 1.
   */
  public static double[] wilson95(long successes, long n) {
    if (n <= 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double z = 1.959963984540054;
    double p = (double) successes / n;
    double z2n = z * z / n;
    double centre = (p + z2n / 2) / (1 + z2n);
    double half = z * Math.sqrt(p * (1 - p) / n + z2n / (4.0 * n)) / (1 + z2n);
    return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
  }
}
