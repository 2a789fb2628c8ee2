package com.carmutual.vin.match;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The targets on VINs the probability model was not fitted on: the held-out part of the
 * labelled set and the 45 dev VINs. Prints the metrics and reliability tables (in
 * {@code target/surefire-reports/...LabelledSetQualityTest-output.txt}, copied to
 * docs/evaluation.md).
 */
@MicronautTest(environments = "test")
class LabelledSetQualityTest {
  @Inject VinMatcher matcher;

  private void check(String name, List<MatchEvaluation.Case> cases) {
    MatchEvaluation.Metrics m = MatchEvaluation.evaluate(matcher, cases);
    System.out.println(m.summary(name));
    System.out.print(MatchEvaluation.reliability(m.points()));
    m.misses().forEach(s -> System.out.println("  miss " + s));
    assertTrue(m.autoRightRate() >= 0.98, name + " auto right " + m.autoRightRate() + " " + m.misses());
    assertTrue(m.decisionRate() >= 0.90, name + " decision " + m.decisionRate() + " " + m.misses());
    assertTrue(m.topRate() >= 0.95, name + " top in gold " + m.topRate() + " " + m.misses());
  }

  @Test
  void meetsTheTargetsOnTheHeldOutPart() throws IOException {
    check("held-out", MatchEvaluation.read(LabelledSetBuilder.RESOURCE).stream()
        .filter(c -> c.split().equals("holdout")).toList());
  }

  @Test
  void meetsTheTargetsOnTheDevGold() throws IOException {
    check("dev", MatchEvaluation.read("vin/catalog-gold-dev.csv"));
  }

  @Test
  void fitPartForComparison() throws IOException {
    MatchEvaluation.Metrics m = MatchEvaluation.evaluate(matcher, MatchEvaluation.read(LabelledSetBuilder.RESOURCE)
        .stream().filter(c -> c.split().equals("fit")).toList());
    System.out.println(m.summary("fit"));
    System.out.print(MatchEvaluation.reliability(m.points()));
    assertTrue(m.n() > 500, "fit part has " + m.n() + " VINs");
  }
}
