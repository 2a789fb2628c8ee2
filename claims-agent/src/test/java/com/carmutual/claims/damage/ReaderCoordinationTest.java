package com.carmutual.claims.damage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Coordination ("front and rear bumpers", "both doors on the right", 右前门和右后门) and one line per part and side with the main damage. */
class ReaderCoordinationTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Front and rear bumpers both scraped.|FRT_BUMPER_COVER/CENTER/scratch/minor;REAR_BUMPER_COVER/CENTER/scratch/minor",
        "前后保险杠都有划痕。|FRT_BUMPER_COVER/CENTER/scratch/minor;REAR_BUMPER_COVER/CENTER/scratch/minor",
        "Both doors on the right side are dented.|FRT_DOOR_SHELL/RIGHT/dent/moderate;REAR_DOOR_SHELL/RIGHT/dent/moderate",
        "右前门和右后门都凹了。|FRT_DOOR_SHELL/RIGHT/dent/moderate;REAR_DOOR_SHELL/RIGHT/dent/moderate",
        "The LF and LR doors were keyed.|FRT_DOOR_SHELL/LEFT/scratch/minor;REAR_DOOR_SHELL/LEFT/scratch/minor",
        "Hood, grille and both headlights smashed.|HOOD/CENTER/broken/severe;FRT_GRILLE/CENTER/broken/severe;HEADLAMP/LEFT/broken/severe;HEADLAMP/RIGHT/broken/severe",
        "左右两个大灯和中网都碎了。|HEADLAMP/LEFT/broken/severe;HEADLAMP/RIGHT/broken/severe;FRT_GRILLE/CENTER/broken/severe",
        "All four tires were slashed overnight.|TIRE/LEFT/puncture/moderate;TIRE/RIGHT/puncture/moderate",
        "四个车门都被划了。|FRT_DOOR_SHELL/LEFT/scratch/minor;FRT_DOOR_SHELL/RIGHT/scratch/minor;REAR_DOOR_SHELL/LEFT/scratch/minor;REAR_DOOR_SHELL/RIGHT/scratch/minor",
        "Scratches on the passenger side doors and the rear bumper.|FRT_DOOR_SHELL/RIGHT/scratch/minor;REAR_DOOR_SHELL/RIGHT/scratch/minor;REAR_BUMPER_COVER/CENTER/scratch/minor",
        "Left front and rear doors dented.|FRT_DOOR_SHELL/LEFT/dent/moderate;REAR_DOOR_SHELL/LEFT/dent/moderate",
        "Dents in the hood and the roof from hail, all small.|HOOD/CENTER/dent/minor;ROOF_PANEL/CENTER/dent/minor",
      })
  void sharesTheDamageAmongCoordinatedParts(String description, String expected) {
    assertEquals(ParaphraseCases.sorted(expected), ParaphraseCases.read(description), description);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "The rear bumper is scratched and dented.|REAR_BUMPER_COVER/CENTER/dent/moderate",
        "Left headlight cracked and no longer lights up.|HEADLAMP/LEFT/broken/severe",
        "左后门先被刮了，后来又被撞凹了。|REAR_DOOR_SHELL/LEFT/dent/moderate",
        "Radiator is leaking.|RADIATOR/CENTER/puncture/moderate",
        "Front right wheel has curb rash and is bent.|WHEEL_ALLOY/RIGHT/bent/moderate",
        "Two dings on the left front door and a scratch on the same door.|FRT_DOOR_SHELL/LEFT/dent/minor",
        "前杠刮花了，还裂了一条缝。|FRT_BUMPER_COVER/CENTER/crack/moderate",
        "Right mirror cracked and hanging by the wires.|MIRROR/RIGHT/torn/severe",
      })
  void keepsOneLinePerPartAndSideWithTheMainDamage(String description, String expected) {
    assertEquals(ParaphraseCases.sorted(expected), ParaphraseCases.read(description), description);
  }
}
