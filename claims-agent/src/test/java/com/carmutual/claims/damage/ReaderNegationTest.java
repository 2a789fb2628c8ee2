package com.carmutual.claims.damage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Negation and its scope, doubt, the other vehicle and the scene: what is not our damage stays out. */
class ReaderNegationTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Rear bumper cracked. The tail lights are fine and the trunk is ok.|REAR_BUMPER_COVER/CENTER/crack/moderate",
        "No damage to the doors or the roof, only the hood is dented.|HOOD/CENTER/dent/moderate",
        "The windshield did not crack but the hood got a dent.|HOOD/CENTER/dent/moderate",
        "Hood is fine, front bumper scuffed.|FRT_BUMPER_COVER/CENTER/scratch/minor",
        "Headlights still work, but the bumper is cracked.|FRT_BUMPER_COVER/CENTER/crack/moderate",
        "Nothing wrong with the mirror; the driver door is scratched.|FRT_DOOR_SHELL/LEFT/scratch/minor",
        "No dents anywhere, just a scuff on the front bumper.|FRT_BUMPER_COVER/CENTER/scratch/minor",
        "The passenger door isn't dented, it's only scratched.|FRT_DOOR_SHELL/RIGHT/scratch/minor",
        "Grille and fog lights are untouched; the hood took a small dent.|HOOD/CENTER/dent/minor",
        "后挡没事，后杠裂了。|REAR_BUMPER_COVER/CENTER/crack/moderate",
        "左前门没有凹，只是刮花了。|FRT_DOOR_SHELL/LEFT/scratch/minor",
        "大灯完好，雾灯碎了一个，左边的。|FOG_LAMP/LEFT/broken/severe",
        "轮胎没事，轮毂刮花了，右后的。|WHEEL_ALLOY/RIGHT/scratch/minor",
        "前杠裂了，机盖和大灯都没问题。|FRT_BUMPER_COVER/CENTER/crack/moderate",
      })
  void leavesOutWhatIsSaidToBeFine(String description, String expected) {
    assertEquals(ParaphraseCases.sorted(expected), ParaphraseCases.read(description), description);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Front bumper cracked; the shop will check if the radiator is damaged.|FRT_BUMPER_COVER/CENTER/crack/moderate",
        "后杠裂了，后备箱盖可能也变形了。|REAR_BUMPER_COVER/CENTER/crack/moderate",
        "Maybe the sensor got knocked too, not sure yet. Rear bumper is dented.|REAR_BUMPER_COVER/CENTER/dent/moderate",
        "I thought the mirror was cracked but it was only dirt. The left front door is dented.|FRT_DOOR_SHELL/LEFT/dent/moderate",
        "以为大灯也坏了，其实没事，就是前杠刮了。|FRT_BUMPER_COVER/CENTER/scratch/minor",
      })
  void leavesOutDamageThatIsNotConfirmed(String description, String expected) {
    assertEquals(ParaphraseCases.sorted(expected), ParaphraseCases.read(description), description);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "I rear-ended a pickup; their bumper is fine but my hood is crumpled.|HOOD/CENTER/dent/severe",
        "The other car's front bumper was torn off. Mine has a cracked headlight on the left.|HEADLAMP/LEFT/crack/moderate",
        "对方车的后杠碎了，我的前杠裂了。|FRT_BUMPER_COVER/CENTER/crack/moderate",
        "Scraped a concrete pillar in the parking garage, my right rear door is scratched.|REAR_DOOR_SHELL/RIGHT/scratch/minor",
        "Backed into a light pole at the mall, rear bumper dented.|REAR_BUMPER_COVER/CENTER/dent/moderate",
        "在地库倒车蹭到柱子，右后门划了。|REAR_DOOR_SHELL/RIGHT/scratch/minor",
        "撞到了小区的大门，前杠凹了。|FRT_BUMPER_COVER/CENTER/dent/moderate",
        "Ran over a chunk of tire tread, front bumper cracked underneath.|FRT_BUMPER_COVER/CENTER/crack/moderate",
        "Stopped at a red light when a van hit my back bumper.|REAR_BUMPER_COVER/CENTER/dent/moderate",
        "Their door swung into mine in the lot; small ding on my passenger door.|FRT_DOOR_SHELL/RIGHT/dent/minor",
        "三者车前杠碎了，我车左后门凹了。|REAR_DOOR_SHELL/LEFT/dent/moderate",
      })
  void leavesOutTheOtherVehicleAndTheScene(String description, String expected) {
    assertEquals(ParaphraseCases.sorted(expected), ParaphraseCases.read(description), description);
  }
}
