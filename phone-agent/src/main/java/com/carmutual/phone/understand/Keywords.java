package com.carmutual.phone.understand;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a caller names a slot by one of its key words ("the time", "my name", 车牌): English key
 * words match at the start of a word ("injur" in "injured"), Chinese ones anywhere. Never does I/O.
 */
final class Keywords {
  private Keywords() {}

  /** One place where a slot is named. */
  record Mention(SlotSpec slot, int start, int end) {}

  static boolean names(SlotSpec s, String text) {
    String t = Lexicon.norm(text);
    for (String k : s.keywordsOrEmpty()) {
      if (matcher(k, t).find()) {
        return true;
      }
    }
    return false;
  }

  /** Every slot named in {@code text}, in order; where key words overlap the longest wins. */
  static List<Mention> mentions(List<SlotSpec> slots, String text) {
    String t = text.toLowerCase(Locale.ROOT).replace('’', '\'');
    List<Mention> all = new ArrayList<>();
    for (SlotSpec s : slots) {
      for (String k : s.keywordsOrEmpty()) {
        Matcher m = matcher(k, t);
        while (m.find()) {
          all.add(new Mention(s, m.start(), m.end()));
        }
      }
    }
    all.sort(Comparator.comparingInt(Mention::start).thenComparing(Comparator.comparingInt((Mention m) -> m.end() - m.start()).reversed()));
    List<Mention> out = new ArrayList<>();
    int covered = -1;
    for (Mention m : all) {
      if (m.start() >= covered) {
        out.add(m);
        covered = m.end();
      }
    }
    return out;
  }

  /** {@code text} without the slot's key words and the copula after them ("the time was" → ""). */
  static String strip(SlotSpec s, String text) {
    String out = text;
    for (String k : s.keywordsOrEmpty()) {
      out = out.replaceAll("(?i)(?:the |my |our )?" + (Lexicon.isChinese(k) ? "" : "\\b") + Pattern.quote(k)
          + "\\w*(?:\\s+(?:is|was|should be|has to be|must be|would be)\\b|是|应该是|为)?", " ");
    }
    return out.replaceAll("\\s+", " ").trim();
  }

  private static Matcher matcher(String keyword, String text) {
    String k = keyword.toLowerCase(Locale.ROOT);
    return Pattern.compile(Lexicon.isChinese(k) ? Pattern.quote(k) : "\\b" + Pattern.quote(k)).matcher(text);
  }
}
