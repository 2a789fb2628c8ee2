package com.carmutual.vin.match;

import java.util.Locale;
import java.util.Map;

/**
 * Name normalisation between vPIC and the catalog. Model names compare by their letters and digits
 * only ({@code F-150} = {@code F150}, {@code CR-V} = {@code CR V}, {@code G-Class} = {@code G
 * CLASS}), then by their letter and digit runs in any order ({@code Silverado HD} + {@code 2500} =
 * {@code SILVERADO 2500HD}); a class letter with a number belongs to that class ({@code C300} is a
 * {@code C CLASS}); a name of several words may be written by its initials ({@code Land Cruiser} =
 * {@code LC}). Makes go through aliases ({@code VW}, {@code CHEVY}, {@code MERCEDES}).
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

  /**
   * A name's words split into letter runs and digit runs, upper case, sorted: names that differ
   * only in the order of their parts ({@code Silverado HD 2500}, {@code SILVERADO 2500HD}) have
   * the same runs.
   */
  static String runs(String name) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    for (String word : name.toUpperCase(Locale.ROOT).split("[^A-Z0-9]+")) {
      int start = 0;
      for (int i = 1; i <= word.length(); i++) {
        if (i == word.length() || Character.isDigit(word.charAt(i)) != Character.isDigit(word.charAt(i - 1))) {
          parts.add(word.substring(start, i));
          start = i;
        }
      }
    }
    java.util.Collections.sort(parts);
    return String.join("|", parts);
  }

  private static final java.util.regex.Pattern CLASS_MEMBER =
      java.util.regex.Pattern.compile("^([A-Z]{1,3})(\\d{2,3})[A-Z]{0,2}$");

  /**
   * The class a lettered model number belongs to ({@code C300} to {@code CCLASS}, {@code GLE350e}
   * to {@code GLECLASS}), or null when the key is not a class letter and a number.
   */
  static String classFamily(String key) {
    java.util.regex.Matcher m = CLASS_MEMBER.matcher(key);
    return m.matches() ? m.group(1) + "CLASS" : null;
  }

  /**
   * The initials of a name of two or more words of letters ({@code Land Cruiser} to {@code LC}),
   * or null: a short name is often written that way.
   */
  static String initials(String name) {
    if (name == null) {
      return null;
    }
    String[] words = name.trim().toUpperCase(Locale.ROOT).split("[\\s-]+");
    if (words.length < 2) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    for (String w : words) {
      if (w.length() < 2 || !w.chars().allMatch(Character::isLetter)) {
        return null;
      }
      b.append(w.charAt(0));
    }
    return b.toString();
  }

  /** The leading letters of a key ({@code LC200} to {@code LC}). */
  static String letterPrefix(String key) {
    int i = 0;
    while (i < key.length() && Character.isLetter(key.charAt(i))) {
      i++;
    }
    return key.substring(0, i);
  }

  /** {@code 2500 (3/4 Ton)} to {@code 2500}: drops parenthesised remarks. */
  static String stripParens(String s) {
    return s == null ? null : s.replaceAll("\\([^)]*\\)", " ").trim();
  }
}
