package com.carmutual.claims.damage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Part names by their synonyms and abbreviations, in English and Chinese, settled with the position and the vehicle. */
class ReaderVocabularyTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "LF fdr creased, LF hl lens cracked.|FENDER/LEFT/dent/moderate;HEADLAMP/LEFT/crack/moderate",
        "FBC scraped, grille insert missing.|FRT_BUMPER_COVER/CENTER/scratch/minor;FRT_LOWER_GRILLE/CENTER/missing/severe",
        "RR qtr pnl dented, RR tail lamp busted.|QUARTER_PANEL/RIGHT/dent/moderate;TAIL_LAMP/RIGHT/broken/severe",
        "The bonnet is dented and the windscreen is chipped.|HOOD/CENTER/dent/moderate;WINDSHIELD/CENTER/crack/moderate",
        "Boot lid won't shut after the bump.|TRUNK_LID/CENTER/bent/moderate",
        "Front quarter panel on the passenger side is pushed in.|FENDER/RIGHT/dent/moderate",
        "Rear fender on the driver side got scraped along a pole.|QUARTER_PANEL/LEFT/scratch/minor",
        "The fender flare on the right rear popped off.|WHEEL_FLARE/RIGHT/missing/severe",
        "Rock chip in the windscreen, spreading a little.|WINDSHIELD/CENTER/crack/moderate",
        "Rear windshield blown out by the hail.|BACK_GLASS/CENTER/shattered/severe",
        "引擎盖被砸出一个坑，前挡风玻璃也裂了。|HOOD/CENTER/dent/moderate;WINDSHIELD/CENTER/crack/moderate",
        "右后翼子板蹭掉一块漆。|QUARTER_PANEL/RIGHT/scratch/minor",
        "主驾门把手断了。|DOOR_HANDLE/LEFT/broken/severe",
        "副驾后视镜镜壳裂了。|MIRROR/RIGHT/crack/moderate",
        "左侧门槛被石头磕了，有个小坑。|ROCKER_OUTER/LEFT/dent/minor",
        "并线辅助报故障了，右后那个。|BSM_RADAR/RIGHT/broken/severe",
        "左前轮眉掉了。|WHEEL_FLARE/LEFT/missing/severe",
        "机器盖上面一个凹，水箱框架也歪了。|HOOD/CENTER/dent/moderate;RAD_SUPPORT/CENTER/bent/severe",
        "倒车镜被别人的车刮断了，左边的。|MIRROR/LEFT/broken/severe",
        "右后轮胎扎了个钉子。|TIRE/RIGHT/puncture/moderate",
      })
  void namesPartsBySynonymsAndAbbreviations(String description, String expected) {
    assertEquals(ParaphraseCases.sorted(expected), ParaphraseCases.read(description), description);
  }

  @ParameterizedTest(name = "{0} / {1} {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "The trunk won't close anymore.|Honda|CR-V|LIFTGATE/CENTER/bent/moderate",
        "The trunk won't close anymore.|Honda|Accord|TRUNK_LID/CENTER/bent/moderate",
        "后备箱盖凹了一块。|Toyota|RAV4|LIFTGATE/CENTER/dent/moderate",
        "后备箱盖凹了一块。|Toyota|Corolla|TRUNK_LID/CENTER/dent/moderate",
        "尾门被撞瘪了。|BYD|Tang|LIFTGATE/CENTER/dent/moderate",
        "Tailgate dented from a shopping cart.|Ford|F-150|TAILGATE_PICKUP/CENTER/dent/moderate",
        "Tailgate dented from a shopping cart.|Kia|Sorento|LIFTGATE/CENTER/dent/moderate",
        "Step bumper is bent and the tailgate won't latch.|Chevrolet|Silverado|REAR_BUMPER_COVER/CENTER/bent/moderate;TAILGATE_PICKUP/CENTER/bent/moderate",
        "Hatch glass is cracked.|Honda|CR-V|BACK_GLASS/CENTER/crack/moderate",
        "Backed into a flower bed, rear bumper scuffed.|Toyota|Camry|REAR_BUMPER_COVER/CENTER/scratch/minor",
        "Driver side bed is dented from a forklift.|Ram|1500|BEDSIDE_PICKUP/LEFT/dent/moderate",
      })
  void settlesPartsWithTheVehicle(String description, String make, String model, String expected) {
    assertEquals(ParaphraseCases.sorted(expected), ParaphraseCases.read(description, make, model), description);
  }
}
