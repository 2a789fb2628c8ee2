package com.carmutual.phone.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers and VINs as they may appear in a log line: only the last four characters are kept
 * ({@code +14155550100} becomes {@code ***0100}). Log statements pass callers' numbers through
 * {@link #phone} and any text that may quote a caller or a remote system (error messages, bodies)
 * through {@link #text}; raw numbers and VINs are never logged.
 */
public final class LogMask {
  private static final int KEEP = 4;
  private static final int MAX_TEXT = 500;
  /** A run of digits that may be a phone number: 7 or more digits with spaces, dots, dashes, brackets between. */
  private static final Pattern PHONE = Pattern.compile("(?<![\\w+])\\+?\\(?\\d(?:[\\s().-]{0,2}\\d){6,}(?!\\w)");
  /** An ISO date, which the phone pattern would take for a number. */
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  /** A VIN: 17 letters and digits without I, O, Q. */
  private static final Pattern VIN = Pattern.compile("(?i)(?<![A-Z0-9])[A-HJ-NPR-Z0-9]{17}(?![A-Z0-9])");

  private LogMask() {}

  /** {@code ***} and the number's last four digits; {@code -} for none. */
  public static String phone(String number) {
    if (number == null || number.isBlank()) {
      return "-";
    }
    String digits = number.replaceAll("\\D", "");
    return digits.length() <= KEEP ? "***" : "***" + digits.substring(digits.length() - KEEP);
  }

  /** {@code ***} and the VIN's last four characters; {@code -} for none. */
  public static String vin(String vin) {
    if (vin == null || vin.isBlank()) {
      return "-";
    }
    String v = vin.strip();
    return v.length() <= KEEP ? "***" : "***" + v.substring(v.length() - KEEP);
  }

  /** {@code text} with every VIN and phone-like digit run masked, cut to 500 characters. */
  public static String text(String text) {
    if (text == null) {
      return null;
    }
    String t = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "..." : text;
    t = replace(VIN.matcher(t), true);
    return replace(PHONE.matcher(t), false);
  }

  private static String replace(Matcher m, boolean vin) {
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String found = m.group();
      boolean isVin = vin && found.chars().anyMatch(Character::isDigit);
      String masked = vin ? (isVin ? vin(found) : found) : DATE.matcher(found.strip()).matches() ? found : phone(found);
      m.appendReplacement(out, Matcher.quoteReplacement(masked));
    }
    m.appendTail(out);
    return out.toString();
  }
}
