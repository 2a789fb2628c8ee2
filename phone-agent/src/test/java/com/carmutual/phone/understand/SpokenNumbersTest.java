package com.carmutual.phone.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Spelled-out numbers read through ICU in both languages, and the spoken forms ICU leaves to us. */
class SpokenNumbersTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      seventy-three thousand four hundred | 73400
      two hundred and twelve | 212
      a thousand | 1000
      about forty six, give or take | 46
      one million two hundred thousand | 1200000
      sixty two grand | 62000
      eighty k | 80000
      $58,500 | 58500
      一百零五 | 105
      三万二 | 32000
      两千五 | 2500
      十二万八千 | 128000
      九十九 | 99
      大概七万左右 | 70000
      """)
  void readsTheNumber(String said, double value) {
    assertEquals(value, SpokenNumbers.find(said).value(), 1e-9);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"nothing at all", "hundreds of people", "没有数字"})
  void findsNoNumberWhereNoneWasSaid(String said) {
    assertNull(SpokenNumbers.find(said));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      nine oh double four one two | 904412
      幺三五零二八 | 135028
      five five triple seven | 55777
      """)
  void readsDigitsSaidOneByOne(String said, String digits) {
    assertEquals(digits, SpokenNumbers.digitSequence(said));
  }
}
