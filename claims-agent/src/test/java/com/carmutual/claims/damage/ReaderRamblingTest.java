package com.carmutual.claims.damage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whole reports in the styles of other writers: a member's rambling account, adjuster shorthand, colloquial Chinese, misspellings. */
class ReaderRamblingTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "So I was coming back from my sister's place and this guy in a pickup swerves into my lane, clips my front end on the passenger side. "
            + "Headlight is hanging by the wires, bumper cover is cracked and the fender has a pretty big dent. He drove off."
            + "|HEADLAMP/RIGHT/torn/severe;FRT_BUMPER_COVER/CENTER/crack/moderate;FENDER/RIGHT/dent/severe",
        "今天早上送孩子上学，路口有辆电动车突然冲出来，我一脚刹车还是蹭上了，右前叶子板有几道划痕，右前大灯好像没事，电动车的人也没事。"
            + "|FENDER/RIGHT/scratch/minor",
        "Insd backed into pole. RBC cracked, LR TL broken, decklid dented.|REAR_BUMPER_COVER/CENTER/crack/moderate;TAIL_LAMP/LEFT/broken/severe;TRUNK_LID/CENTER/dent/moderate",
        "Passanger side mirorr smashed.|MIRROR/RIGHT/broken/severe",
        "Frnt bumpr cracked, windshild chipped.|FRT_BUMPER_COVER/CENTER/crack/moderate;WINDSHIELD/CENTER/crack/moderate",
        "The headlite on the drivers side is busted.|HEADLAMP/LEFT/broken/severe",
        "Was parked at work all day, came out and found the rear bumper smashed and the trunk lid pushed in. No note, nothing. Tail lights ok tho."
            + "|REAR_BUMPER_COVER/CENTER/broken/severe;TRUNK_LID/CENTER/dent/moderate",
        "昨晚停在楼下，早上一看左后视镜被人撞没了，左前门也被刮了好长一道，真倒霉。|MIRROR/LEFT/missing/severe;FRT_DOOR_SHELL/LEFT/scratch/moderate",
        "高速上被石子打到，前挡风玻璃出现裂纹，别的地方都好。|WINDSHIELD/CENTER/crack/moderate",
      })
  void readsWholeReportsInOtherStyles(String description, String expected) {
    assertEquals(ParaphraseCases.sorted(expected), ParaphraseCases.read(description), description);
  }
}
