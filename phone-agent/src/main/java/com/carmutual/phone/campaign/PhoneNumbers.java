package com.carmutual.phone.campaign;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * Phone numbers in E.164 form ("+8613800138000"), read by libphonenumber: spaces, dashes, dots and
 * brackets are fine, "00" stands for "+", and a number too short or too long for its country is refused.
 */
final class PhoneNumbers {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private PhoneNumbers() {}

  /** The E.164 form of {@code raw}, or null when it is not a possible international phone number. */
  static String normalize(String raw) {
    if (raw == null || raw.length() > 40) {
      return null;
    }
    String n = raw.strip();
    if (n.startsWith("00")) {
      n = "+" + n.substring(2);
    }
    if (!n.startsWith("+")) {
      return null; // campaigns reach several countries: the country code is required
    }
    try {
      Phonenumber.PhoneNumber number = UTIL.parse(n, "ZZ");
      return UTIL.isPossibleNumber(number) ? UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164) : null;
    } catch (NumberParseException e) {
      return null;
    }
  }
}
