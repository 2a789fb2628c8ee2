package com.carmutual.claims.damage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Damage words by meaning, with their intensity: small/big, deep, down to the metal, sizes and size comparisons, 一点/一大块. */
class ReaderIntensityTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Huge dent in the driver door.|FRT_DOOR_SHELL/LEFT/dent/severe",
        "A tiny dent on the hood, you can hardly see it.|HOOD/CENTER/dent/minor",
        "Dent about the size of a baseball on the left rear door.|REAR_DOOR_SHELL/LEFT/dent/moderate",
        "Quarter-sized ding on the trunk lid.|TRUNK_LID/CENTER/dent/minor",
        "LR door dent about 3 inches across.|REAR_DOOR_SHELL/LEFT/dent/moderate",
        "RF door dent roughly 2 feet long.|FRT_DOOR_SHELL/RIGHT/dent/severe",
        "Deep gouge on the rear bumper.|REAR_BUMPER_COVER/CENTER/scratch/moderate",
        "Scratch on the left front door that goes down to bare metal.|FRT_DOOR_SHELL/LEFT/scratch/moderate",
        "Light scuff on the rear bumper, not deep.|REAR_BUMPER_COVER/CENTER/scratch/minor",
        "Big long key scratch across the hood.|HOOD/CENTER/scratch/moderate",
        "The roof is badly dented.|ROOF_PANEL/CENTER/dent/severe",
        "The hood got crushed by a falling branch.|HOOD/CENTER/dent/severe",
        "The paint on the right front fender peeled off in a strip.|FENDER/RIGHT/scratch/minor",
        "右后门有一道很深的划痕。|REAR_DOOR_SHELL/RIGHT/scratch/moderate",
        "前杠左边有一点点刮痕。|FRT_BUMPER_COVER/CENTER/scratch/minor",
        "车顶被冰雹砸得坑坑洼洼。|ROOF_PANEL/CENTER/dent/moderate",
        "引擎盖凹进去好大一块。|HOOD/CENTER/dent/severe",
        "右前门凹了一个硬币大小的坑。|FRT_DOOR_SHELL/RIGHT/dent/minor",
        "后杠凹进去拳头那么大。|REAR_BUMPER_COVER/CENTER/dent/moderate",
        "左后门轻微凹陷，漆没破。|REAR_DOOR_SHELL/LEFT/dent/minor",
        "左前门划痕露出底漆了。|FRT_DOOR_SHELL/LEFT/scratch/moderate",
        "左前叶子板凹陷大概10公分。|FENDER/LEFT/dent/moderate",
        "The tire blew out on the highway, rear left.|TIRE/LEFT/puncture/severe",
        "右前轮毂有点变形。|WHEEL_ALLOY/RIGHT/bent/moderate",
      })
  void gradesDamageByMeaningAndIntensity(String description, String expected) {
    assertEquals(ParaphraseCases.sorted(expected), ParaphraseCases.read(description), description);
  }
}
