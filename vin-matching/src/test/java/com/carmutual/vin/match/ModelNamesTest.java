package com.carmutual.vin.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.vin.catalog.CatalogRow;
import com.carmutual.vin.decode.DecodedVin;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Model names as vPIC writes them against the catalog's spelling: rules for the kind, not a list. */
class ModelNamesTest {
  static DecodedVin decoded(String make, String model, Integer year, String series, String trim, String litres) {
    return new DecodedVin("TESTVIN0000000000", true, "valid", "TST", null, make, model, year,
        year == null ? List.of() : List.of(year), null, null, series, trim, null, litres, null, null, null, null, null,
        null, null, null, null, null, null, null, null, "north_america", null, List.of(), 1.0, Map.of());
  }

  static double family(DecodedVin d, String catalogModel) {
    CatalogRow row = new CatalogRow("CAT-000001", d.make(), catalogModel, d.modelYear(), "BASE", "4D SEDAN", null,
        "GAS", 1, 1);
    return Scoring.model(row, VehicleFacts.of(d, Hint.parse(null))).modelScore();
  }

  @Test
  void partsInAnotherOrderAreTheSameModel() {
    assertTrue(family(decoded("GMC", "Sierra HD", 2024, "3500", null, null), "SIERRA 3500HD") >= 0.9);
    assertEquals(Names.runs("Silverado HD 2500"), Names.runs("SILVERADO 2500HD"));
  }

  @Test
  void aLetteredModelNumberBelongsToItsClass() {
    assertEquals("ECLASS", Names.classFamily("E350"));
    assertEquals("GLECLASS", Names.classFamily("GLE450"));
    assertNull(Names.classFamily("CAMRY"));
    assertTrue(family(decoded("Mercedes-Benz", "GLE 450", 2021, null, null, null), "GLE CLASS") >= 0.9);
    assertTrue(family(decoded("Mercedes-Benz", "E-Class", 2021, null, "E450 4MATIC", null), "E CLASS") >= 0.9);
  }

  @Test
  void theVinMayNameTheVariantOfACatalogFamily() {
    assertTrue(family(decoded("BMW", "535i", 2011, null, null, null), "5-SERIES 535I") >= 0.9);
    assertTrue(family(decoded("BMW", "5 Series", 2011, null, "535i", null), "5-SERIES 535I") >= 0.9);
  }

  @Test
  void aLongNameMayBeWrittenByItsInitials() {
    assertEquals("LC", Names.initials("Land Cruiser"));
    assertEquals("RR", Names.initials("Range-Rover"));
    assertNull(Names.initials("F-150"));
    assertTrue(family(decoded("Toyota", "Land Cruiser", 2010, null, null, null), "LC") >= 0.9);
    assertTrue(family(decoded("Toyota", "LC", 2010, null, null, null), "LAND CRUISER") >= 0.9);
  }

  @Test
  void remarksAndBodyWordsAreNotPartOfTheName() {
    assertTrue(family(decoded("Toyota", "Corolla Cross (HEV)", 2024, null, null, null), "COROLLA CROSS") >= 0.9);
    assertTrue(family(decoded("Nissan", "Rogue MPV", 2022, null, null, null), "ROGUE") >= 0.9);
  }

  @Test
  void aNumberSuffixIsTheEngineSizeOrAnotherCar() {
    assertTrue(family(decoded("Lexus", "RX", 2015, null, null, "3.5"), "RX350") >= 0.9);
    assertTrue(family(decoded("Infiniti", "G", 2010, null, null, "3.7"), "G37") >= 0.9);
    assertTrue(family(decoded("Lexus", "RX", 2015, null, null, "2.0"), "RX350") < Scoring.FAMILY_THRESHOLD);
  }

  @Test
  void aSeparateCatalogModelStillNeedsEvidence() {
    assertTrue(family(decoded("Jeep", "Wagoneer", 2023, null, null, null), "WAGONEER L") < Scoring.FAMILY_THRESHOLD);
    assertTrue(family(decoded("Ford", "F-250", 2020, null, null, null), "F350") == 0);
  }
}
