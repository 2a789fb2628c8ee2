package com.carmutual.vin.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HintTest {
  @Test
  void readsFourAndTwoDigitYearsAndEngineSize() {
    Hint h = Hint.parse("2016 f150 xlt 2.7 ecoboost");
    assertEquals(2016, h.year());
    assertEquals(2.7, h.displacement());
    assertTrue(h.has("XLT") && h.has("ECOBOOST"));
    assertEquals(2011, Hint.parse("11 tiguan SE").year());
    assertEquals(1996, Hint.parse("96 F350 crew cab diesel").year());
    assertNull(Hint.parse("ram 3500 diesel dually").year());
  }

  @Test
  void modelNamesCompareByLettersAndDigits() {
    assertEquals(Names.key("F-150"), Names.key("F150"));
    assertEquals(Names.key("CR-V"), Names.key("CR V"));
    assertEquals(Names.key("G-Class"), Names.key("G CLASS"));
    assertEquals("VOLKSWAGEN", Names.make("VW"));
    assertEquals("CHEVROLET", Names.make("Chevy"));
    assertEquals("MERCEDES-BENZ", Names.make("MERCEDES"));
  }

  @Test
  void readsYearsAndEngineSizesWrittenNextToChinese() {
    Hint h = Hint.parse("2021款 途观 2.0升 四驱");
    assertEquals(2021, h.year());
    assertEquals(2.0, h.displacement());
    assertTrue(h.has("4WD"));
    assertEquals(2017, Hint.parse("17款 mazda3 两厢").year());
    assertTrue(Hint.parse("17款 mazda3 两厢").has("HATCHBACK"));
  }

  @Test
  void fuelWordsInEnglishAndChinese() {
    assertTrue(Hint.parse("插电混动 outlander").has("PHEV"));
    assertTrue(Hint.parse("凯美瑞 油电混合").has("HYBRID"));
    assertTrue(Hint.parse("柴油 皮卡").has("DIESEL"));
    assertTrue(Hint.parse("accord hybrid touring").has("HYBRID"));
  }
}
