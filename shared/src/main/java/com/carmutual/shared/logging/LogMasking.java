package com.carmutual.shared.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides VINs and phone numbers in a log line: a VIN keeps its first three characters (the maker,
 * useful when reading logs), a phone number its last two digits; separators are kept so the shape
 * still shows. Cheap enough for every line: each pattern runs only when the line has a long enough
 * run of digits and letters.
 */
public final class LogMasking {
  /** 17 characters without I, O, Q, at least one digit and one letter; alone, not inside a longer token. */
  private static final Pattern VIN = Pattern.compile(
      "(?<![0-9A-Za-z])(?=[A-HJ-NPR-Za-hj-npr-z0-9]{0,16}[0-9])(?=[A-HJ-NPR-Za-hj-npr-z0-9]{0,16}[A-HJ-NPR-Za-hj-npr-z])"
          + "[A-HJ-NPR-Za-hj-npr-z0-9]{17}(?![0-9A-Za-z])");
  /**
   * 7 to 15 digits with optional +country code and separators (space, dot, dash, parentheses), not
   * inside a word or a longer number, not a date or a time.
   */
  private static final Pattern PHONE = Pattern.compile(
      "(?<![\\w.:/-])(?!\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}(?!\\d))(?:\\+\\d{1,3}[\\s.-]?)?(?:\\(\\d{1,4}\\)[\\s.-]?)?\\d(?:[\\s.-]?\\d){6,14}(?![\\w:]|[.-]\\d)");

  private LogMasking() {}

  /** {@code line} with every VIN and phone number masked. */
  public static String mask(String line) {
    if (line == null || line.length() < 7 || !hasDigitRun(line)) {
      return line;
    }
    String out = replace(VIN.matcher(line), LogMasking::maskVin);
    return replace(PHONE.matcher(out), LogMasking::maskPhone);
  }

  private static String replace(Matcher m, java.util.function.UnaryOperator<String> masker) {
    return m.replaceAll(r -> Matcher.quoteReplacement(masker.apply(r.group())));
  }

  static String maskVin(String vin) {
    return vin.substring(0, 3) + "*".repeat(vin.length() - 3);
  }

  static String maskPhone(String phone) {
    int digits = 0;
    for (int i = 0; i < phone.length(); i++) {
      if (Character.isDigit(phone.charAt(i))) {
        digits++;
      }
    }
    StringBuilder sb = new StringBuilder(phone.length());
    int seen = 0;
    for (int i = 0; i < phone.length(); i++) {
      char c = phone.charAt(i);
      if (Character.isDigit(c)) {
        seen++;
        sb.append(seen > digits - 2 ? c : '*');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** True when the line has 7 or more digits in a row, separators aside, or a 17-character token. */
  private static boolean hasDigitRun(String t) {
    int run = 0;
    int token = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      boolean digit = c >= '0' && c <= '9';
      if (digit) {
        run++;
        if (run >= 7) {
          return true;
        }
      } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '+') {
        run = 0;
      }
      token = Character.isLetterOrDigit(c) ? token + 1 : 0;
      if (token >= 17) {
        return true;
      }
    }
    return false;
  }
}
