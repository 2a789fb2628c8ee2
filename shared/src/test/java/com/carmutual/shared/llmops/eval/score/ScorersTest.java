package com.carmutual.shared.llmops.eval.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.shared.llmops.eval.Scorer;
import com.carmutual.shared.llmops.support.Jsons;
import com.carmutual.shared.problem.ProblemException;
import io.micronaut.json.JsonMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScorersTest {
  private final Jsons jsons = new Jsons(JsonMapper.createDefault());
  private final Scorers scorers = new Scorers(List.of(new ExactScorer(jsons)), jsons, 0.01, List.of());

  private double score(String spec, String expected, String actual) {
    return scorers.resolve(spec).score(jsons.read(expected), jsons.read(actual)).value();
  }

  @Test
  void exactIgnoresKeyOrderAndNumberFormButNotValues() {
    assertEquals(1.0, score("exact", "{\"a\":1,\"b\":[1,2]}", "{\"b\":[1,2.0],\"a\":1.00}"));
    assertEquals(0.0, score("exact", "{\"a\":1}", "{\"a\":2}"));
    assertEquals(0.0, score("exact", "[1,2]", "[2,1]"));
  }

  @Test
  void fieldsGivesTheShareOfExpectedFieldsMatched() {
    assertEquals(
        2.0 / 3, score("fields", "{\"make\":\"Ford\",\"model\":\"F-150\",\"year\":2024}",
            "{\"make\":\"ford \",\"model\":\"F-150\",\"year\":2023,\"extra\":1}"), 1e-9);
    assertEquals(1.0, score("fields:make", "{\"make\":\"Ford\",\"year\":2024}", "{\"make\":\"FORD\"}"));
    assertEquals(0.0, score("fields", "{\"make\":\"Ford\"}", "\"Ford\""));
  }

  @Test
  void numericAcceptsValuesWithinTheTolerance() {
    assertEquals(1.0, score("numeric", "{\"total\":1000}", "{\"total\":1009}"));
    assertEquals(0.0, score("numeric", "{\"total\":1000}", "{\"total\":1011}"));
    assertEquals(1.0, score("numeric:0.05", "{\"total\":1000}", "{\"total\":\"1,040\"}"));
    assertEquals(0.5, score("numeric", "{\"a\":1,\"b\":\"x\"}", "{\"a\":1,\"b\":\"y\"}"));
  }

  @Test
  void setF1CountsPrecisionAndRecallOverElements() {
    // expected 3, actual 2 of them plus 1 wrong: P = 2/3, R = 2/3
    assertEquals(2.0 / 3, score("set-f1", "[\"a\",\"b\",\"c\"]", "[\"B\",\"a\",\"d\"]"), 1e-9);
    assertEquals(1.0, score("set-f1", "[]", "[]"));
    assertEquals(0.0, score("set-f1", "[\"a\"]", "[]"));
    String expected = "{\"parts\":[{\"code\":\"BUMPER-R\",\"op\":\"replace\",\"hours\":2},{\"code\":\"LID\",\"op\":\"repair\"}]}";
    String actual = "{\"parts\":[{\"code\":\"bumper-r\",\"op\":\"replace\",\"hours\":3}]}";
    // by key fields the hours do not matter: P = 1, R = 1/2
    assertEquals(2.0 / 3, score("set-f1:code,op", expected, actual), 1e-9);
    // by default the fields the expected elements name: hours differ, nothing matches
    assertEquals(0.0, score("set-f1", expected, actual));
    // fields only the actual output has (confidence, evidence) do not count
    assertEquals(
        1.0,
        score(
            "set-f1",
            "{\"parts\":[{\"code\":\"LID\",\"op\":\"repair\"}]}",
            "{\"parts\":[{\"code\":\"LID\",\"op\":\"repair\",\"confidence\":0.7}]}"));
  }

  @Test
  void unknownScorersAreRefusedNamingTheKnownOnes() {
    var e = assertThrows(ProblemException.class, () -> scorers.resolve("bleu"));
    assertTrue(e.getMessage().contains("exact"), e.getMessage());
    assertThrows(ProblemException.class, () -> scorers.resolve("numeric:abc"));
  }

  @Test
  void scoresExplainThemselves() {
    Scorer.Score s = scorers.resolve("set-f1").score(jsons.read("[\"a\",\"b\"]"), jsons.read("[\"a\"]"));
    assertTrue(s.detail().contains("missing [\"b\"]"), s.detail());
  }
}
