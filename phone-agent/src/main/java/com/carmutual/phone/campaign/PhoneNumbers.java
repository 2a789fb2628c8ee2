package com.carmutual.phone.campaign;

/** Phone numbers in E.164 form ("+8613800138000"); spaces, dashes, dots and brackets are dropped. */
final class PhoneNumbers {
  private PhoneNumbers() {}

  /** The E.164 form of {@code raw}, or null when it is not a phone number. */
  static String normalize(String raw) {
    if (raw == null) {
      return null;
    }
    String n = raw.replaceAll("[\\s().-]", "");
    if (n.startsWith("00")) {
      n = "+" + n.substring(2);
    }
    return n.matches("\\+[1-9]\\d{6,14}") ? n : null;
  }
}
