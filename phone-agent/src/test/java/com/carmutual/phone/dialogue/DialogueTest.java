package com.carmutual.phone.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.phone.script.Script;
import com.carmutual.phone.script.Scripts;
import com.carmutual.phone.understand.DeterministicExtractor;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The dialogue state machine with the deterministic parsers, in process. */
class DialogueTest {
  static final Scripts SCRIPTS = new Scripts();
  static final Instant NOW = Instant.parse("2025-06-18T09:00:00Z");
  final DeterministicExtractor extractor = new DeterministicExtractor();

  Dialogue.Step say(Script script, Dialogue.Step step, String speech) {
    return turn(script, step, speech, null);
  }

  Dialogue.Step turn(Script script, Dialogue.Step step, String speech, String digits) {
    CallState s = step.state();
    var x = extractor.extract(Dialogue.extractInput(script, s, speech, digits));
    return Dialogue.advance(script, s, speech, digits, null, Dialogue.validate(script, s, x), NOW);
  }

  @Test
  void aRequiredSlotGetsTwoRepromptsThenKeysThenAPerson() {
    Script fnol = SCRIPTS.get("fnol");
    Dialogue.Step step = Dialogue.start(fnol, "en", ZoneId.of("UTC"), NOW);
    step = say(fnol, step, "I'm not sure what it is");
    assertEquals(Reply.Action.GATHER, step.reply().action());
    assertFalse(step.reply().keysOnly());
    assertTrue(step.reply().say().get(0).contains("six digits"));
    step = say(fnol, step, "");
    assertEquals(2, step.state().attempts());
    assertFalse(step.reply().keysOnly());
    step = say(fnol, step, "hmm");
    assertTrue(step.reply().keysOnly(), "third failure asks for keys");
    step = turn(fnol, step, null, "123");
    assertEquals(Reply.Action.TRANSFER, step.reply().action(), "three digits are no member number, and keys were the last resort");
    assertEquals(CallState.TRANSFERRED, step.state().outcome());
  }

  @Test
  void keysAnswerARequiredSlotAfterTheRepromptsAndTheDialogueGoesOn() {
    Script fnol = SCRIPTS.get("fnol");
    Dialogue.Step step = Dialogue.start(fnol, "en", ZoneId.of("UTC"), NOW);
    step = say(fnol, step, "it's on my card somewhere");
    step = say(fnol, step, "let me look");
    step = say(fnol, step, "hmm");
    assertTrue(step.reply().keysOnly());
    step = turn(fnol, step, null, "482913");
    assertEquals("M482913", step.state().values().get("member_id"));
    assertEquals("caller_name", step.state().pending());
    assertFalse(step.reply().keysOnly());
  }

  @Test
  void anOptionalSlotNotUnderstoodIsAskedOnceWithAHintThenLeftEmpty() {
    Script csat = SCRIPTS.get("csat");
    Dialogue.Step step = Dialogue.start(csat, "en", ZoneId.of("UTC"), NOW);
    step = say(csat, step, "eleven");
    assertEquals("csat", step.state().pending());
    assertTrue(step.reply().say().get(0).contains("one to five"), "the re-ask says what is expected");
    step = say(csat, step, "hard to put a number on it");
    assertEquals("nps", step.state().pending(), "after one re-ask the survey moves on");
    assertTrue(step.state().filled().contains("csat"));
    assertNull(Dialogue.fields(csat, step.state()).get("csat"));
  }

  @Test
  void askingForAPersonTransfersAtOnce() {
    Script fnol = SCRIPTS.get("fnol");
    Dialogue.Step step = Dialogue.start(fnol, "zh", ZoneId.of("Asia/Shanghai"), NOW);
    step = say(fnol, step, "转人工");
    assertEquals(Reply.Action.TRANSFER, step.reply().action());
    step = Dialogue.start(fnol, "en", ZoneId.of("UTC"), NOW);
    assertEquals(Reply.Action.TRANSFER, say(fnol, step, "I want to talk to a real person").reply().action());
  }

