package com.carmutual.vin.decode;

/** The 49 CFR 565.15(c) check digit of position 9. */
final class CheckDigit {
  private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};

  private CheckDigit() {}

  /** The check character the other 16 positions call for: {@code 0-9} or {@code X}. */
  static char expected(String vin) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += value(vin.charAt(i)) * WEIGHTS[i];
    }
    int r = sum % 11;
    return r == 10 ? 'X' : (char) ('0' + r);
  }

  static int value(char c) {
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
