package com.carmutual.phone.understand;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits what a caller said into clauses (at punctuation and at "and", "but", 也, 但是 …), finds
 * correction markers ("actually", "I meant", 其实, 说错了) and blanks out negated values ("not 2",
 * 不是两点) so the value that stands is read. Never does I/O.
 */
final class Clauses {
  private Clauses() {}

  /** One clause and where it starts in the text. */
  record Clause(String text, int start) {}

  /** A correction marker: the text before it and the text after it. */
  record Marker(String before, String after) {}

  private static final Pattern BOUNDARY =
      Pattern.compile("[,.;!?，。；！？、]+\\s*|\\s+(?=(?:and|but|also|plus|though|although)\\b)|(?=也|但是|不过|而且|然后)");
  private static final Pattern MARKER =
      Pattern.compile(
          "(?i)(?:^|[\\s,.;!?])(?:actually|i mean|i meant|sorry|correction|make that|scratch that|no wait|wait|rather"
              + "|let me correct that|it should be|that should be|should have said|my mistake|my bad|i misspoke|oops)\\b[,.:]?\\s*"
              + "|(?:其实|我是说|我的意思是|应该是|更正一下|更正|改成|纠正一下|说错了|哦不|不对|等一下|搞错了|记错了)[，,。：:\\s]*");
  /** "five, no, four": a bare "no" between two values of a number-like answer. */
  private static final Pattern NO_BETWEEN = Pattern.compile("(?i)[,.;]\\s*no[,.;!]?\\s+(?=\\S)");
  private static final Pattern NEGATED_EN =
      Pattern.compile(
          "(?i)\\b(?:not|wasn't|isn't|was not|is not|n't)\\s+(?:at\\s+|around\\s+|about\\s+|on\\s+|a\\s+)?"
              + "(?:\\d[\\d:.]*|[a-z]+day|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
              + "(?:\\s*(?:am|pm|a\\.m\\.|p\\.m\\.|o'clock))?\\b");
  private static final Pattern NEGATED_ZH = Pattern.compile("不是[^，,。；;！!？?]{1,12}(?=[，,。；;！!？?]|$)");

  static List<Clause> split(String text) {
    List<Clause> out = new ArrayList<>();
    Matcher m = BOUNDARY.matcher(text);
    int from = 0;
    while (m.find()) {
      if (m.start() > from) {
        add(out, text.substring(from, m.start()), from);
      }
      from = m.end();
    }
    if (from < text.length()) {
      add(out, text.substring(from), from);
    }
    return out;
  }

  private static void add(List<Clause> out, String piece, int start) {
    if (!piece.isBlank()) {
      out.add(new Clause(piece.trim(), start));
    }
  }

  /** The last correction marker in {@code text} with something said after it, or null. */
  static Marker lastMarker(String text, boolean bareNo) {
    int start = -1;
    int end = -1;
    Matcher m = MARKER.matcher(text);
    while (m.find()) {
      if (m.end() < text.length()) {
        start = m.start();
        end = m.end();
      }
    }
    if (bareNo) {
      Matcher n = NO_BETWEEN.matcher(text);
      while (n.find()) {
        if (n.start() > start) {
          start = n.start();
          end = n.end();
        }
      }
    }
    if (start < 0) {
      return null;
    }
    String after = text.substring(end).trim();
    return after.isEmpty() ? null : new Marker(text.substring(0, start).trim(), after);
  }

  /** {@code text} without the values the caller said it was not ("around 3, not 2", 不是两点). */
  static String withoutNegatedValues(String text) {
    return NEGATED_ZH.matcher(NEGATED_EN.matcher(text).replaceAll(" ")).replaceAll(" ");
  }

  /** True when the clause negates something (a said-yes pattern in it does not count). */
  static boolean negated(String clause) {
    String t = Lexicon.norm(clause);
    return t.matches(".*\\b(no|not|never|nobody|nothing|none|neither|without|didn't|wasn't|weren't|isn't|aren't|don't|doesn't|haven't|hasn't|won't|can't|couldn't)\\b.*")
        || t.replaceAll("不过|不错|不少|不久|不但|不仅|不管|无论", "").matches(".*(没|不|未|无|别).*");
  }
}
