package com.carmutual.vin.decode;

import java.util.ArrayList;
import java.util.List;

/** Position 10's 30-year cycle: {@code A}=1980/2010 ... {@code Y}=2000/2030, {@code 1}=2001/2031 ... {@code 9}=2009/2039. */
final class ModelYears {
  private static final String LETTERS = "ABCDEFGHJKLMNPRSTVWXY";

  private ModelYears() {}

  /** The first-cycle year of {@code code} (1980-2009), or 0 when the character is no year code. */
  static int firstCycle(char code) {
    int i = LETTERS.indexOf(code);
    if (i >= 0) {
      return 1980 + i;
    }
    if (code >= '1' && code <= '9') {
      return 2000 + (code - '0');
    }
    return 0;
  }

  /** Every year {@code code} can mean, oldest first, none later than {@code latest}. */
  static List<Integer> candidates(char code, int latest) {
    List<Integer> out = new ArrayList<>(2);
    int first = firstCycle(code);
    if (first == 0) {
      return out;
    }
    for (int y = first; y <= latest && y <= first + 30; y += 30) {
      out.add(y);
    }
    return out;
  }
}
