package com.carmutual.claims.damage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A second batch of reports written for this test before the reader saw them: long accounts, shorthand, spoken Chinese. */
class ReaderSecondBlindTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "OK so long story. My daughter borrowed the car Friday night and clipped a mailbox. She says it was dark. The right mirror is dangling and there's a long scrape on the passenger front door. Otherwise it looks fine to me."
            + "|MIRROR/RIGHT/torn/severe;FRT_DOOR_SHELL/RIGHT/scratch/moderate",
        "Was waiting to turn left when a guy rear ended me. Bumper pushed in, exhaust tip bent, trunk still closes.|REAR_BUMPER_COVER/CENTER/dent/moderate",
        "Parked on the street overnight. Woke up to find my driver side rear window smashed and the door handle broken off.|DOOR_GLASS/LEFT/shattered/severe;DOOR_HANDLE/LEFT/missing/severe",
        "The car slid on ice into a snowbank. Front bumper cover popped out of its clips on the left and the lower grille cracked.|FRT_BUMPER_COVER/CENTER/torn/severe;FRT_LOWER_GRILLE/CENTER/crack/moderate",
        "Tree branch fell during the storm, smashed the sunroof and dented the hood a little.|HOOD/CENTER/dent/minor",
        "RF fender & RF door scraped, RF mirror cap cracked. Veh drivable.|FENDER/RIGHT/scratch/minor;FRT_DOOR_SHELL/RIGHT/scratch/minor;MIRROR/RIGHT/crack/moderate",
        "Frt bumper cover cracked center, hood edge chipped, windshield OK.|FRT_BUMPER_COVER/CENTER/crack/moderate;HOOD/CENTER/scratch/minor",
        "LR whl curbed, LR tire sidewall bulge.|WHEEL_ALLOY/LEFT/scratch/minor;TIRE/LEFT/puncture/moderate",
        "Both front doors dinged in the parking garage, one on each side.|FRT_DOOR_SHELL/LEFT/dent/minor;FRT_DOOR_SHELL/RIGHT/dent/minor",
        "Someone backed out and hit my car, their tail light broke and my front bumper got scuffed on the right.|FRT_BUMPER_COVER/CENTER/scratch/minor",
        "I scraped the left side against a concrete barrier: the rocker panel and the rear door bottom are scratched, deep in places.|ROCKER_OUTER/LEFT/scratch/moderate;REAR_DOOR_SHELL/LEFT/scratch/moderate",
        "开车门的时候被旁边的车门撞了一下，我的右后门有个小凹坑，漆没掉。|REAR_DOOR_SHELL/RIGHT/dent/minor",
        "雨天路滑追尾了前面的车，我车的前保险杠和中网都坏了，右边大灯也裂了，对方后杠有点刮痕。|FRT_BUMPER_COVER/CENTER/broken/severe;FRT_GRILLE/CENTER/broken/severe;HEADLAMP/RIGHT/crack/moderate",
        "停车的时候没注意，左前角撞到柱子了，前杠左边裂开了，左前叶子板也有点变形。|FRT_BUMPER_COVER/CENTER/crack/moderate;FENDER/LEFT/bent/moderate",
        "不知道被谁划了，从左前门一直到左后叶子板全是划痕，挺深的。|FRT_DOOR_SHELL/LEFT/scratch/moderate;REAR_DOOR_SHELL/LEFT/scratch/moderate;QUARTER_PANEL/LEFT/scratch/moderate",
        "后备箱被追尾撞得关不上了，后保险杠掉了一半。|TRUNK_LID/CENTER/bent/moderate;REAR_BUMPER_COVER/CENTER/torn/severe",
        "右后视镜镜片碎了，壳子还好。|MIRROR/RIGHT/broken/severe",
        "昨天洗车发现车顶有好多冰雹砸的小坑，引擎盖上也有几个。|ROOF_PANEL/CENTER/dent/minor;HOOD/CENTER/dent/minor",
        "左后门被电动车把手划了一道，不深，另外左后轮眉也蹭掉了。|REAR_DOOR_SHELL/LEFT/scratch/minor;WHEEL_FLARE/LEFT/missing/severe",
        "前面的车倒车撞到我的车头，机盖凹了一点点，车牌架也断了。|HOOD/CENTER/dent/minor",
      })
  void readsReportsItHasNotSeen(String description, String expected) {
    assertEquals(ParaphraseCases.sorted(expected), ParaphraseCases.read(description), description);
  }
}
