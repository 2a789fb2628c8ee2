package com.carmutual.claims.damage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reports written for this test in the styles of the held-back set (not derived from any dev
 * report): members telling the story, adjusters' shorthand, colloquial Chinese.
 */
class ReaderHeldOutStyleTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Ugh, worst week. Someone in the Costco lot backed right into me. My front bumper has a big crack on the passenger side and the right headlight housing is cracked too. Hood looks ok."
            + "|FRT_BUMPER_COVER/CENTER/crack/moderate;HEADLAMP/RIGHT/crack/moderate",
        "I hit a pothole pretty hard and now the front left tire has a bubble in the sidewall and the rim is bent.|TIRE/LEFT/puncture/moderate;WHEEL_ALLOY/LEFT/bent/moderate",
        "Garage door came down on the car. Dented the roof and cracked the rear window.|ROOF_PANEL/CENTER/dent/moderate;BACK_GLASS/CENTER/crack/moderate",
        "Someone sideswiped me on the freeway, scraped up the whole left side from the front door back to the rear door and took off my mirror.|FRT_DOOR_SHELL/LEFT/scratch/minor;REAR_DOOR_SHELL/LEFT/scratch/minor;MIRROR/LEFT/missing/severe",
        "A kid on a bike ran into my parked car and left a small dent in the rear passenger door, paint is fine.|REAR_DOOR_SHELL/RIGHT/dent/minor",
        "Vandalism: all four tires slashed and the windshield smashed.|TIRE/LEFT/puncture/moderate;TIRE/RIGHT/puncture/moderate;WINDSHIELD/CENTER/shattered/severe",
        "LF bumper cover torn, LF fog lamp missing, LF fender liner hanging.|FRT_BUMPER_COVER/CENTER/torn/severe;FOG_LAMP/LEFT/missing/severe;FENDER_LINER/LEFT/torn/severe",
        "RT rear door dented approx 6 in, RT qtr scratched, no other damage.|REAR_DOOR_SHELL/RIGHT/dent/moderate;QUARTER_PANEL/RIGHT/scratch/minor",
        "Insd vehicle struck in rear by 3rd party. Rear bumper cover cracked, rear body panel buckled, trunk lid misaligned.|REAR_BUMPER_COVER/CENTER/crack/moderate;REAR_BODY_PANEL/CENTER/bent/severe;TRUNK_LID/CENTER/bent/moderate",
        "Hail: roof and hood with multiple small dents, no glass damage.|ROOF_PANEL/CENTER/dent/minor;HOOD/CENTER/dent/minor",
        "Deer strike, frt end: grille broken, both headlamps cracked, hood dented, rad support bent.|FRT_GRILLE/CENTER/broken/severe;HEADLAMP/LEFT/crack/moderate;HEADLAMP/RIGHT/crack/moderate;HOOD/CENTER/dent/moderate;RAD_SUPPORT/CENTER/bent/severe",
        "停车场出来的时候右后轮蹭到马路牙子了，轮毂刮花了一圈。|WHEEL_ALLOY/RIGHT/scratch/minor",
        "前车急刹我没刹住，追尾了，我的前杠裂了，机盖有点拱起来，水箱漏水。|FRT_BUMPER_COVER/CENTER/crack/moderate;HOOD/CENTER/bent/moderate;RADIATOR/CENTER/puncture/moderate",
        "老婆倒车进车位，把左后叶子板和后杠左边都刮了，漆掉了好几块。|QUARTER_PANEL/LEFT/scratch/minor;REAR_BUMPER_COVER/CENTER/scratch/minor",
        "晚上回家发现副驾驶门上被人划了一长道，一直划到后门。|FRT_DOOR_SHELL/RIGHT/scratch/moderate;REAR_DOOR_SHELL/RIGHT/scratch/moderate",
        "被大货车挤了一下，左侧两个门都瘪了，后视镜也没了。|FRT_DOOR_SHELL/LEFT/dent/moderate;REAR_DOOR_SHELL/LEFT/dent/moderate;MIRROR/LEFT/missing/severe",
        "左前大灯碎了一地，保险杠也掉下来一半，挂在那儿。|HEADLAMP/LEFT/broken/severe;FRT_BUMPER_COVER/CENTER/torn/severe",
        "我的车被对方追尾，对方车头全烂了，我这边后杠就凹了一点。|REAR_BUMPER_COVER/CENTER/dent/minor",
        "后挡风玻璃被高空坠物砸碎了，车顶也凹了一大块。|BACK_GLASS/CENTER/shattered/severe;ROOF_PANEL/CENTER/dent/severe",
        "右侧裙边被石头蹭了几道印子，不严重。|ROCKER_OUTER/RIGHT/scratch/minor",
      })
  void readsReportsInTheHeldBackStyles(String description, String expected) {
    assertEquals(ParaphraseCases.sorted(expected), ParaphraseCases.read(description), description);
  }
}
