package com.carmutual.claims.damage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A fourth batch of reports written for this test before the reader saw them. */
class ReaderFourthBlindTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "I'm so upset. Parked at my gym and when I came out the whole back end was smashed. Bumper is cracked in half, both taillights are broken and the trunk won't even open."
            + "|REAR_BUMPER_COVER/CENTER/crack/moderate;TAIL_LAMP/LEFT/broken/severe;TAIL_LAMP/RIGHT/broken/severe;TRUNK_LID/CENTER/bent/moderate",
        "Hit a raccoon at night, just a small crack in the lower grille and a scuff on the bumper below the plate.|FRT_LOWER_GRILLE/CENTER/crack/moderate;FRT_BUMPER_COVER/CENTER/scratch/minor",
        "Someone's shopping cart hit the driver side rear quarter and left a dent, nothing else wrong.|QUARTER_PANEL/LEFT/dent/moderate",
        "The passenger mirror housing cracked when I clipped a pole in the drive-thru.|MIRROR/RIGHT/crack/moderate",
        "Front end damage: bumper cover pushed in about 4 inches, both fog lights gone, hood has a crease.|FRT_BUMPER_COVER/CENTER/dent/moderate;FOG_LAMP/LEFT/missing/severe;FOG_LAMP/RIGHT/missing/severe;HOOD/CENTER/dent/moderate",
        "LT frt door & LT rr door creased, LT rocker scraped.|FRT_DOOR_SHELL/LEFT/dent/moderate;REAR_DOOR_SHELL/LEFT/dent/moderate;ROCKER_OUTER/LEFT/scratch/minor",
        "Windshield starred from a rock, about the size of a quarter, hasn't spread.|WINDSHIELD/CENTER/crack/moderate",
        "The neighbor backed his truck into my garage and my car's hood got dented by the falling shelf.|HOOD/CENTER/dent/moderate",
        "倒车的时候右后角撞到了墙，右后叶子板和后杠右侧都凹进去了，尾灯没坏。|QUARTER_PANEL/RIGHT/dent/moderate;REAR_BUMPER_COVER/CENTER/dent/moderate",
        "车停小区被楼上掉下来的花盆砸了，车顶一个大坑，天窗玻璃也裂了。|ROOF_PANEL/CENTER/dent/severe",
        "下雨天被后面的车怼了一下，后保险杠凹了一点，漆也掉了一点。|REAR_BUMPER_COVER/CENTER/dent/minor",
        "左前轮压到坑里，轮毂变形，轮胎鼓包了。|WHEEL_ALLOY/LEFT/bent/moderate;TIRE/LEFT/puncture/moderate",
        "副驾那边的两个门被人用钥匙划了很长的几道，都划到底漆了。|FRT_DOOR_SHELL/RIGHT/scratch/moderate;REAR_DOOR_SHELL/RIGHT/scratch/moderate",
        "早上发现左后视镜被人掰下来了，镜子掉在地上碎了。|MIRROR/LEFT/missing/severe",
      })
  void readsReportsItHasNotSeen(String description, String expected) {
    assertEquals(ParaphraseCases.sorted(expected), ParaphraseCases.read(description), description);
  }
}
