package com.carmutual.phone.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LogMaskTest {
  @ParameterizedTest
  @CsvSource({"+14155550100, ***0100", "+86 138 0013 8000, ***8000", "(415) 555-0100, ***0100", "123, ***"})
  void phoneKeepsTheLastFourDigits(String number, String masked) {
    assertEquals(masked, LogMask.phone(number));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Twilio answered 400: The 'To' number +14155550100 is not a valid phone number",
      "call me on (415) 555-0100 please",
      "号码 138 0013 8000 不对",
      "invalid vin 1HGCM82633A004352 for plate",
      "vin 1hgcm82633a004352 lower case"})
  void textHidesNumbersAndVins(String text) {
    String masked = LogMask.text(text);
    String digits = masked.replaceAll("[^0-9A-Za-z]", "");
    assertFalse(digits.contains("4155550100") || digits.contains("13800138000") || digits.toUpperCase().contains("1HGCM82633A004352"), masked);
    assertTrue(masked.contains("***"), masked);
  }

  @ParameterizedTest
  @ValueSource(strings = {"claims-agent answered 503: unavailable", "attempt 3 of 10 in 2025-06-18", "call CA0123456789abcdef0123456789abcdef"})
  void textKeepsWhatIsNoNumber(String text) {
    assertEquals(text, LogMask.text(text));
  }

  @ParameterizedTest
  @CsvSource({"1HGCM82633A004352, ***4352", "' ', -"})
  void vinKeepsTheLastFour(String vin, String masked) {
    assertEquals(masked, LogMask.vin(vin));
  }
}
