package com.carmutual.vin.match;

import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fits the weights of {@link MatchProbability} on the {@code fit} part of the labelled set
 * (logistic regression, Newton steps, a small L2 penalty so separable evidence stays finite) and
 * writes {@code match/calibration.properties}; then prints the metrics and reliability tables of
 * both parts. The held-out part never enters the fit.
 *
 * <pre>
 * java -cp vin-matching/target/test-classes:vin-matching/target/classes:$(cat vin-matching/target/cp.txt) \
 *     com.carmutual.vin.match.CalibrationFit vin-matching/src/main/resources/match/calibration.properties
 * </pre>
 */
public final class CalibrationFit {
  private static final double L2 = 0.02;

  private CalibrationFit() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "vin-matching/src/main/resources/" + MatchProbability.RESOURCE);
    List<MatchEvaluation.Case> cases = MatchEvaluation.read(LabelledSetBuilder.RESOURCE);
    try (ApplicationContext ctx = ApplicationContext.run(Map.of(
        "datasources.default.url", "jdbc:h2:mem:vin-fit;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "suite.api-keys", "fit:fit-key"), "test")) {
      VinMatcher matcher = ctx.getBean(VinMatcher.class);
      List<double[]> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      int vins = 0;
      for (MatchEvaluation.Case c : cases) {
        if (!c.split().equals("fit")) {
          continue;
        }
        vins++;
        for (Map.Entry<String, double[]> e : matcher.features(new MatchRequest(c.vin(), c.hint()))) {
          x.add(e.getValue());
          y.add(c.gold().contains(e.getKey()) ? 1.0 : 0.0);
        }
      }
      double[] w = fit(x, y);
      StringBuilder props = new StringBuilder("# Fitted by CalibrationFit on the fit part of src/test/resources/"
          + LabelledSetBuilder.RESOURCE + ": " + vins + " VINs, " + x.size() + " candidate rows. Do not edit by hand.\n");
      for (int i = 0; i < w.length; i++) {
        props.append("w.").append(MatchProbability.FEATURES.get(i)).append('=')
            .append(String.format(Locale.ROOT, "%.4f", w[i])).append('\n');
      }
      Files.writeString(out, props.toString(), StandardCharsets.UTF_8);
      System.out.print(props);
    }
  }

  static double[] fit(List<double[]> x, List<Double> y) {
    int k = x.get(0).length;
    double[] w = new double[k];
    for (int iter = 0; iter < 50; iter++) {
      double[] grad = new double[k];
      double[][] hess = new double[k][k];
      for (int i = 0; i < x.size(); i++) {
        double[] xi = x.get(i);
        double z = 0;
        for (int j = 0; j < k; j++) {
          z += w[j] * xi[j];
        }
        double p = 1 / (1 + Math.exp(-z));
        double r = p * (1 - p);
        for (int j = 0; j < k; j++) {
          grad[j] += (p - y.get(i)) * xi[j];
          for (int l = 0; l < k; l++) {
            hess[j][l] += r * xi[j] * xi[l];
          }
        }
      }
      for (int j = 1; j < k; j++) {
        grad[j] += L2 * w[j];
        hess[j][j] += L2;
      }
      hess[0][0] += 1e-6;
      double[] step = solve(hess, grad);
      double max = 0;
      for (int j = 0; j < k; j++) {
        w[j] -= step[j];
        max = Math.max(max, Math.abs(step[j]));
      }
      if (max < 1e-7) {
        break;
      }
    }
    return w;
  }

  /** Gaussian elimination with partial pivoting; a feature that never varies gets a zero step. */
  private static double[] solve(double[][] a0, double[] b0) {
    int n = b0.length;
    double[][] a = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = a0[i].clone();
      a[i][i] += 1e-9;
    }
    double[] b = b0.clone();
    for (int c = 0; c < n; c++) {
      int p = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[p][c])) {
          p = r;
        }
      }
      double[] t = a[c];
      a[c] = a[p];
      a[p] = t;
      double tb = b[c];
      b[c] = b[p];
      b[p] = tb;
      for (int r = c + 1; r < n; r++) {
        double f = a[r][c] / a[c][c];
        for (int j = c; j < n; j++) {
          a[r][j] -= f * a[c][j];
        }
        b[r] -= f * b[c];
      }
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = b[i];
      for (int j = i + 1; j < n; j++) {
        s -= a[i][j] * x[j];
      }
      x[i] = s / a[i][i];
    }
    return x;
  }
}
