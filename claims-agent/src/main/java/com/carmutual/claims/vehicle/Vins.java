package com.carmutual.claims.vehicle;

import java.util.Locale;

/**
 * VIN form checks done at intake without calling vin-matching: 17 characters without I, O or Q,
 * and the ISO 3779 / 49 CFR 565 check digit for North American VINs (first character 1-5).
 */
public final class Vins {
  private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

  private Vins() {}

  /** The VIN upper-cased and trimmed. */
  public static String normalise(String vin) {
    return vin == null ? null : vin.trim().toUpperCase(Locale.ROOT);
  }

  /** Why {@code vin} is malformed, or null when its form is fine. */
  public static String formError(String vin) {
    if (vin.length() != 17) {
      return "a VIN has 17 characters, this one has " + vin.length();
    }
    for (int i = 0; i < vin.length(); i++) {
      char c = vin.charAt(i);
      if (c == 'I' || c == 'O' || c == 'Q') {
        return "character " + (i + 1) + " is '" + c + "', which VINs never use";
      }
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return "character " + (i + 1) + " is not a letter or digit";
      }
    }
    return null;
  }

  /** True for VINs of vehicles made for North America, where the check digit is mandatory. */
  public static boolean northAmerican(String vin) {
    char c = vin.charAt(0);
    return c >= '1' && c <= '5';
  }

  /** The check digit (position 9) that {@code vin} should carry: '0'-'9' or 'X'. */
  public static char expectedCheckDigit(String vin) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += value(vin.charAt(i)) * WEIGHTS[i];
    }
    int r = sum % 11;
    return r == 10 ? 'X' : (char) ('0' + r);
  }

  private static int value(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    return switch (c) {
      case 'A', 'J' -> 1;
      case 'B', 'K', 'S' -> 2;
      case 'C', 'L', 'T' -> 3;
      case 'D', 'M', 'U' -> 4;
      case 'E', 'N', 'V' -> 5;
      case 'F', 'W' -> 6;
      case 'G', 'P', 'X' -> 7;
      case 'H', 'Y' -> 8;
      case 'R', 'Z' -> 9;
      default -> 0;
    };
  }
}
