package com.carmutual.phone.eval;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a call's field is judged against its label: free-text fields loosely (the label's key words
 * are there), all others exactly (numbers by value, so 60000 equals 60000.0).
 */
public final class FieldMatch {
  /** Free-text fields, judged loosely. */
  public static final Set<String> FREE_TEXT = Set.of("caller_name", "loss_location", "description", "comment");

  private static final Set<String> STOP = new HashSet<>(Arrays.asList(
      "a", "an", "the", "i", "my", "me", "at", "in", "on", "of", "to", "and", "was", "it", "is", "got", "by", "for", "with"));

  private FieldMatch() {}

  public static boolean matches(String field, Object expected, Object actual) {
    if (expected == null || actual == null) {
      return expected == null && actual == null;
    }
    if (expected instanceof Number e && actual instanceof Number a) {
      return Math.abs(e.doubleValue() - a.doubleValue()) < 1e-9;
    }
    if (FREE_TEXT.contains(field)) {
      return looseText(expected.toString(), actual.toString());
    }
    return expected.toString().equals(actual.toString());
  }

  /** True when most of the expected text's key words (or characters, for Chinese) are in the actual text. */
  static boolean looseText(String expected, String actual) {
    String e = norm(expected);
    String a = norm(actual);
    if (a.isEmpty()) {
      return e.isEmpty();
    }
    if (a.contains(e) || e.contains(a) && a.length() * 2 >= e.length()) {
      return true;
    }
    List<String> keys = keys(e);
    if (keys.isEmpty()) {
      return false;
    }
    long found = keys.stream().filter(a::contains).count();
    return found >= Math.ceil(keys.size() * 0.6);
  }

  private static List<String> keys(String text) {
    if (text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
      String compact = text.replace(" ", "");
      return java.util.stream.IntStream.range(0, Math.max(0, compact.length() - 1))
          .mapToObj(i -> compact.substring(i, i + 2))
          .toList();
    }
    return Arrays.stream(text.split(" ")).filter(w -> !w.isBlank() && !STOP.contains(w)).toList();
  }

  private static String norm(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}，。！？、；：]", " ").replaceAll("\\s+", " ").trim();
  }
}
