package com.carmutual.claims.damage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A seventh batch of reports written for this test before the reader saw them. */
class ReaderSeventhBlindTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Coming home from church a teenager ran the stop sign and T-boned me on the passenger's side. Both passenger doors are caved in and the window in the back one shattered.|FRT_DOOR_SHELL/RIGHT/dent/severe;REAR_DOOR_SHELL/RIGHT/dent/severe;DOOR_GLASS/RIGHT/shattered/severe",
        "Hood and front bumper scratched from gravel on the highway, lots of tiny chips in the paint.|HOOD/CENTER/scratch/minor;FRT_BUMPER_COVER/CENTER/scratch/minor",
        "My left rear tire went flat overnight, found a screw in it.|TIRE/LEFT/puncture/moderate",
        "Insured states vehicle was struck on the LF while parked. LF fender dented, LF wheel flare cracked, LF tire OK.|FENDER/LEFT/dent/moderate;WHEEL_FLARE/LEFT/crack/moderate",
        "I clipped the garage wall pulling in, right mirror folded back and the glass popped out.|MIRROR/RIGHT/torn/severe",
        "被一辆出租车刮了，左后门到左后叶子板一长条划痕，没凹。|REAR_DOOR_SHELL/LEFT/scratch/moderate;QUARTER_PANEL/LEFT/scratch/moderate",
        "冰雹把我车的前挡风玻璃砸碎了，机盖和车顶都是小坑。|WINDSHIELD/CENTER/shattered/severe;HOOD/CENTER/dent/minor;ROOF_PANEL/CENTER/dent/minor",
        "在高速上爆胎了，左前的，轮毂也磨坏了。|TIRE/LEFT/puncture/severe;WHEEL_ALLOY/LEFT/broken/severe",
        "洗车的时候发现右后尾灯有一道裂缝，不知道什么时候弄的。|TAIL_LAMP/RIGHT/crack/moderate",
        "倒车撞到垃圾桶，后杠右下角有点擦伤，其他都正常。|REAR_BUMPER_COVER/CENTER/scratch/minor",
      })
  void readsReportsItHasNotSeen(String description, String expected) {
    assertEquals(ParaphraseCases.sorted(expected), ParaphraseCases.read(description), description);
  }
}
