package com.carmutual.text2data.parse;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/** Text clean-up shared by the grammar and the lexicon. */
final class Text {
  private Text() {}

  /** NFKC (full-width to ASCII), invisible and direction-control characters removed, lower case. */
  static String normalize(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC);
    StringBuilder sb = new StringBuilder(n.length());
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (invisible(c)) {
        continue;
      }
      sb.append(Character.isWhitespace(c) ? ' ' : c);
    }
    return sb.toString().toLowerCase(Locale.ROOT).replaceAll(" +", " ").strip();
  }

  static boolean invisible(char c) {
    return (c >= '\u200B' && c <= '\u200F') || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2060' && c <= '\u206F')
        || c == '\uFEFF' || c == '\u00AD';
  }

  static boolean hasCjk(String s) {
    return s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
  }

  static boolean wordChar(char c) {
    return Character.isLetterOrDigit(c) && !isCjk(c);
  }

  static boolean isCjk(char c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }

  /** The English number words the parser's patterns read, one table for all of them. */
  static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
      Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
      Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
      Map.entry("fifteen", 15), Map.entry("twenty", 20), Map.entry("thirty", 30), Map.entry("fifty", 50), Map.entry("sixty", 60),
      Map.entry("ninety", 90), Map.entry("hundred", 100));

  /** A number in digits, Chinese numerals or an English number word of {@link #NUMBER_WORDS}, or -1. */
  static int cardinal(String s) {
    Integer w = s == null ? null : NUMBER_WORDS.get(s);
    return w != null ? w : number(s);
  }

  /** A number written in digits or Chinese numerals (up to 9999), or -1. */
  static int number(String s) {
    if (s == null || s.isEmpty()) {
      return -1;
    }
    if (s.chars().allMatch(Character::isDigit)) {
      return s.length() > 6 ? -1 : Integer.parseInt(s);
    }
    String digits = "零一二三四五六七八九";
    int total = 0;
    int section = 0;
    int current = 0;
    for (char c : s.toCharArray()) {
      int d = digits.indexOf(c);
      if (c == '两') {
        d = 2;
      }
      if (d >= 0) {
        current = d;
      } else if (c == '十') {
        section += (current == 0 ? 1 : current) * 10;
        current = 0;
      } else if (c == '百') {
        section += current * 100;
        current = 0;
      } else if (c == '千') {
        section += current * 1000;
        current = 0;
      } else {
        return -1;
      }
    }
    total += section + current;
    return total;
  }
}
