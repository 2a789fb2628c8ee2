package com.carmutual.phone.eval;

import com.carmutual.phone.dialogue.CallState;
import com.carmutual.phone.dialogue.Dialogue;
import com.carmutual.phone.dialogue.Reply;
import com.carmutual.phone.script.Script;
import com.carmutual.phone.understand.ExtractInput;
import com.carmutual.phone.understand.Extraction;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Plays a caller's turns through the dialogue in process (no telephony), as the evaluation set
 * describes: one answer per question, in order, until the call ends or the turns run out.
 */
public final class Conversation {
  private Conversation() {}

  /** The fields the call produced, by canonical name. */
  public static Map<String, Object> play(
      Script script, String lang, Instant start, ZoneId zone, List<String> turns, Function<ExtractInput, Extraction> extractor) {
    Dialogue.Step step = Dialogue.start(script, lang, zone, start);
    CallState state = step.state();
    for (String turn : turns) {
      if (step.reply().action() != Reply.Action.GATHER) {
        break;
      }
      boolean keys = step.reply().keysOnly();
      String speech = keys ? null : turn;
      String digits = keys ? turn : null;
      Extraction x = extractor.apply(Dialogue.extractInput(script, state, speech, digits));
      step = Dialogue.advance(script, state, speech, digits, null, Dialogue.validate(script, state, x), start);
      state = step.state();
    }
    return Dialogue.fields(script, state);
  }
}
