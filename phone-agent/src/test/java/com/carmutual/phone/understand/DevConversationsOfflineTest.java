package com.carmutual.phone.understand;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.phone.eval.Conversation;
import com.carmutual.phone.eval.LabelledCalls;
import com.carmutual.phone.script.Scripts;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Plays the labelled calls through the dialogue and the deterministic parsers, in process (fast, for
 * iterating); {@code LabelledCallsOverWebhooksTest} measures the same over signed webhooks.
 */
class DevConversationsOfflineTest {
  static java.util.List<String> sets() {
    return LabelledCalls.sets();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("sets")
  void deterministicParsersGetTheLabelledCallsRight(String set) {
    Scripts scripts = new Scripts();
    DeterministicExtractor extractor = new DeterministicExtractor();
    LabelledCalls.Score score = LabelledCalls.score(set, (call, i) -> Conversation.play(scripts.get(call.script()),
        call.lang(), call.start(), ZoneId.of("Asia/Shanghai"), call.turns(), extractor::extract));
    score.misses().forEach(m -> System.out.println("MISS " + m));
    System.out.println("in process " + score);
    assertTrue(score.fieldAccuracy() >= 0.97, score.toString());
    assertTrue(score.callAccuracy() >= 0.90, score.toString());
  }
}
