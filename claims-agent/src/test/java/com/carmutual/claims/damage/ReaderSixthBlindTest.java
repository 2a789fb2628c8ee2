package com.carmutual.claims.damage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A sixth batch of reports written for this test before the reader saw them, mostly spoken Chinese. */
class ReaderSixthBlindTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "哎，今天真背，在停车场被一辆SUV倒车顶了一下，我的车头中网裂了，车牌也歪了，别的应该没啥事。|FRT_GRILLE/CENTER/crack/moderate",
        "左边两个轮毂都刮了，昨天停车贴马路牙子太近了。|WHEEL_ALLOY/LEFT/scratch/minor",
        "后视镜被蹭了一下，右边的，镜片没碎，就是外壳花了。|MIRROR/RIGHT/scratch/minor",
        "追尾前车，我的引擎盖翘起来了，两个大灯都碎了，水箱也撞坏了。|HOOD/CENTER/torn/severe;HEADLAMP/LEFT/broken/severe;HEADLAMP/RIGHT/broken/severe;RADIATOR/CENTER/broken/severe",
        "右后门有个坑，拳头那么大，不过没掉漆。|REAR_DOOR_SHELL/RIGHT/dent/moderate",
        "前保险杠下面的导流板掉了，前杠本身没事。|-",
        "车尾被撞，后杠和后围都变形了，后备箱盖缝隙变大。|REAR_BUMPER_COVER/CENTER/bent/moderate;REAR_BODY_PANEL/CENTER/bent/severe;TRUNK_LID/CENTER/bent/moderate",
        "A bunch of small dings all over the hood and roof from the hail storm last night.|HOOD/CENTER/dent/minor;ROOF_PANEL/CENTER/dent/minor",
        "Backing out of my driveway I scraped the passenger side on the mailbox post: rear door and rear quarter panel, just surface scratches.|REAR_DOOR_SHELL/RIGHT/scratch/minor;QUARTER_PANEL/RIGHT/scratch/minor",
        "The front bumper cover is cracked on the driver side and the passenger side fog light is hanging out.|FRT_BUMPER_COVER/CENTER/crack/moderate;FOG_LAMP/RIGHT/torn/severe",
      })
  void readsReportsItHasNotSeen(String description, String expected) {
    assertEquals(ParaphraseCases.sorted(expected), ParaphraseCases.read(description), description);
  }
}
