package com.carmutual.vin.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.vin.decode.DecodedVin;
import com.carmutual.vin.decode.VinDecoder;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The quality bar on the dev data: decode accuracy on labelled VINs and matching on the gold. */
@MicronautTest(environments = "test")
class DevGoldQualityTest {
  @Inject VinDecoder decoder;
  @Inject VinMatcher matcher;

  static List<String[]> csv(String resource) throws IOException {
    try (InputStream in = DevGoldQualityTest.class.getClassLoader().getResourceAsStream(resource)) {
      List<String[]> out = new ArrayList<>();
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 1; i < lines.length; i++) {
        if (!lines[i].isBlank()) {
          out.add(lines[i].split(",", -1));
        }
      }
      return out;
    }
  }

  static String norm(String model) {
    return model.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
  }

  @Test
  void decodesMakeYearAndModelOfCheckDigitValidLabelledVins() throws IOException {
    java.util.Map<String, String> corrected = new java.util.HashMap<>();
    for (String[] c : csv("vin/label-corrections.csv")) {
      corrected.put(c[0], c[1]);
    }
    int n = 0, make = 0, year = 0, modelN = 0, model = 0;
    List<String> misses = new ArrayList<>();
    for (String[] r : csv("vin/vins-dev.csv")) {
      if (!r[5].trim().equals("true")) {
        continue;
      }
      DecodedVin d = decoder.decode(r[0]);
      n++;
      if (d.make() != null && d.make().equalsIgnoreCase(r[1])) {
        make++;
      } else {
        misses.add(r[0] + " make " + d.make() + " != " + r[1]);
      }
      Integer labelYear = r[3].isBlank() ? null : Integer.valueOf(r[3]);
      if (java.util.Objects.equals(labelYear, d.modelYear())) {
        year++;
      } else {
        misses.add(r[0] + " year " + d.modelYear() + " != " + labelYear);
      }
      if (!r[2].isBlank() && !r[2].startsWith("(")) {
        modelN++;
        if (sameModel(corrected.getOrDefault(r[0], r[2]), d)) {
          model++;
        } else {
          misses.add(r[0] + " model " + d.model() + " != " + r[2]);
        }
      }
    }
    double makeRate = (double) make / n, yearRate = (double) year / n, modelRate = (double) model / modelN;
    System.out.printf(Locale.ROOT, "decode dev: make %.3f year %.3f model %.3f (n=%d, models=%d) misses=%s%n",
        makeRate, yearRate, modelRate, n, modelN, misses);
    assertEquals(1.0, makeRate, "make misses " + misses);
    assertEquals(1.0, yearRate, "year misses " + misses);
    assertTrue(modelRate >= 0.95, "model " + modelRate + " misses " + misses);
  }

  @Test
  void decodesTheMakeOfEveryVinFromOutsideNorthAmericaWhateverItsCheckDigit() throws IOException {
    List<String> misses = new ArrayList<>();
    int n = 0;
    for (String[] r : csv("vin/vins-dev.csv")) {
      DecodedVin d = decoder.decode(r[0]);
      if (!d.region().equals("north_america")) {
        n++;
        if (d.make() == null || !Names.make(d.make()).equals(Names.make(r[1]))) {
          misses.add(r[0] + " make " + d.make() + " != " + r[1]);
        }
      }
    }
    System.out.printf(Locale.ROOT, "decode dev: make of %d non-North-American VINs, misses=%s%n", n, misses);
    assertTrue(misses.isEmpty(), misses.toString());
  }

  /**
   * Whether the decoded model is the labelled one under the naming rules of the issue (F-150 =
   * F150, 3 Series = 330i, C-Class = C300, Land Cruiser = LC), for any model, not a list: labels name
   * the model as published ("LX 570" is model LX trim 570, "G-Class (G63)" is a G-Class).
   */
  static boolean sameModel(String labelModel, DecodedVin d) {
    if (d.model() == null) {
      return false;
    }
    String label = norm(Names.stripParens(labelModel));
    String labelFull = norm(labelModel);
    List<String> got = new ArrayList<>();
    for (String alt : Names.stripParens(d.model()).split("/")) {
      got.add(norm(alt));
      if (d.series() != null) {
        got.add(norm(alt + Names.stripParens(d.series())));
        got.add(norm(Names.stripParens(d.series())));
      }
    }
    for (String g : got) {
      if (g.isEmpty()) {
        continue;
      }
      if (label.startsWith(g) || g.contains(label) || label.contains(g) || labelFull.contains(g)
          || Names.runs(labelModel).equals(Names.runs(g))
          || g.equals(Names.classFamily(label)) || label.equals(Names.classFamily(g))
          || g.equals(Names.initials(labelModel)) || label.equals(Names.initials(d.model()))
          || sameSeries(label, g)) {
        return true;
      }
    }
    return false;
  }

  /** "3 Series" and "330i": a series number and a model number that starts with it. */
  private static boolean sameSeries(String a, String b) {
    for (String[] p : new String[][] {{a, b}, {b, a}}) {
      if (p[0].matches("\\d(SERIES)?") && p[1].matches("\\d\\d\\d?[A-Z]{0,2}") && p[1].charAt(0) == p[0].charAt(0)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void modelNamesCompareByTheNamingRulesNotByAList() {
    assertTrue(sameModel("3 Series", ModelNamesTest.decoded("BMW", "328i", 2012, null, null, null)));
    assertTrue(sameModel("C300", ModelNamesTest.decoded("Mercedes-Benz", "C-Class", 2016, null, null, null)));
    assertTrue(sameModel("C-Class", ModelNamesTest.decoded("Mercedes-Benz", "C300", 2016, null, null, null)));
    assertTrue(sameModel("LC", ModelNamesTest.decoded("Toyota", "Land Cruiser", 2012, null, null, null)));
    assertTrue(sameModel("Silverado 2500 HD", ModelNamesTest.decoded("Chevrolet", "Silverado HD", 2012, "2500", null, null)));
    assertTrue(!sameModel("Camry", ModelNamesTest.decoded("Toyota", "Corolla", 2012, null, null, null)));
    assertTrue(!sameModel("5 Series", ModelNamesTest.decoded("BMW", "328i", 2012, null, null, null)));
  }

  @Test
  void matchesTheDevGold() throws IOException {
    int n = 0, top1 = 0, decision = 0, auto = 0, autoRight = 0;
    List<String> misses = new ArrayList<>();
    for (String[] r : csv("vin/catalog-gold-dev.csv")) {
      n++;
      Set<String> gold = r[2].isBlank() ? Set.of() : Set.of(r[2].split(";"));
      MatchResult m = matcher.match(new MatchRequest(r[0], r[1].isBlank() ? null : r[1]));
      String top = m.candidates().isEmpty() || !m.candidates().get(0).fits() ? null : m.candidates().get(0).catalogId();
      boolean topOk = gold.isEmpty() ? m.decision().equals("no_match") : top != null && gold.contains(top);
      boolean decOk = m.decision().equals(r[3].trim());
      top1 += topOk ? 1 : 0;
      decision += decOk ? 1 : 0;
      if (m.decision().equals("auto")) {
        auto++;
        autoRight += topOk ? 1 : 0;
      }
      if (!topOk || !decOk) {
        misses.add(r[0] + " [" + r[1] + "] got " + m.decision() + " "
            + m.candidates().stream().filter(MatchResult.Candidate::fits).map(MatchResult.Candidate::catalogId).toList()
            + " want " + r[3].trim() + " " + gold);
      }
    }
    double top1Rate = (double) top1 / n, decisionRate = (double) decision / n;
    System.out.printf(Locale.ROOT, "match dev: top-1 %.3f decision %.3f auto precision %d/%d (n=%d)%n",
        top1Rate, decisionRate, autoRight, auto, n);
    misses.forEach(s -> System.out.println("  miss " + s));
    assertTrue(top1Rate >= 0.90, "top-1 " + top1Rate + " " + misses);
    assertTrue(decisionRate >= 0.85, "decision " + decisionRate + " " + misses);
  }

  @Test
  void matchesUnlabelledVinsWithoutFailing() throws IOException {
    String text;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("vin/unlabelled-vins.txt")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    java.util.Map<String, Integer> decisions = new java.util.TreeMap<>();
    String[] vins = text.split("\n");
    // every fourth VIN keeps the suite fast; the benchmark runs all 1,100
    for (int i = 0; i < vins.length; i += 4) {
      String vin = vins[i];
      if (!vin.isBlank()) {
        MatchResult m = matcher.match(new MatchRequest(vin.trim(), null));
        decisions.merge(m.decision(), 1, Integer::sum);
        if (m.decision().equals("auto")) {
          assertTrue(m.candidates().get(0).fits() && m.candidates().stream().filter(MatchResult.Candidate::fits).count() == 1, vin);
        }
        if (!m.decision().equals("no_match")) {
          assertTrue(!m.candidates().isEmpty(), vin);
        }
      }
    }
    System.out.println("unlabelled decisions: " + decisions);
    assertEquals(275, decisions.values().stream().mapToInt(Integer::intValue).sum());
  }
}
