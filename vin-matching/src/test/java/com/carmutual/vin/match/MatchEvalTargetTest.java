package com.carmutual.vin.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.shared.llmops.eval.EvalTarget;
import com.carmutual.shared.llmops.eval.Scorer;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import org.junit.jupiter.api.Test;

/** The shipped eval set runs through the registered EvalTarget and scores with scorer vin-match. */
@MicronautTest(environments = "test")
class MatchEvalTargetTest {
  @Inject Collection<EvalTarget> targets;
  @Inject Collection<Scorer> scorers;
  @Inject JsonMapper json;

  @Test
  void devSetScoresWithTheDefaultScorer() throws Exception {
    EvalTarget target = targets.stream().filter(t -> t.task().equals("vin.match")).findFirst().orElseThrow();
    Scorer scorer = scorers.stream().filter(s -> s.name().equals(target.defaultScorer())).findFirst().orElseThrow();
    String set = new String(getClass().getClassLoader().getResourceAsStream("eval/vin.match/dev.jsonl").readAllBytes(),
        StandardCharsets.UTF_8);
    double total = 0;
    int n = 0;
    for (String line : set.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode item = json.readValue(line, JsonNode.class);
      Object out = target.run(item.get("input"));
      JsonNode actual = json.readValue(json.writeValueAsBytes(out), JsonNode.class);
      total += scorer.score(item.get("expected"), actual).value();
      n++;
    }
    assertEquals(45, n);
    System.out.printf("eval vin.match dev: mean score %.3f over %d items%n", total / n, n);
    assertTrue(total / n >= 0.875, "mean " + total / n);
  }
}
