package com.carmutual.phone.eval;

import com.carmutual.phone.script.Scripts;
import com.carmutual.phone.understand.Understanding;
import com.carmutual.shared.llmops.eval.EvalTarget;
import com.carmutual.shared.time.BusinessZone;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluation set {@code eval/phone.extract/dev.jsonl}: each item is a whole labelled call
 * ({@code script, lang, callDate, callerTurns}); running it plays the turns through the dialogue with
 * task {@code phone.extract} as configured, and answers the call's fields.
 */
@Singleton
final class PhoneExtractEvalTarget implements EvalTarget {
  private final Scripts scripts;
  private final Understanding understanding;
  private final BusinessZone zone;

  PhoneExtractEvalTarget(Scripts scripts, Understanding understanding, BusinessZone zone) {
    this.scripts = scripts;
    this.understanding = understanding;
    this.zone = zone;
  }

  @Override
  public String task() {
    return Understanding.TASK;
  }

  @Override
  public String defaultScorer() {
    return PhoneFieldsScorer.NAME;
  }

  @Override
  public Object run(JsonNode input) {
    List<String> turns = new ArrayList<>();
    input.get("callerTurns").values().forEach(t -> turns.add(t.getStringValue()));
    // as the set describes: the call happens on callDate at 09:00 UTC
    var start = LocalDate.parse(input.get("callDate").getStringValue()).atTime(9, 0).toInstant(ZoneOffset.UTC);
    String lang = input.get("lang") == null ? "en" : input.get("lang").getStringValue();
    return Conversation.play(scripts.get(input.get("script").getStringValue()), lang, start, zone.zone(), turns, understanding::extract);
  }
}
