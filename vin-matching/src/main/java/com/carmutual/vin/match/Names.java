package com.carmutual.vin.match;

import java.util.Locale;
import java.util.Map;

/**
 * Name normalisation between vPIC and the catalog. Model names compare by their letters and digits
 * only ({@code F-150} = {@code F150}, {@code CR-V} = {@code CR V}, {@code G-Class} = {@code G
 * CLASS}); makes go through aliases ({@code VW}, {@code CHEVY}, {@code MERCEDES}).
 */
final class Names {
  private static final Map<String, String> MAKE_ALIASES = Map.ofEntries(
      Map.entry("VW", "VOLKSWAGEN"),
      Map.entry("CHEVY", "CHEVROLET"),
      Map.entry("MERCEDES", "MERCEDES-BENZ"),
      Map.entry("MERCEDES BENZ", "MERCEDES-BENZ"),
      Map.entry("BENZ", "MERCEDES-BENZ"),
      Map.entry("MB", "MERCEDES-BENZ"),
      Map.entry("ASTON", "ASTON MARTIN"),
      Map.entry("LANDROVER", "LAND ROVER"),
      Map.entry("ALFA", "ALFA ROMEO"));

  /** US-market names of the same car (the Mk1 and Mk5 Golf were sold as the Rabbit). */
  static final Map<String, String> MODEL_ALIASES = Map.of("RABBIT", "GOLF");

  private Names() {}

  /** The canonical upper-case make: aliases resolved. */
  static String make(String make) {
    if (make == null) {
      return null;
    }
    String m = make.trim().toUpperCase(Locale.ROOT);
    return MAKE_ALIASES.getOrDefault(m, m);
  }

  /** Letters and digits only, upper case: the key model names are compared by. */
  static String key(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = Character.toUpperCase(s.charAt(i));
      if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** {@code 2500 (3/4 Ton)} to {@code 2500}: drops parenthesised remarks. */
  static String stripParens(String s) {
    return s == null ? null : s.replaceAll("\\([^)]*\\)", " ").trim();
  }
}
