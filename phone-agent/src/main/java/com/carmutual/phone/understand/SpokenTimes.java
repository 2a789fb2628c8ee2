package com.carmutual.phone.understand;

import java.time.LocalTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a time of day in English or Chinese: "5 pm", "6:20 am", "around 9 in the morning",
 * "evening around 7", "half past five", "noon", "晚上九点", "下午三点半", "中午十二点". Parts of the day
 * said anywhere in the utterance decide between morning and evening. Never does I/O.
 */
final class SpokenTimes {
  /** A time found in an utterance and the characters it covered (period words included). */
  record Found(LocalTime time, int start, int end) {}

  private static final String HOUR_WORD =
      "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";
  private static final String MINUTE_WORD =
      "oh five|oh one|oh two|oh three|oh four|oh six|oh seven|oh eight|oh nine|fifteen|thirty|forty[ -]five|forty|fifty|twenty|ten|"
          + "twenty[ -]five|thirty[ -]five|fifty[ -]five|forty[ -]five";
  private static final String AMPM = "(a\\.?\\s?m\\.?|p\\.?\\s?m\\.?)";
  private static final Pattern PERIOD_EN =
      Pattern.compile(
          "\\b(in the morning|this morning|morning|in the afternoon|this afternoon|afternoon|in the evening|this evening"
              + "|evening|at night|last night|tonight|night)\\b");
  private static final Pattern CLOCK =
      Pattern.compile("\\b(\\d{1,2})[:.](\\d{2})\\s*" + AMPM + "?");
  private static final Pattern HOUR_AMPM =
      Pattern.compile("\\b(\\d{1,2}|" + HOUR_WORD + ")(?:\\s+(" + MINUTE_WORD + "))?\\s*(?:o'?\\s?clock\\s*)?" + AMPM + "(?![a-z])");
  private static final Pattern PAST_TO =
      Pattern.compile("\\b(half past|quarter past|quarter after|quarter to|quarter till|(?:\\d{1,2}|ten|twenty|five) (?:minutes )?(?:past|after|to|till))\\s+(\\d{1,2}|" + HOUR_WORD + ")\\b");
  private static final Pattern OCLOCK =
      Pattern.compile("\\b(\\d{1,2}|" + HOUR_WORD + ")\\s*o'?\\s?clock\\b");
  private static final Pattern AROUND =
      Pattern.compile("\\b(?:around|about|at|by|approximately|roughly|just after|just before|before|after)\\s+(\\d{1,2}|" + HOUR_WORD + ")(?:\\s+(" + MINUTE_WORD + "|\\d{2}))?\\b(?!\\s*(?:days?|weeks?|years?|miles?|cars?|people|of|th|st|nd|rd))");
  private static final Pattern BARE =
      Pattern.compile("^\\s*(?:(?:it was|it's|maybe|probably|i think|i'd say|like|roughly|approximately|around|about|at|um|uh)[,\\s]+)*"
          + "(\\d{1,2}|" + HOUR_WORD + ")(?:\\s+(" + MINUTE_WORD + "|\\d{2}))?\\s*(?:or so|ish)?\\s*[.!?]*\\s*$");
  private static final Pattern NOON = Pattern.compile("\\b(noon|midday|midnight)\\b");

  private static final String ZH_NUM = "[零〇一二两三四五六七八九十0-9]";
  private static final Pattern PERIOD_ZH =
      Pattern.compile("(凌晨|清晨|早上|早晨|上午|今早|明早|中午|下午|傍晚|晚上|今晚|昨晚|夜里|夜间|半夜|晚)");
  private static final Pattern ZH_TIME =
      Pattern.compile("(" + ZH_NUM + "{1,3})(?:点|點|时)(钟)?(半|一刻|三刻|(" + ZH_NUM + "{1,3})分?)?");

  private static final Pattern PERIOD_ANY = Pattern.compile(
      "(?i)\\b(in the morning|in the afternoon|in the evening|at night|morning|afternoon|evening|night|tonight)\\b"
          + "|(凌晨|清晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜里|半夜)");

  private SpokenTimes() {}

  /** The part of the day said in {@code text} ("in the evening", 晚上), or null. */
  static String period(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = PERIOD_ANY.matcher(text);
    return m.find() ? m.group() : null;
  }

