package com.carmutual.claims.damage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A third batch of reports written for this test before the reader saw them. */
class ReaderThirdBlindTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Hi there, filing for my son. He says a delivery van reversed into him at a loading dock and crunched the front end. The hood is bent up and the grille fell out. Luckily the headlights are fine."
            + "|HOOD/CENTER/bent/moderate;FRT_GRILLE/CENTER/missing/severe",
        "Got keyed at the movies. Long scratches on the driver door and the driver side rear door, plus one on the trunk.|FRT_DOOR_SHELL/LEFT/scratch/moderate;REAR_DOOR_SHELL/LEFT/scratch/moderate;TRUNK_LID/CENTER/scratch/moderate",
        "Merging onto the highway a truck drifted into my lane and tagged my passenger side. Front fender and front door both dented, and the mirror glass is cracked.|FENDER/RIGHT/dent/moderate;FRT_DOOR_SHELL/RIGHT/dent/moderate;MIRROR/RIGHT/crack/moderate",
        "Rear wiper and backup camera are busted, rear bumper scratched up.|REAR_BUMPER_COVER/CENTER/scratch/minor",
        "A rock hit the windshield on the freeway, now there's a crack running across the glass.|WINDSHIELD/CENTER/crack/moderate",
        "RR door and RR qtr panel dented, RR wheel scuffed. LR side no damage.|REAR_DOOR_SHELL/RIGHT/dent/moderate;QUARTER_PANEL/RIGHT/dent/moderate;WHEEL_ALLOY/RIGHT/scratch/minor",
        "Front bumper hanging off on the driver side, LF headlamp out, LF fender crushed.|FRT_BUMPER_COVER/CENTER/torn/severe;HEADLAMP/LEFT/broken/severe;FENDER/LEFT/dent/severe",
        "Rear-ended at low speed. Slight crack in the rear bumper near the license plate, nothing else.|REAR_BUMPER_COVER/CENTER/crack/moderate",
        "My neighbor's kid threw a ball and cracked my rear windshield. Car is a Civic.|BACK_GLASS/CENTER/crack/moderate",
        "小区里停着被人撞了，没留电话，左后叶子板凹进去一大块，尾灯也碎了，左边的。|QUARTER_PANEL/LEFT/dent/severe;TAIL_LAMP/LEFT/broken/severe",
        "我自己倒车没看见后面的石墩子，后杠撞裂了，右后的倒车雷达也不响了。|REAR_BUMPER_COVER/CENTER/crack/moderate;PARK_SENSOR/RIGHT/broken/severe",
        "前挡被小石子崩了个坑，没裂。|WINDSHIELD/CENTER/crack/moderate",
        "右前门和右前叶子板被公交车剐了，掉了一大片漆，后视镜还好。|FRT_DOOR_SHELL/RIGHT/scratch/moderate;FENDER/RIGHT/scratch/moderate",
        "跟人家追尾了，我的车头撞得不轻，前杠碎了，水箱也漏了，两个大灯都裂了。|FRT_BUMPER_COVER/CENTER/broken/severe;RADIATOR/CENTER/puncture/moderate;HEADLAMP/LEFT/crack/moderate;HEADLAMP/RIGHT/crack/moderate",
        "停在路边被电动车蹭了，左前门有几道浅浅的划痕。|FRT_DOOR_SHELL/LEFT/scratch/minor",
        "主驾驶车窗被砸了，里面的包被偷了，门没事。|DOOR_GLASS/LEFT/shattered/severe",
      })
  void readsReportsItHasNotSeen(String description, String expected) {
    assertEquals(ParaphraseCases.sorted(expected), ParaphraseCases.read(description), description);
  }
}
