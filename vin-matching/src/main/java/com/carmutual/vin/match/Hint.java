package com.carmutual.vin.match;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A member's free-text hint, read deterministically: a model year, engine size and words. */
record Hint(String text, Integer year, Double displacement, Set<String> tokens, String compact) {
  private static final Pattern YEAR4 = Pattern.compile("\\b(19[89]\\d|20[0-3]\\d)\\b");
  private static final Pattern YEAR2 = Pattern.compile("^\\s*'?(\\d{2})\\b(?![.])");
  private static final Pattern DISPLACEMENT = Pattern.compile("\\b(\\d\\.\\d)\\s*(l|t)?\\b");

  static Hint parse(String raw) {
    String text = raw == null ? "" : raw.toLowerCase(Locale.ROOT).trim();
    Integer year = null;
    Matcher m = YEAR4.matcher(text);
    String rest = text;
    if (m.find()) {
      year = Integer.parseInt(m.group(1));
      rest = text.substring(0, m.start()) + " " + text.substring(m.end());
    } else {
      Matcher m2 = YEAR2.matcher(text);
      if (m2.find()) {
        int yy = Integer.parseInt(m2.group(1));
        year = yy <= 39 ? 2000 + yy : 1900 + yy;
        rest = text.substring(m2.end());
      }
    }
    Double displacement = null;
    Matcher d = DISPLACEMENT.matcher(rest);
    if (d.find()) {
      displacement = Double.parseDouble(d.group(1));
    }
    Set<String> tokens = new LinkedHashSet<>();
    for (String t : rest.toUpperCase(Locale.ROOT).split("[^A-Z0-9.]+")) {
      if (!t.isBlank()) {
        tokens.add(t);
      }
    }
    return new Hint(text, year, displacement, tokens, Names.key(rest));
  }

  boolean has(String token) {
    return tokens.contains(token);
  }

  boolean isEmpty() {
    return text.isBlank();
  }
}
