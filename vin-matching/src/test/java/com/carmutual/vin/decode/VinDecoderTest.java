package com.carmutual.vin.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.vin.vpic.VpicData;
import com.carmutual.vin.vpic.VpicLoader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VinDecoderTest {
  static VpicData data;
  static VinDecoder decoder;

  @BeforeAll
  static void load() {
    data = VpicLoader.loadResource();
    decoder = at("2026-06-01T00:00:00Z");
  }

  static VinDecoder at(String instant) {
    return new VinDecoder(data, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
  }

  @Test
  void checkDigitExampleFromTheRegulation() {
    assertEquals('X', CheckDigit.expected("1M8GDM9AXKP042788"));
    DecodedVin d = decoder.decode("1M8GDM9AXKP042788");
    assertEquals("valid", d.checkDigit());
    assertTrue(d.valid());
  }

  @Test
  void northAmericanVinWithWrongCheckDigitIsInvalidButStillDecoded() {
    DecodedVin d = decoder.decode("1FTFW5L87RFB45612");
    assertEquals("invalid", d.checkDigit());
    assertFalse(d.valid());
    assertEquals("Ford", d.make());
    assertTrue(d.warnings().stream().anyMatch(w -> w.contains("position 9")), d.warnings().toString());
    assertTrue(d.confidence() < 0.5);
  }

  @Test
  void europeanVinWithoutCheckDigitIsValidWithLowerConfidence() {
    DecodedVin d = decoder.decode("WVWZZZ1KZ6W612305");
    assertTrue(d.valid());
    assertEquals("not_applicable", d.checkDigit());
    assertEquals("Volkswagen", d.make());
    assertEquals(2006, d.modelYear());
    assertTrue(d.confidence() < 1.0);
  }

  @Test
  void f150IsNotDecodedAsF550() {
    DecodedVin d = decoder.decode("1FTFW5L86RFB45612");
    assertEquals("F-150", d.model());
    assertEquals("Lariat", d.series());
    assertEquals(2024, d.modelYear());
    assertEquals("pattern", d.sources().get("model").kind());
    assertEquals(26306, d.sources().get("model").schemaId());
  }

  @Test
  void positionSevenDigitMeansFirstCycleForNorthAmericanCars() {
    DecodedVin d = decoder.decode("JH4DB1576LS806648");
    assertEquals(1990, d.modelYear());
    assertEquals(List.of(1990, 2020), d.modelYearCandidates());
    assertEquals("rule", d.sources().get("modelYear").kind());
  }

  @Test
  void russianVinTakesTheRecentCycleNotTheNorthAmericanRule() {
    DecodedVin d = decoder.decode("XTAGFK330JY144213");
    assertEquals(2018, d.modelYear(), "a 2018 Lada, not 1988");
    assertEquals("Lada", d.make());
    assertEquals(List.of(1988, 2018), d.modelYearCandidates());
  }

  @Test
  void neverAYearMoreThanOneYearAhead() {
    // position 10 'S' = 1995 or 2025; in 2020 the clock allows 2021 at most
    DecodedVin d = at("2020-01-01T00:00:00Z").decode("2HGFE4F86SH011469");
    assertEquals(List.of(1995), d.modelYearCandidates());
    assertEquals(1995, d.modelYear());
  }

  @Test
  void busWithNoSchemasFallsBackToThePositionSevenRuleWithAWarning() {
    DecodedVin d = decoder.decode("1M8GDM9AXKP042788");
    assertEquals(1989, d.modelYear());
    assertTrue(d.warnings().stream().anyMatch(w -> w.contains("also possible: 2019")), d.warnings().toString());
  }

  @Test
  void positionTenZeroMeansNoYear() {
    DecodedVin d = decoder.decode("JTMW53FV60D023016");
    assertNull(d.modelYear());
    assertTrue(d.modelYearCandidates().isEmpty());
    assertEquals("Toyota", d.make());
  }

  @Test
  void sixCharacterWmiForLowVolumeMakers() {
    // 1A9810 is a low-volume maker: WMI = positions 1-3 plus 12-14
    DecodedVin d = decoder.decode("1A9AA1111XA810123");
    assertEquals(6, d.wmi().length(), d.toString());
    assertEquals("1A9810", d.wmi());
  }

  @Test
  void multiMakeWmiPicksTheMakeThatOwnsTheModel() {
    DecodedVin d = decoder.decode("137ZA903X1E412677");
    assertEquals("Hummer", d.make());
    assertEquals("H1", d.model());
  }

  @Test
  void lowerCaseSpacesAndHyphensAreNormalised() {
    assertEquals("1FTFW5L86RFB45612", decoder.decode(" 1ftfw5l86-rfb 45612 ").vin());
  }

  @Test
  void fullWidthCharactersFoldToAscii() {
    assertEquals("1FTFW5L86RFB45612", decoder.decode("１FTFW5L86RFB45612").vin());
  }

  @Test
  void rejectsLettersIOQNamingThePosition() {
    InvalidVinException e = assertThrows(InvalidVinException.class, () -> decoder.decode("1FTFW5L86RFB4O612"));
    assertTrue(e.getMessage().contains("position 14"), e.getMessage());
  }

  @Test
  void rejectsWrongLengths() {
    assertTrue(assertThrows(InvalidVinException.class, () -> decoder.decode("1FTFW5L86RFB4561")).getMessage().contains("16"));
    assertTrue(assertThrows(InvalidVinException.class, () -> decoder.decode("1FTFW5L86RFB456123")).getMessage().contains("18"));
    assertThrows(InvalidVinException.class, () -> decoder.decode(""));
    assertThrows(InvalidVinException.class, () -> decoder.decode(null));
  }

  @Test
  void rejectsCyrillicLookAlikes() {
    InvalidVinException e = assertThrows(InvalidVinException.class, () -> decoder.decode("\u0410FTFW5L86RFB45612"));
    assertTrue(e.getMessage().contains("position 1") && e.getMessage().contains("CYRILLIC"), e.getMessage());
  }

  @Test
  void decodesEveryUnlabelledVinWithoutFailing() throws Exception {
    String text = new String(getClass().getClassLoader().getResourceAsStream("vin/unlabelled-vins.txt").readAllBytes());
    int withModel = 0;
    int n = 0;
    for (String vin : text.split("\n")) {
      if (vin.isBlank()) {
        continue;
      }
      n++;
      DecodedVin d = decoder.decode(vin);
      assertTrue(d.make() != null || !d.warnings().isEmpty(), vin);
      withModel += d.model() == null ? 0 : 1;
    }
    System.out.printf("unlabelled: %d of %d decode a model%n", withModel, n);
    assertTrue(withModel > n * 0.9, withModel + " of " + n);
  }

  @Test
  void makeOfAnUnknownWmiComesFromItsMakerPrefixWhenEveryKnownWmiThereAgrees() {
    // JM7 is neither in vPIC nor in the supplement, but JM1, JM2, JM3 (and the supplement's JMZ) are all Mazda
    DecodedVin europe = decoder.decode("JM7KFGW7A00123456");
    assertEquals("Mazda", europe.make());
    assertTrue(europe.sources().get("make").detail().contains("JM"), europe.sources().toString());
    assertTrue(europe.warnings().stream().anyMatch(w -> w.contains("not in vPIC")), europe.warnings().toString());
    // KN: Kia, Ford and Nissan WMIs: no single make, so none is guessed
    assertNull(decoder.decode("KNXSHX71A77123456").make());
  }

  @Test
  void wellKnownWmisOutsideVpicComeFromTheSupplementWhateverTheCheckDigit() {
    for (String vin : List.of("AHTKB8CD302123456", "MR0FZ22G401234567", "9BD15804AA7123456", "VWVZZZ6RZBY123456")) {
      DecodedVin d = decoder.decode(vin);
      assertTrue(d.make() != null, vin);
      assertTrue(d.valid(), vin + ": outside North America a failing check digit never invalidates");
    }
    assertEquals("Toyota", decoder.decode("AHTKB8CD302123456").make());
    assertEquals("Volkswagen", decoder.decode("VWVZZZ6RZBY123456").make());
  }

  @Test
  void aWmiWithoutAMakeTakesTheManufacturersName() {
    assertEquals("Morgan", VinDecoder.makeFromManufacturer("MORGAN MOTOR COMPANY LIMITED"));
    assertEquals("Panther", VinDecoder.makeFromManufacturer("THE PANTHER CAR COMPANY LTD "));
    assertNull(VinDecoder.makeFromManufacturer("MOTOR COMPANY LIMITED"));
    // a UK low-volume maker: position 3 is 9, so positions 12-14 complete the WMI (SA9 + 004)
    DecodedVin d = decoder.decode("SA9AB12C5KA004123");
    assertEquals("SA9004", d.wmi());
    assertEquals("Morgan", d.make());
  }
}
