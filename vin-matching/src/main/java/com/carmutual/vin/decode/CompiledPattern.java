package com.carmutual.vin.decode;

import com.carmutual.vin.vpic.Element;

/**
 * A vPIC pattern compiled to one 64-bit character mask per VIN position it covers (bit {@code c -
 * '0'} set when character {@code c} is allowed), so a match is a few shifts and no allocation.
 * Positions are VIN indexes: keys 1-5 cover positions 4-8, keys after {@code |} positions 10 on.
 */
final class CompiledPattern {
  static final long ANY = -1L;

  final int schemaId;
  final String keys;
  final Element element;
  final String value;
  final int specificity;
  private final int[] positions;
  private final long[] masks;

  private CompiledPattern(int schemaId, String keys, Element element, String value, int[] positions, long[] masks) {
    this.schemaId = schemaId;
    this.keys = keys;
    this.element = element;
    this.value = value;
    this.positions = positions;
    this.masks = masks;
    this.specificity = positions.length;
  }

  boolean matches(String vin) {
    for (int i = 0; i < positions.length; i++) {
      int c = vin.charAt(positions[i]) - '0';
      if (((masks[i] >>> c) & 1L) == 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Like {@link #matches}, ignoring the VIN indexes set in {@code ignored} (bit i = index i):
   * returns how many of the pattern's constrained positions were checked, or -1 on a mismatch.
   */
  int matchIgnoring(String vin, int ignored) {
    int checked = 0;
    for (int i = 0; i < positions.length; i++) {
      if ((ignored & (1 << positions[i])) != 0) {
        continue;
      }
      int c = vin.charAt(positions[i]) - '0';
      if (((masks[i] >>> c) & 1L) == 0) {
        return -1;
      }
      checked++;
    }
    return checked;
  }

  /** Compiles {@code keys}; returns null for keys that cannot be parsed (skipped, as vPIC would never match them). */
  static CompiledPattern compile(int schemaId, String keys, Element element, String value) {
    int[] positions = new int[17];
    long[] masks = new long[17];
    int n = 0;
    int vinIndex = 3;
    int i = 0;
    while (i < keys.length()) {
      char ch = keys.charAt(i);
      if (ch == '|') {
        vinIndex = 9;
        i++;
        continue;
      }
      if (vinIndex > 16) {
        return null;
      }
      long mask;
      if (ch == '*' || ch == '_' || ch == '?') {
        mask = ANY;
        i++;
      } else if (ch == '[') {
        int end = keys.indexOf(']', i);
        if (end < 0) {
          return null;
        }
        mask = classMask(keys.substring(i + 1, end));
        i = end + 1;
      } else if (ch >= '0' && ch <= 'Z') {
        mask = 1L << (ch - '0');
        i++;
      } else {
        return null;
      }
      if (mask != ANY) {
        positions[n] = vinIndex;
        masks[n] = mask;
        n++;
      }
      vinIndex++;
    }
    return new CompiledPattern(schemaId, keys, element, value,
        java.util.Arrays.copyOf(positions, n), java.util.Arrays.copyOf(masks, n));
  }

  private static long classMask(String body) {
    long mask = 0;
    for (int i = 0; i < body.length(); i++) {
      char a = body.charAt(i);
      if (a == ',' || a == ' ') {
        continue;
      }
      if (i + 2 < body.length() && body.charAt(i + 1) == '-') {
        char b = body.charAt(i + 2);
        for (char c = a; c <= b; c++) {
          if (c >= '0' && c <= 'Z') {
            mask |= 1L << (c - '0');
          }
        }
        i += 2;
      } else if (a >= '0' && a <= 'Z') {
        mask |= 1L << (a - '0');
      }
    }
    return mask;
  }
}
