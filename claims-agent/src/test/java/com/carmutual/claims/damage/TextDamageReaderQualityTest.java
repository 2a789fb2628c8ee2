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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The offline text path against each labelled dev set: the quality bar (part+side F1 at
 * least 0.95, damage type and severity agreement at least 0.90), printed per set and per language.
 */
class TextDamageReaderQualityTest {
  private final TextDamageReader reader = new TextDamageReader(new Taxonomy());

  record Gold(String id, String lang, String description, VehicleDescription vehicle, List<Map<String, String>> damages) {}

  static List<Gold> load(String resource) throws Exception {
    JsonMapper mapper = JsonMapper.createDefault();
    List<Gold> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(TextDamageReaderQualityTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
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
                n.get("lang").getStringValue(),
                n.get("description").getStringValue(),
                new VehicleDescription(v.get("year").getIntValue(), v.get("make").getStringValue(), v.get("model").getStringValue()),
                damages));
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"/claims/reports-dev.jsonl", "/claims/reports-dev-2.jsonl"})
  void meetsTheQualityBarOnEachDevSet(String resource) throws Exception {
    List<Gold> gold = load(resource);
    DamageScore all = new DamageScore();
    DamageScore en = new DamageScore();
    DamageScore zh = new DamageScore();
    for (Gold g : gold) {
      List<Damage> got = reader.read(new DamageInput(g.description(), g.vehicle(), null, null)).damages();
      all.add(g.id(), g.damages(), got);
      ("zh".equals(g.lang()) ? zh : en).add(g.id(), g.damages(), got);
    }
    System.out.printf("claims.damage text reader on %s: all %s%n  en %s%n  zh %s%n%s", resource, all, en, zh, all.misses());
    assertTrue(all.f1() >= 0.95, "part+side F1 " + all + "\n" + all.misses());
    assertTrue(all.typeAgreement() >= 0.90, "damage type agreement " + all + "\n" + all.misses());
    assertTrue(all.severityAgreement() >= 0.90, "severity agreement " + all + "\n" + all.misses());
  }
}
