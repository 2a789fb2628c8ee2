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
        String label = norm(corrected.getOrDefault(r[0], r[2]));
        String got = d.model() == null ? "" : norm(d.model());
        // labels name the model as published: "LX 570" is model LX trim 570, "G-Class (G63)" is G-Class
        if (!got.isEmpty() && (label.startsWith(got) || got.contains(label) || label.contains(got))) {
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
