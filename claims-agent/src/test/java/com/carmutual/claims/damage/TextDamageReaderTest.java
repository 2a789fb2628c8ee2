package com.carmutual.claims.damage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.carmutual.claims.taxonomy.Taxonomy;
import com.carmutual.claims.vehicle.VehicleDescription;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Phrasings that are not in the dev reports, to keep the grammar general: each line is a
 * description and the expected damages as "PART/SIDE/type/severity" joined by ';'.
 */
class TextDamageReaderTest {
  private final TextDamageReader reader = new TextDamageReader(new Taxonomy());

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "The LF fender has a small dent and the LF headlight is cracked.|FENDER/LEFT/dent/minor;HEADLAMP/LEFT/crack/moderate",
        "Passenger side front door keyed, deep scratch down to the metal.|FRT_DOOR_SHELL/RIGHT/scratch/moderate",
        "Hood badly crushed, windshield shattered, both fenders bent.|HOOD/CENTER/dent/severe;WINDSHIELD/CENTER/shattered/severe;FENDER/LEFT/bent/moderate;FENDER/RIGHT/bent/moderate",
        "Someone hit my car in the lot: RR door dented and the rear bumper cover scuffed. The trunk is fine.|REAR_DOOR_SHELL/RIGHT/dent/moderate;REAR_BUMPER_COVER/CENTER/scratch/minor",
        "Driver's side mirror knocked off, door handle fine.|MIRROR/LEFT/missing/severe",
        "Nail in the right rear tire.|TIRE/RIGHT/puncture/moderate",
        "Front bumper reinforcement bent and radiator leaking.|FRT_BUMPER_REINF/CENTER/bent/moderate;RADIATOR/CENTER/puncture/moderate",
        "右后叶子板凹陷,后保险杠刮花了,后备箱没事。|QUARTER_PANEL/RIGHT/dent/moderate;REAR_BUMPER_COVER/CENTER/scratch/minor",
        "主驾驶门被划了一道很深的划痕。|FRT_DOOR_SHELL/LEFT/scratch/moderate",
        "倒车雷达右边的掉了,后杠有裂纹。|PARK_SENSOR/RIGHT/missing/severe;REAR_BUMPER_COVER/CENTER/crack/moderate",
        "左侧后视镜碎了,左前门轻微凹陷。|MIRROR/LEFT/broken/severe;FRT_DOOR_SHELL/LEFT/dent/minor",
        "后挡风玻璃碎了,尾灯也坏了,左右都坏了。|BACK_GLASS/CENTER/shattered/severe;TAIL_LAMP/LEFT/broken/severe;TAIL_LAMP/RIGHT/broken/severe",
        "My car was sideswiped on the driver side: both doors scratched and the mirror is hanging.|FRT_DOOR_SHELL/LEFT/scratch/minor;REAR_DOOR_SHELL/LEFT/scratch/minor;MIRROR/LEFT/torn/severe",
        "主驾车门和后门都被撞凹了。|FRT_DOOR_SHELL/LEFT/dent/moderate;REAR_DOOR_SHELL/LEFT/dent/moderate",
        "Front end damage: bumper and both fog lights broken.|FRT_BUMPER_COVER/CENTER/broken/severe;FOG_LAMP/LEFT/broken/severe;FOG_LAMP/RIGHT/broken/severe",
        "There is a dent on the left rear door and a scratch on the left quarter panel.|REAR_DOOR_SHELL/LEFT/dent/moderate;QUARTER_PANEL/LEFT/scratch/minor",
        "右侧后视镜掉了,右前门凹了一小块。|MIRROR/RIGHT/missing/severe;FRT_DOOR_SHELL/RIGHT/dent/minor",
        "车尾被撞,后杠凹陷严重,后备箱盖变形,两个尾灯都碎了。|REAR_BUMPER_COVER/CENTER/dent/severe;TRUNK_LID/CENTER/bent/moderate;TAIL_LAMP/LEFT/broken/severe;TAIL_LAMP/RIGHT/broken/severe",
        "副驾驶侧的两个车门都被划了。|FRT_DOOR_SHELL/RIGHT/scratch/minor;REAR_DOOR_SHELL/RIGHT/scratch/minor",
        "右前轮胎爆胎,右前轮毂变形,右前叶子板内衬掉了。|TIRE/RIGHT/puncture/severe;WHEEL_ALLOY/RIGHT/bent/moderate;FENDER_LINER/RIGHT/missing/severe",
        "Rear-ended at a light, rear bumper cracked and the trunk lid dented.|REAR_BUMPER_COVER/CENTER/crack/moderate;TRUNK_LID/CENTER/dent/moderate",
        "I ran a red light and hit a pole: front bumper cracked.|FRT_BUMPER_COVER/CENTER/crack/moderate",
        "等红灯时被追尾,后杠有裂纹。|REAR_BUMPER_COVER/CENTER/crack/moderate",
        "Rear-ended on the highway. Trunk won't open, rear bumper pushed in, both tail lights cracked.|TRUNK_LID/CENTER/bent/moderate;REAR_BUMPER_COVER/CENTER/dent/moderate;TAIL_LAMP/LEFT/crack/moderate;TAIL_LAMP/RIGHT/crack/moderate",
      })
  void readsDamagesFromPhrasingsOutsideTheDevSet(String description, String expected) {
    Damages got = reader.read(new DamageInput(description, new VehicleDescription(2020, "Toyota", "Camry"), null, null));
    String actual =
        got.damages().stream()
            .map(d -> d.partCode() + "/" + d.side() + "/" + d.damageType() + "/" + d.severity())
            .sorted()
            .collect(Collectors.joining(";"));
    String want = List.of(expected.split(";")).stream().sorted().collect(Collectors.joining(";"));
    assertEquals(want, actual, description);
  }
}
