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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Natural callers, behaviour by behaviour, in English and Chinese, with wording of our own (not the
 * dev sets'): several facts in one turn, corrections inside the turn, in the next turn and at the
 * read-back, refusals and "don't know" for optional slots, vague or out-of-range answers re-asked once,
 * and refused consent. Calls are on Wednesday 2025-06-18; each scenario's turns are separated by
 * {@code /}; the expected fields by {@code ;}.
 */
class MixedInitiativeTest {
  static final Scripts SCRIPTS = new Scripts();
  static final Instant NOW = Instant.parse("2025-06-18T09:00:00Z");
  final DeterministicExtractor extractor = new DeterministicExtractor();

  /** Plays the turns; returns the last step. */
  Dialogue.Step play(String scriptName, String lang, String turns) {
    Script script = SCRIPTS.get(scriptName);
    Dialogue.Step step = Dialogue.start(script, lang, ZoneId.of("Asia/Shanghai"), NOW);
    for (String turn : turns.split("/")) {
      assertEquals(Reply.Action.GATHER, step.reply().action(), "the call ended before: " + turn);
      CallState s = step.state();
      var x = extractor.extract(Dialogue.extractInput(script, s, turn.trim(), null));
      step = Dialogue.advance(script, s, turn.trim(), null, null, Dialogue.validate(script, s, x), NOW);
    }
    return step;
  }

  static void assertFields(Script script, Dialogue.Step step, String expected) {
    Map<String, Object> fields = Dialogue.fields(script, step.state());
    for (String pair : expected.split(";")) {
      String[] kv = pair.split("=", 2);
      Object got = fields.get(kv[0].trim());
      assertEquals(kv[1].trim(), String.valueOf(got), kv[0] + " in " + fields);
    }
  }

  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      en | M four one one two zero eight / Priya Natarajan / Monday / around eight thirty in the morning / outside the library on Oak Avenue / A delivery van clipped my side mirror while I was parked, luckily nobody got injured | police_report | injuries=false
      en | M four one one two zero eight / Priya Natarajan / Monday / around eight thirty in the morning / outside the library on Oak Avenue / A deer ran out and I hit it, we're all okay and we never called the cops | other_party_involved | injuries=false;police_report=false
      en | M four one one two zero eight / Priya Natarajan / Tuesday around quarter past six at the Costco on Fifth Street | description | loss_date=2025-06-17;loss_time=18:15;loss_location=the Costco on Fifth Street
      en | M four one one two zero eight / Priya Natarajan / Monday / about 4 pm / the school car park / I slid on ice into a lamp post and had to get a tow truck | injuries | vehicle_drivable=false
      zh | M五五二零一八 / 陈晓东 / 大前天 / 下午四点一刻 / 万达广场地下车库 / 倒车的时候蹭到了柱子，人都平安，也没报警 | other_party_involved | injuries=false;police_report=false;loss_date=2025-06-15;loss_time=16:15
      zh | M五五二零一八 / 陈晓东 / 上礼拜三晚上八点在人民医院门口 | description | loss_date=2025-06-11;loss_time=20:00;loss_location=人民医院门口
      zh | M五五二零一八 / 陈晓东 / 昨天 / 早上七点 / 高架桥上 / 追尾了前面的车，车开不了，被拖走了 | injuries | vehicle_drivable=false
      """)
  void aTurnThatGivesSeveralFieldsFillsThemAllAndTheAgentSkipsThem(String lang, String turns, String nextQuestion, String expected) {
    Dialogue.Step step = play("fnol", lang, turns);
    assertEquals(nextQuestion, step.state().pending(), "the next question is the first field still missing");
    assertFields(SCRIPTS.get("fnol"), step, expected);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      en | Three. Hmm, no, make it a four | csat=4
      en | Two, sorry, I meant three | csat=3
      zh | 三分，哦不，四分吧 | csat=4
      zh | 给两分，说错了，应该是三分 | csat=3
      """)
  void aValueCorrectedInsideTheTurnKeepsTheLastOne(String lang, String turn, String expected) {
    Dialogue.Step step = play("csat", lang, turn);
    assertEquals("nps", step.state().pending());
    assertFields(SCRIPTS.get("csat"), step, expected);
  }

  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      en | M four one one two zero eight / Priya Natarajan / Monday / around three in the afternoon / the bank drive-through / Backed into a bollard | No. Oh and actually it was closer to 4 pm, not 3 | police_report | loss_time=16:00;injuries=false
      en | M four one one two zero eight / Priya Natarajan / Monday / around three in the afternoon / the bank drive-through / Backed into a bollard | Nope. Sorry, the date was wrong, it was Sunday not Monday | police_report | loss_date=2025-06-15;injuries=false
      zh | M五五二零一八 / 陈晓东 / 昨天 / 下午三点 / 公司门口 / 被电动车刮了一下 | 没有。对了，时间说错了，应该是下午四点 | police_report | loss_time=16:00;injuries=false
      zh | M五五二零一八 / 陈晓东 / 昨天 / 下午三点 / 公司门口 / 被电动车刮了一下 | 没有人受伤。哦不对，日期应该是前天 | police_report | loss_date=2025-06-16;injuries=false
      """)
  void anEarlierFieldCorrectedWhileAnsweringTheNextQuestionKeepsBoth(
      String lang, String before, String turn, String nextQuestion, String expected) {
    Dialogue.Step step = play("fnol", lang, before + " / " + turn);
    assertEquals(nextQuestion, step.state().pending());
    assertFields(SCRIPTS.get("fnol"), step, expected);
  }

  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      en | Four / Eight / The tow driver was late / No | No, the recommendation score should be six | nps=6
      en | Four / Eight / The tow driver was late / No | Not quite, I do want a call back | callback_requested=true
      zh | 四分 / 八分 / 拖车来得太慢 / 不用 | 不对，推荐的分数是六分 | nps=6
      zh | 四分 / 八分 / 拖车来得太慢 / 不用 | 不对，满意度应该是三分 | csat=3
      zh | 四分 / 八分 / 拖车来得太慢 / 不用 | 不对，推荐那个应该给九分 | nps=9
      """)
  void aCorrectionAtTheReadBackIsKeptAndReadBackAgain(String lang, String before, String correction, String expected) {
    Script csat = SCRIPTS.get("csat");
    Dialogue.Step step = play("csat", lang, before + " / " + correction);
    assertEquals(DeterministicExtractor.CONFIRM, step.state().pending(), "read back again after a correction");
    assertFields(csat, step, expected);
    step = play("csat", lang, before + " / " + correction + " / " + ("zh".equals(lang) ? "对的" : "Yes, that's all correct"));
    assertEquals(CallState.COMPLETED, step.state().outcome());
    assertFields(csat, step, expected);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      en | M four one one two zero eight / Priya Natarajan / Friday night / around nine / the cinema car park / a shopping trolley hit the door / no / no / no / yes / Golf Hotel four four one | No, the time was ten not nine | loss_time=22:00
      zh | M五五二零一八 / 陈晓东 / 上周五晚上 / 九点左右 / 电影院停车场 / 购物车撞到了车门 / 没有 / 没有 / 没有 / 能开 / 浙A一二三四五 | 不对，时间应该是十点 | loss_time=22:00
      """)
  void aTimeCorrectedWithoutAPartOfTheDayStaysOnTheSameHalfOfTheDay(String lang, String before, String correction, String expected) {
    Dialogue.Step step = play("fnol", lang, before + " / " + correction);
    assertEquals(DeterministicExtractor.CONFIRM, step.state().pending());
    assertFields(SCRIPTS.get("fnol"), step, expected);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      en | Yes / Yes / Yes / Six years / Next Tuesday / I'd prefer to keep that private for now | salary_expectation=null;years_experience=6;available_start_date=2025-06-24
      en | Yes / Yes / Yes / Six years / No idea yet, it depends on my notice period / Around eighty-five thousand | available_start_date=null;salary_expectation=85000
      en | Yes / Yes / Yes / Honestly I couldn't say / July 1st / Ninety grand | years_experience=null;salary_expectation=90000
      zh | 好的 / 可以 / 有 / 五年 / 下个月一号 / 这个保密 | salary_expectation=null;available_start_date=2025-07-01
      zh | 好的 / 可以 / 有 / 说不准 / 两周后 / 年薪十五万 | years_experience=null;available_start_date=2025-07-02;salary_expectation=150000
      """)
  void aRefusalOrDontKnowForAnOptionalFieldIsNullAndTheCallMovesOn(String lang, String turns, String expected) {
    Dialogue.Step step = play("screening", lang, turns);
    assertEquals(DeterministicExtractor.CONFIRM, step.state().pending(), "no field was asked twice");
    assertFields(SCRIPTS.get("screening"), step, expected);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      en | Twelve out of five! / OK then, four | csat=4
      en | Pretty decent I suppose / A three | csat=3
      en | Meh / Still hard to say | csat=null
      zh | 一百分！ / 那就五分 | csat=5
      zh | 马马虎虎吧 / 还是说不好 | csat=null
      """)
  void aVagueOrOutOfRangeAnswerIsAskedAgainOnceWithAHintThenLeftEmpty(String lang, String turns, String expected) {
    Script csat = SCRIPTS.get("csat");
    Dialogue.Step first = play("csat", lang, turns.split("/")[0]);
    assertEquals("csat", first.state().pending(), "asked again");
    String hint = "zh".equals(lang) ? "一到五" : "one to five";
    assertTrue(String.join(" ", first.reply().say()).contains(hint), "the re-ask says what is expected");
    Dialogue.Step step = play("csat", lang, turns);
    assertEquals("nps", step.state().pending(), "asked once again at most");
    assertFields(csat, step, expected);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      en | I'd rather not do this with a machine
      en | Nah, not interested, thanks
      zh | 不用了，我不想参加
      zh | 不同意录音
      """)
  void refusingConsentEndsTheScreeningPolitely(String lang, String turn) {
    Script screening = SCRIPTS.get("screening");
    Dialogue.Step step = play("screening", lang, turn);
    assertEquals(Reply.Action.HANGUP, step.reply().action());
    assertEquals(CallState.DECLINED, step.state().outcome());
    assertEquals(Phrases.pick(screening.declined(), lang), step.reply().say().get(0));
    Map<String, Object> fields = Dialogue.fields(screening, step.state());
    assertEquals(false, fields.get("consent"));
    assertEquals(false, fields.get("knockout_passed"));
    for (String later : List.of("work_authorized", "drivers_license", "years_experience", "available_start_date", "salary_expectation")) {
      assertNull(fields.get(later), later);
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      en | Yes / No, I'd need a visa sponsor / I do, a clean one | work_authorized=false;drivers_license=true
      zh | 同意 / 可以 / 驾照去年被吊销了 | work_authorized=true;drivers_license=false
      """)
  void aNoToAKnockOutQuestionDoesNotEndTheScreening(String lang, String turns, String expected) {
    Dialogue.Step step = play("screening", lang, turns);
    assertEquals("years_experience", step.state().pending());
    assertFalse(CallState.DECLINED.equals(step.state().outcome()));
    assertFields(SCRIPTS.get("screening"), step, expected);
  }
}
