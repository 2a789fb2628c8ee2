package com.carmutual.claims.damage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A fifth batch of reports written for this test before the reader saw them. */
class ReaderFifthBlindTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "R/R LF fender, repair LF door 2.0 hrs, LF mirror cracked.|FENDER/LEFT/dent/moderate;FRT_DOOR_SHELL/LEFT/dent/moderate;MIRROR/LEFT/crack/moderate",
        "Minor damage only: two small dents on the hood and a scratch on the front bumper.|HOOD/CENTER/dent/minor;FRT_BUMPER_COVER/CENTER/scratch/minor",
        "Front driver side corner hit a pillar in the garage. Headlight busted, bumper corner torn, fender pushed back.|HEADLAMP/LEFT/broken/severe;FRT_BUMPER_COVER/CENTER/torn/severe;FENDER/LEFT/bent/moderate",
        "While I was at work someone hit my parked car and drove off. The driver's side rear door has a big dent and the paint is scraped off down to the metal.|REAR_DOOR_SHELL/LEFT/dent/severe",
        "Rear bumper has several deep scratches and a crack on the right side, the reverse sensors work fine.|REAR_BUMPER_COVER/CENTER/crack/moderate",
        "My car was hit while parked. Damage to rear bumper and left tail light. Tail light cracked, bumper scuffed.|REAR_BUMPER_COVER/CENTER/scratch/minor;TAIL_LAMP/LEFT/crack/moderate",
        "Spoiler snapped, trunk lid dinged in two places.|SPOILER/CENTER/broken/severe;TRUNK_LID/CENTER/dent/minor",
        "被人追尾，后杠整个掉下来了，后备箱盖瘪了，倒车雷达掉了两个。|REAR_BUMPER_COVER/CENTER/missing/severe;TRUNK_LID/CENTER/dent/moderate;PARK_SENSOR/LEFT/missing/severe;PARK_SENSOR/RIGHT/missing/severe",
        "开车时被旁边车道的车别了一下，右侧后视镜撞碎了，右前门有轻微刮擦。|MIRROR/RIGHT/broken/severe;FRT_DOOR_SHELL/RIGHT/scratch/minor",
        "右前轮爆胎了，轮毂也有划伤。|TIRE/RIGHT/puncture/severe;WHEEL_ALLOY/RIGHT/scratch/minor",
        "车头撞到前车屁股，前杠裂了一道大口子，中网碎了，左前大灯不亮了。|FRT_BUMPER_COVER/CENTER/crack/moderate;FRT_GRILLE/CENTER/broken/severe;HEADLAMP/LEFT/broken/severe",
        "后挡风玻璃被小孩扔石头砸出一个洞，裂纹扩散了。|BACK_GLASS/CENTER/shattered/severe",
        "主驾侧B柱被撞凹，前后门都变形了，关不上。|B_PILLAR_OUTER/LEFT/dent/moderate;FRT_DOOR_SHELL/LEFT/bent/moderate;REAR_DOOR_SHELL/LEFT/bent/moderate",
        "Mirror on the right is fine, but the right rear wheel got curbed and the tire sidewall has a gash.|WHEEL_ALLOY/RIGHT/scratch/minor;TIRE/RIGHT/puncture/moderate",
      })
  void readsReportsItHasNotSeen(String description, String expected) {
    assertEquals(ParaphraseCases.sorted(expected), ParaphraseCases.read(description), description);
  }
}