  /**
   * The first time of day in {@code text}, or null. {@code bareNumberIsTime} lets a lone number
   * ("five", "7") count, which is right only when the question asked for a time.
   */
  static Found find(String text, boolean bareNumberIsTime) {
    if (text == null) {
      return null;
    }
    String t = text.toLowerCase(Locale.ROOT);
    Found zh = chinese(text);
    if (zh != null) {
      return zh;
    }
    Matcher period = PERIOD_EN.matcher(t);
    String periodWord = period.find() ? period.group(1) : null;
    int hour = -1;
    int minute = 0;
    int start = -1;
    int end = -1;
    String ampm = null;
    Matcher m;
    if ((m = CLOCK.matcher(t)).find()) {
      hour = Integer.parseInt(m.group(1));
      minute = Integer.parseInt(m.group(2));
      ampm = m.group(3);
      start = m.start();
      end = m.end();
    } else if ((m = HOUR_AMPM.matcher(t)).find()) {
      hour = number(m.group(1));
      minute = m.group(2) == null ? 0 : minuteWord(m.group(2));
      ampm = m.group(3);
      start = m.start();
      end = m.end();
    } else if ((m = PAST_TO.matcher(t)).find()) {
      hour = number(m.group(2));
      String rel = m.group(1);
      int offset =
          rel.startsWith("half") ? 30
              : rel.startsWith("quarter past") || rel.startsWith("quarter after") ? 15
              : rel.startsWith("quarter to") || rel.startsWith("quarter till") ? -15
              : (rel.contains(" to") || rel.contains(" till") ? -1 : 1) * number(rel.split(" ")[0]);
      if (offset < 0) {
        hour = hour - 1;
        minute = 60 + offset;
      } else {
        minute = offset;
      }
      start = m.start();
      end = m.end();
    } else if ((m = OCLOCK.matcher(t)).find()) {
      hour = number(m.group(1));
      start = m.start();
      end = m.end();
    } else if ((m = NOON.matcher(t)).find()) {
      hour = m.group(1).equals("midnight") ? 0 : 12;
      start = m.start();
      end = m.end();
      periodWord = null;
    } else if ((m = AROUND.matcher(t)).find()) {
      hour = number(m.group(1));
      minute = m.group(2) == null ? 0 : minuteOrDigits(m.group(2));
      start = m.start();
      end = m.end();
    } else if (bareNumberIsTime && (m = BARE.matcher(PERIOD_EN.matcher(t).replaceAll(" "))).find()) {
      hour = number(m.group(1));
      minute = m.group(2) == null ? 0 : minuteOrDigits(m.group(2));
      start = m.start();
      end = m.end();
    }
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
      return null;
    }
    if (ampm != null) {
      boolean pm = ampm.startsWith("p");
      hour = hour % 12 + (pm ? 12 : 0);
    } else if (periodWord != null && hour <= 12) {
      boolean evening =
          periodWord.contains("afternoon") || periodWord.contains("evening") || periodWord.contains("night");
      if (evening && hour < 12) {
        hour += (periodWord.contains("night") && hour < 5) ? 0 : 12;
      } else if (!evening && hour == 12) {
        hour = 0;
      }
    } else if (ampm == null && periodWord == null && hour >= 1 && hour <= 6) {
      hour += 12; // "around 5" with no part of the day: an afternoon is far likelier than before dawn
    }
    if (periodWord != null) {
      start = Math.min(start, period.start());
      end = Math.max(end, period.end());
    }
    return new Found(LocalTime.of(hour, minute), start, end);
  }

  private static Found chinese(String text) {
    Matcher m = ZH_TIME.matcher(text);
    Matcher p = PERIOD_ZH.matcher(text);
    String period = p.find() ? p.group(1) : null;
    if (!m.find()) {
      return null; // 中午 alone is a part of the day, like "lunchtime", not a time
    }
    Double h = value(m.group(1));
    if (h == null || h > 24) {
      return null;
    }
    int hour = h.intValue();
    int minute = 0;
    String tail = m.group(3);
    if (tail != null) {
      if (tail.equals("半")) {
        minute = 30;
      } else if (tail.equals("一刻")) {
        minute = 15;
      } else if (tail.equals("三刻")) {
        minute = 45;
      } else if (m.group(4) != null) {
        Double mm = value(m.group(4));
        minute = mm == null ? 0 : mm.intValue();
      }
    }
    if (period != null) {
      switch (period) {
        case "下午", "傍晚", "晚上", "今晚", "昨晚", "夜里", "夜间", "晚" -> {
          if (hour < 12 && !(hour <= 4 && (period.equals("夜里") || period.equals("夜间")))) {
            hour += 12;
          } else if (hour == 12) {
            hour = period.equals("下午") ? 12 : 0;
          }
        }
        case "中午" -> {
          if (hour < 5) {
            hour += 12;
          }
        }
        case "半夜", "凌晨" -> {
          if (hour == 12) {
            hour = 0;
          }
        }
        default -> {
          if (hour == 12) {
            hour = 12;
          }
        }
      }
    }
    if (hour == 24) {
      hour = 0;
    }
    if (hour > 23 || minute > 59) {
      return null;
    }
    int start = period != null ? Math.min(p.start(), m.start()) : m.start();
    int end = Math.max(m.end(), period != null ? p.end() : 0);
    return new Found(LocalTime.of(hour, minute), start, end);
  }

  private static Double value(String s) {
    return s.chars().allMatch(Character::isDigit) ? Double.valueOf(s) : SpokenNumbers.chineseValue(s);
  }

  private static int number(String word) {
    if (word.chars().allMatch(Character::isDigit)) {
      return Integer.parseInt(word);
    }
    Integer v = SpokenNumbers.EN_UNITS.get(word);
    if (v == null) {
      v = SpokenNumbers.EN_TENS.get(word);
    }
    return v == null ? -1 : v;
  }

  private static int minuteWord(String words) {
    String w = words.replace('-', ' ');
    if (w.startsWith("oh ")) {
      return number(w.substring(3));
    }
    int total = 0;
    for (String part : w.split(" ")) {
      int n = number(part);
      if (n < 0) {
        return -1;
      }
      total += n;
    }
    return total;
  }

  private static int minuteOrDigits(String s) {
    return s.chars().allMatch(Character::isDigit) ? Integer.parseInt(s) : minuteWord(s);
  }
}
