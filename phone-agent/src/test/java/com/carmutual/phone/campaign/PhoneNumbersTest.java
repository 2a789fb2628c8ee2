package com.carmutual.phone.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      +86 138 0013 8000 | +8613800138000
      0086-138-0013-8000 | +8613800138000
      +1 (212) 555-0101 | +12125550101
      +44 20 7946 0958 | +442079460958
      """)
  void writesNumbersInE164(String raw, String e164) {
    assertEquals(e164, PhoneNumbers.normalize(raw));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"2125550101", "+1 212", "+86 138 0013 8000 1234 5678", "call me maybe", "+999 1234567"})
  void refusesWhatIsNoInternationalNumber(String raw) {
    assertNull(PhoneNumbers.normalize(raw));
  }
}
