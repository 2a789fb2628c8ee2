package com.carmutual.vin.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Decisions from the fitted probabilities, on real VINs outside the dev set (from the unlabelled
 * file) with hints of our own, in English and Chinese.
 */
@MicronautTest(environments = "test")
class MatchDecisionTest {
  // 2025 F-150 with the 2.7 L engine: the catalog's 2025 F150 rows are all 3.5 L
  static final String F150_27 = "1FTEW2LP1SKE69114";
  // 2025 F-150 XLT 3.5 L: the catalog has three 3.5 L trims of that year, none of them XLT
  static final String F150_35 = "1FTFW3LD5SFB75076";
  // 2026 CR-V 2.0 L, no trim decoded
  static final String CRV = "2HKRS6H75TH225205";

  @Inject VinMatcher matcher;
  @Inject MatchSettings settings;

  @Test
  void noMatchWhenNoRowOfTheModelAgreesButTheNearestAreListedForAPerson() {
    MatchResult m = matcher.match(new MatchRequest(F150_27, null));
    assertEquals("no_match", m.decision());
    assertFalse(m.candidates().isEmpty());
    assertTrue(m.candidates().stream().noneMatch(MatchResult.Candidate::fits));
    assertTrue(m.candidates().stream().allMatch(c -> c.confidence() < settings.remainFloor()), m.candidates().toString());
  }

  @Test
  void reviewListsTheRemainingRowsAndWhatTellsThemApart() {
    MatchResult m = matcher.match(new MatchRequest(CRV, null));
    assertEquals("review", m.decision());
    List<MatchResult.Candidate> remaining = m.candidates().stream().filter(MatchResult.Candidate::fits).toList();
    assertTrue(remaining.size() >= 2, remaining.toString());
    assertTrue(m.tellApart().stream().anyMatch(t -> t.startsWith("trim: ")), m.tellApart().toString());
    assertTrue(m.tellApart().stream().noneMatch(t -> t.startsWith("engine: ")), "all remaining rows are 2.0 L");
  }

  @Test
  void aTrimNamedInTheHintSinglesOutTheRowInEnglishAndChinese() {
    for (String hint : List.of("my 25 f150 king ranch", "2025款 福特 King Ranch 白色")) {
      MatchResult m = matcher.match(new MatchRequest(F150_35, hint));
      assertEquals("auto", m.decision(), hint);
      assertTrue(m.candidates().get(0).description().contains("KING RANCH"), hint);
      assertTrue(m.candidates().get(0).confidence() >= settings.autoThreshold());
      assertTrue(m.candidates().get(1).confidence() <= 1 - settings.autoThreshold());
    }
    assertEquals("review", matcher.match(new MatchRequest(F150_35, "pickup, dark grey")).decision());
  }

  @Test
  void aYearFromAChineseHintKeepsOtherYearsOut() {
    // an EU-market VIN whose position 10 is no year code
    MatchResult zh = matcher.match(new MatchRequest("JTMW53FV60D023016", "2019款 rav4 油电混合"));
    MatchResult en = matcher.match(new MatchRequest("JTMW53FV60D023016", "rav4 hybrid, model year 2019"));
    for (MatchResult m : List.of(zh, en)) {
      assertEquals("review", m.decision());
      assertTrue(m.candidates().stream().filter(MatchResult.Candidate::fits)
          .allMatch(c -> c.description().startsWith("2019 TOYOTA RAV4 HYBRID")), m.candidates().toString());
    }
  }

  @Test
  void autoOnlyWhenTheTopRowClearsTheThresholdAndTheRunnerUpCannotBeTheVehicle() throws Exception {
    List<MatchEvaluation.Case> cases = MatchEvaluation.read(LabelledSetBuilder.RESOURCE);
    int autos = 0;
    for (int i = 0; i < cases.size(); i += 3) {
      MatchEvaluation.Case c = cases.get(i);
      MatchResult m = matcher.match(new MatchRequest(c.vin(), c.hint()));
      if (m.decision().equals("auto")) {
        autos++;
        assertTrue(m.confidence() >= settings.autoThreshold(), c.vin());
        assertTrue(m.candidates().size() < 2 || m.candidates().get(1).confidence() <= 1 - settings.autoThreshold(),
            c.vin());
        assertEquals(1, m.candidates().stream().filter(MatchResult.Candidate::fits).count(), c.vin());
      }
      if (m.decision().equals("review")) {
        assertTrue(m.candidates().stream().anyMatch(MatchResult.Candidate::fits), c.vin());
      }
    }
    assertTrue(autos > 20, "autos " + autos);
  }

  @Test
  void aMistypedNorthAmericanVinIsNeverAuto() {
    // the same vehicle with and without a valid check digit (position 9 changed)
    String good = "3FMCR9BN1TRE03517";
    String mistyped = good.substring(0, 8) + '2' + good.substring(9);
    assertEquals("auto", matcher.match(new MatchRequest(good, null)).decision());
    MatchResult m = matcher.match(new MatchRequest(mistyped, null));
    assertEquals("review", m.decision());
    assertTrue(m.notes().stream().anyMatch(n -> n.contains("check digit")), m.notes().toString());
  }
}
