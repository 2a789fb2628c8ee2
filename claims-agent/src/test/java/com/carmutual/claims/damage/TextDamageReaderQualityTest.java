package com.carmutual.claims.damage;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.claims.taxonomy.Taxonomy;
import com.carmutual.claims.vehicle.VehicleDescription;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The offline text path against the labelled dev reports: the quality bar. */
class TextDamageReaderQualityTest {
  private final TextDamageReader reader = new TextDamageReader(new Taxonomy());

  record Gold(String id, String description, VehicleDescription vehicle, List<Map<String, String>> damages) {}

  static List<Gold> dev() throws Exception {
    JsonMapper mapper = JsonMapper.createDefault();
    List<Gold> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                TextDamageReaderQualityTest.class.getResourceAsStream("/claims/reports-dev.jsonl"), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = mapper.readValue(line, JsonNode.class);
        JsonNode v = n.get("vehicle");
        List<Map<String, String>> damages = new ArrayList<>();
        for (JsonNode d : n.get("gold").get("damages").values()) {
          damages.add(
              Map.of(
                  "partCode", d.get("partCode").getStringValue(),
                  "side", d.get("side").getStringValue(),
                  "damageType", d.get("damageType").getStringValue(),
                  "severity", d.get("severity").getStringValue()));
        }
        out.add(
            new Gold(
                n.get("id").getStringValue(),
                n.get("description").getStringValue(),
                new VehicleDescription(v.get("year").getIntValue(), v.get("make").getStringValue(), v.get("model").getStringValue()),
                damages));
      }
    }
    return out;
  }

  @Test
  void meetsTheQualityBarOnTheDevReports() throws Exception {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    int typeAgree = 0;
    int severityAgree = 0;
    StringBuilder misses = new StringBuilder();
    for (Gold g : dev()) {
      Damages got = reader.read(new DamageInput(g.description(), g.vehicle(), null, null));
      Map<String, Damage> byKey = new HashMap<>();
      got.damages().forEach(d -> byKey.put(d.key(), d));
      for (Map<String, String> want : g.damages()) {
        Damage d = byKey.remove(want.get("partCode") + "/" + want.get("side"));
        if (d == null) {
          fn++;
          misses.append(g.id()).append(" missed ").append(want).append('\n');
          continue;
        }
        tp++;
        if (d.damageType().equals(want.get("damageType"))) {
          typeAgree++;
        } else {
          misses.append(g.id()).append(" type ").append(d.damageType()).append(" want ").append(want).append('\n');
        }
        if (d.severity().equals(want.get("severity"))) {
          severityAgree++;
        } else {
          misses.append(g.id()).append(" severity ").append(d.severity()).append(" want ").append(want).append('\n');
        }
      }
      fp += byKey.size();
      byKey.values().forEach(d -> misses.append(g.id()).append(" extra ").append(d).append('\n'));
    }
    double precision = tp / (double) (tp + fp);
    double recall = tp / (double) (tp + fn);
    double f1 = 2 * precision * recall / (precision + recall);
    double typeAgreement = typeAgree / (double) tp;
    double severityAgreement = severityAgree / (double) tp;
    System.out.printf(
        "claims.damage text reader on dev: part+side P=%.3f R=%.3f F1=%.3f; type agreement %.3f; severity agreement %.3f (%d matched)%n%s",
        precision, recall, f1, typeAgreement, severityAgreement, tp, misses);
    assertTrue(f1 >= 0.85, "part+side F1 " + f1 + "\n" + misses);
    assertTrue(typeAgreement >= 0.8, "damage type agreement " + typeAgreement + "\n" + misses);
    assertTrue(severityAgreement >= 0.8, "severity agreement " + severityAgreement + "\n" + misses);
  }
}
