package com.carmutual.vin.match;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A member's free-text hint, read deterministically: a model year, engine size and words. */
record Hint(String text, Integer year, Double displacement, Set<String> tokens, String compact) {
  // digits next to Chinese ("2019款", "2.0升") have no \\b between them in Java: look at digits instead
  private static final Pattern YEAR4 = Pattern.compile("(?<![0-9A-Za-z])(19[89]\\d|20[0-3]\\d)(?![0-9A-Za-z])");
  private static final Pattern YEAR2 = Pattern.compile("^\\s*'?(\\d{2})(?![0-9.A-Za-z])");
  private static final Pattern DISPLACEMENT = Pattern.compile("(?<![0-9.])(\\d\\.\\d)\\s*(l|t|升)?(?![0-9])");

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
    CHINESE.forEach((word, token) -> {
      if (raw != null && raw.contains(word)) {
        tokens.add(token);
      }
    });
    return new Hint(text, year, displacement, tokens, Names.key(rest));
  }

  /**
   * Chinese words members use for what the catalog writes in English (fuel, drive, body); model
   * and trim names are typed in Latin letters either way.
   */
  private static final java.util.Map<String, String> CHINESE = java.util.Map.ofEntries(
      java.util.Map.entry("插电", "PHEV"),
      java.util.Map.entry("插混", "PHEV"),
      java.util.Map.entry("混动", "HYBRID"),
      java.util.Map.entry("混合动力", "HYBRID"),
      java.util.Map.entry("油电", "HYBRID"),
      java.util.Map.entry("柴油", "DIESEL"),
      java.util.Map.entry("纯电", "ELECTRIC"),
      java.util.Map.entry("电动", "ELECTRIC"),
      java.util.Map.entry("四驱", "4WD"),
      java.util.Map.entry("全驱", "AWD"),
      java.util.Map.entry("轿车", "SEDAN"),
      java.util.Map.entry("三厢", "SEDAN"),
      java.util.Map.entry("两厢", "HATCHBACK"),
      java.util.Map.entry("敞篷", "CONVERTIBLE"),
      java.util.Map.entry("双门", "COUPE"));

  boolean has(String token) {
    return tokens.contains(token);
  }

  boolean isEmpty() {
    return text.isBlank();
  }
}
