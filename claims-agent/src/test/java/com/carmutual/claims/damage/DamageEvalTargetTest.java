package com.carmutual.claims.damage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.shared.llmops.eval.EvalTarget;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@MicronautTest(environments = "test", startApplication = false)
class DamageEvalTargetTest {
  @Inject List<EvalTarget> targets;
  @Inject JsonMapper mapper;

  @ParameterizedTest
  @ValueSource(strings = {"/eval/claims.damage/dev.jsonl", "/eval/claims.damage/dev-2.jsonl"})
  void shipsTheDevSetsAndRunsThemThroughTheDamageTask(String set) throws Exception {
    EvalTarget target = targets.stream().filter(t -> t.task().equals("claims.damage")).findFirst().orElseThrow();
    assertEquals("set-f1", target.defaultScorer());
    int lines = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(getClass().getResourceAsStream(set), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        JsonNode item = mapper.readValue(line, JsonNode.class);
        Damages out = (Damages) target.run(item.get("input"));
        assertEquals(item.get("expected").get("damages").size(), out.damages().size(), line);
        lines++;
      }
    }
    assertTrue(lines >= 25);
  }
}