  @Test
  void anInjuryGetsTheSafetyMessageAndAHandOverAtTheEnd() {
    Script fnol = SCRIPTS.get("fnol");
    Dialogue.Step step = Dialogue.start(fnol, "en", ZoneId.of("UTC"), NOW);
    for (String t : new String[] {"M one two three four five six", "Chris Taylor", "Today at 6:20 am", "On the ramp at Exit 4", "I hit the barrier"}) {
      step = say(fnol, step, t);
    }
    step = say(fnol, step, "My passenger is hurt");
    assertTrue(String.join(" ", step.reply().say()).contains("emergency services"));
    for (String t : new String[] {"Yes", "No", "No", "Two Papa Quebec nine one one", "Yes"}) {
      step = say(fnol, step, t);
    }
    assertEquals(Reply.Action.TRANSFER, step.reply().action());
    assertEquals(CallState.COMPLETED, step.state().outcome());
    assertEquals("2PQ911", step.state().values().get("plate"));
  }

  @Test
  void aCorrectionReplacesTheEarlierAnswer() {
    Script fnol = SCRIPTS.get("fnol");
    Dialogue.Step step = Dialogue.start(fnol, "en", ZoneId.of("UTC"), NOW);
    step = say(fnol, step, "M one two three four five six");
    step = say(fnol, step, "John Smith");
    step = say(fnol, step, "Yesterday");
    step = say(fnol, step, "no, I meant the day before yesterday");
    assertEquals("2025-06-16", step.state().values().get("loss_date"));
    assertEquals("loss_time", step.state().pending());
  }

  @Test
  void noAtTheReadBackLetsTheCallerChangeOneDetail() {
    Script csat = SCRIPTS.get("csat");
    Dialogue.Step step = Dialogue.start(csat, "en", ZoneId.of("UTC"), NOW);
    for (String t : new String[] {"Four", "Nine", "Nothing else", "No"}) {
      step = say(csat, step, t);
    }
    assertTrue(String.join(" ", step.reply().say()).contains("Is that right?"));
    step = say(csat, step, "No");
    assertEquals(CallState.CHANGE, step.state().pending());
    step = say(csat, step, "the recommend score");
    assertEquals("nps", step.state().pending());
    step = say(csat, step, "seven");
    step = say(csat, step, "yes");
    assertEquals(CallState.COMPLETED, step.state().outcome());
    assertEquals(7, Dialogue.fields(csat, step.state()).get("nps"));
  }

  @Test
  void declinedConsentEndsTheScreeningPolitely() {
    Script screening = SCRIPTS.get("screening");
    Dialogue.Step step = Dialogue.start(screening, "en", ZoneId.of("UTC"), NOW);
    step = say(screening, step, "No, I don't agree");
    assertEquals(Reply.Action.HANGUP, step.reply().action());
    assertEquals(CallState.DECLINED, step.state().outcome());
    assertEquals(false, Dialogue.fields(screening, step.state()).get("knockout_passed"));
    assertNull(Dialogue.fields(screening, step.state()).get("years_experience"));
  }

  @Test
  void aCallerSpeakingChineseSwitchesTheCallToChinese() {
    Script csat = SCRIPTS.get("csat");
    Dialogue.Step step = Dialogue.start(csat, "en", ZoneId.of("UTC"), NOW);
    step = say(csat, step, "四分");
    assertEquals("zh", step.state().lang());
    assertEquals("zh", step.reply().lang());
  }

  @Test
  void theReadBackSaysDatesAsWeekdayAndPlatesLetterByLetter() {
    Script fnol = SCRIPTS.get("fnol");
    Dialogue.Step step = Dialogue.start(fnol, "en", ZoneId.of("UTC"), NOW);
    for (String t : new String[] {"M one two three four five six", "John Smith", "Yesterday", "About 5 pm", "Main Street",
        "Rear-ended", "No", "Yes", "Yes", "Yes", "Alpha Bravo Charlie one two three"}) {
      step = say(fnol, step, t);
    }
    String readBack = String.join(" ", step.reply().say());
    assertTrue(readBack.contains("Tuesday, June 17, 2025"), readBack);
    assertTrue(readBack.contains("Alpha Bravo Charlie 1 2 3"), readBack);
    assertTrue(readBack.contains("5:00 PM"), readBack);
  }
}
