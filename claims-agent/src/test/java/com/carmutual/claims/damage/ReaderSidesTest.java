package com.carmutual.claims.damage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sides per mention: said before or after the part, said once for the sentence or the report, "that side", 同侧, and people who are not sides. */
class ReaderSidesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Hit on the passenger side: front door and mirror damaged.|FRT_DOOR_SHELL/RIGHT/dent/moderate;MIRROR/RIGHT/broken/severe",
        "The damage is all on the driver's side. The rear door has a crease and the quarter panel is scraped.|REAR_DOOR_SHELL/LEFT/dent/moderate;QUARTER_PANEL/LEFT/scratch/minor",
        "Left headlight cracked, right headlight fine.|HEADLAMP/LEFT/crack/moderate",
        "Right side mirror gone, the left one is fine.|MIRROR/RIGHT/missing/severe",
        "被一辆电动车从右边刮了，右前门和右后门都有划痕。|FRT_DOOR_SHELL/RIGHT/scratch/minor;REAR_DOOR_SHELL/RIGHT/scratch/minor",
        "主驾那侧的后视镜被撞掉了，同侧的前门也凹了。|MIRROR/LEFT/missing/severe;FRT_DOOR_SHELL/LEFT/dent/moderate",
        "The driver took the kids to school; later a truck clipped the passenger rear door.|REAR_DOOR_SHELL/RIGHT/dent/moderate",
        "My passenger was fine but the rear right door got a dent.|REAR_DOOR_SHELL/RIGHT/dent/moderate",
        "副驾驶坐着我妈，左后门被蹭了。|REAR_DOOR_SHELL/LEFT/scratch/minor",
        "LR and RR tires flat after the nail strip.|TIRE/LEFT/puncture/moderate;TIRE/RIGHT/puncture/moderate",
        "Both mirrors were knocked off in the car wash.|MIRROR/LEFT/missing/severe;MIRROR/RIGHT/missing/severe",
        "两个后视镜都被掰断了。|MIRROR/LEFT/broken/severe;MIRROR/RIGHT/broken/severe",
        "A scrape runs along the passenger side from the front fender to the rear door.|FENDER/RIGHT/scratch/minor;FRT_DOOR_SHELL/RIGHT/scratch/minor;REAR_DOOR_SHELL/RIGHT/scratch/minor",
        "The mirror on the driver door is broken.|MIRROR/LEFT/broken/severe",
        "Front bumper pushed in on the right, and the fender on that side is creased.|FRT_BUMPER_COVER/CENTER/dent/moderate;FENDER/RIGHT/dent/moderate",
        "Both wheels on the driver side are curbed.|WHEEL_ALLOY/LEFT/scratch/minor",
        "Rear bumper scuffed at the left corner, and the left tail light is cracked.|REAR_BUMPER_COVER/CENTER/scratch/minor;TAIL_LAMP/LEFT/crack/moderate",
        "I left the car at the mall and came back to a dented right rear door.|REAR_DOOR_SHELL/RIGHT/dent/moderate",
        "Right after lunch a van clipped my left mirror.|MIRROR/LEFT/broken/severe",
        "右边的大灯碎了，旁边的叶子板也凹了。|HEADLAMP/RIGHT/broken/severe;FENDER/RIGHT/dent/moderate",
      })
  void resolvesTheSideOfEachMention(String description, String expected) {
    assertEquals(ParaphraseCases.sorted(expected), ParaphraseCases.read(description), description);
  }
}
