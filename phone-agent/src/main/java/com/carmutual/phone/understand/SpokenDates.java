package com.carmutual.phone.understand;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves spoken dates in English and Chinese against the call's "today": relative days
 * ("yesterday", "前天", "three days ago"), weekdays ("last Friday", "上周五", "next Monday"), month
 * and day ("June 8th", "七月一号", "6/8") and ISO dates. A month-day without a year is placed in the
 * past or the future as the slot asks. Never does I/O.
 */
final class SpokenDates {
  /** Which way an ambiguous date leans: a loss date is in the past, a start date in the future. */
  enum Direction {
    PAST,
    FUTURE,
    ANY
  }

  /** A date found in an utterance and the characters it covered. */
  record Found(LocalDate date, int start, int end) {}

  private static final Map<String, Integer> ORDINALS = new HashMap<>();
  private static final String MONTHS =
      "january|february|march|april|may|june|july|august|september|october|november|december"
          + "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
  private static final String WEEKDAYS =
      "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thu|fri|sat|sun";
  private static final String ZH_NUM = "[零〇一二两三四五六七八九十0-9]";

  static {
    String[] first = {
      "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
      "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
      "eighteenth", "nineteenth", "twentieth"
    };
    for (int i = 0; i < first.length; i++) {
      ORDINALS.put(first[i], i + 1);
    }
    for (int i = 0; i < 9; i++) {
      ORDINALS.put("twenty " + first[i], 21 + i);
      ORDINALS.put("twenty-" + first[i], 21 + i);
    }
    ORDINALS.put("thirtieth", 30);
    ORDINALS.put("thirty first", 31);
    ORDINALS.put("thirty-first", 31);
  }

  private static final String DAY_EN =
      "(\\d{1,2})(?:st|nd|rd|th)?|((?:twenty[ -]|thirty[ -])?(?:first|second|third|fourth|fifth|sixth"
          + "|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth"
          + "|seventeenth|eighteenth|nineteenth|twentieth|thirtieth))";

  private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b");
  private static final Pattern SLASH = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})(?:/(\\d{2,4}))?\\b");
  private static final Pattern MONTH_DAY =
      Pattern.compile("\\b(" + MONTHS + ")\\.?\\s+(?:the\\s+)?(?:" + DAY_EN + ")\\b(?:,?\\s*(\\d{4}))?");
  private static final Pattern DAY_MONTH =
      Pattern.compile("\\b(?:the\\s+)?(?:" + DAY_EN + ")\\s+(?:of\\s+)?(" + MONTHS + ")\\b(?:,?\\s*(\\d{4}))?");
  private static final Pattern RELATIVE_EN =
      Pattern.compile(
          "\\b(the day before yesterday|day before yesterday|the day after tomorrow|day after tomorrow"
              + "|yesterday|last night|today|this morning|this afternoon|this evening|tonight"
              + "|tomorrow|earlier today)\\b");
  private static final Pattern AGO_EN =
      Pattern.compile("\\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|couple(?: of)?|few|\\d+)\\s+(days?|weeks?)\\s+ago\\b");
  private static final Pattern WEEKDAY_EN =
      Pattern.compile("\\b(?:(last|this|next|this past|past|this coming|coming|on)\\s+)?(" + WEEKDAYS + ")s?\\b");
  private static final Pattern THE_DAY_EN =
      Pattern.compile("\\b(?:on\\s+)?the\\s+(?:" + DAY_EN + ")\\b(?!\\s+(?:of|" + MONTHS + "))");

  private static final Pattern FROM_NOW_EN =
      Pattern.compile("\\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|a couple of|a few|\\d+)\\s+(days?|weeks?|months?)\\s+(?:from|after)\\s+(?:today|now|this week)\\b");
  /** "Monday after next", "the Friday after next": the week after next week. */
  private static final Pattern AFTER_NEXT_EN = Pattern.compile("\\b(?:the\\s+)?(" + WEEKDAYS + ")\\s+after\\s+next\\b");
  private static final Pattern IN_EN =
      Pattern.compile("\\bin\\s+(a|an|one|two|three|four|five|six|seven|eight|nine|ten|a couple of|a few|\\d+)\\s+(days?|weeks?|months?)\\b");
  private static final Pattern NOW_EN =
      Pattern.compile("\\b(right away|immediately|right now|as soon as possible|asap|any time|anytime|straight away)\\b");
  private static final Pattern NEXT_WEEK_EN = Pattern.compile("\\b(next week|next month)\\b");
  private static final Pattern LATER_ZH = Pattern.compile("(" + ZH_NUM + "{1,3}|半)(天|个?星期|周|个月)(后|以后|之后)");
  private static final Pattern MONTH_DAY_ZH_RELATIVE = Pattern.compile("(上个?月|这个?月|本月|下个?月)(" + ZH_NUM + "{1,3})(?:号|日)");
  private static final Pattern NEXT_MONTH_EN =
      Pattern.compile("\\b(?:the )?(first|1st|beginning|start) of (next|this coming|the coming) month\\b");
  private static final Pattern NOW_ZH = Pattern.compile("(马上|立刻|立即|随时|现在就|今天就)");
  private static final Pattern NEXT_WEEK_ZH = Pattern.compile("(下周|下个?星期|下个?礼拜|下个月)(?![一二三四五六日天1-7])");
  private static final Pattern RELATIVE_ZH =
      Pattern.compile("(大前天|前天|昨天|昨日|昨晚|昨儿|今天|今日|今早|今晚|今儿|明天|明早|后天|大后天)");
  private static final Pattern AGO_ZH = Pattern.compile("(" + ZH_NUM + "{1,3})(天|个?星期|周)(前|以前|之前)");
  private static final Pattern WEEKDAY_ZH =
      Pattern.compile("(上上|上个|上|这个|这|本|下个|下)?(周|星期|礼拜)([一二三四五六日天1-7])");
  private static final Pattern DATE_ZH =
      Pattern.compile(
          "(?:(\\d{4}|[零〇一二三四五六七八九]{4})年)?(" + ZH_NUM + "{1,3})月(?:份)?(" + ZH_NUM + "{1,3})(?:日|号)");
  private static final Pattern DAY_ZH = Pattern.compile("(?<![月" + "零〇一二两三四五六七八九十0-9])(" + ZH_NUM + "{1,3})(?:日|号)");

  private SpokenDates() {}

  /** The first date said in {@code text}, resolved against {@code today}, or null. */
  static Found find(String text, LocalDate today, Direction direction) {
    if (text == null) {
      return null;
    }
    String t = text.toLowerCase(Locale.ROOT);
    Matcher m = ISO.matcher(t);
    if (m.find()) {
      LocalDate d = safe(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
      if (d != null) {
        return new Found(d, m.start(), m.end());
      }
    }
    m = DATE_ZH.matcher(t);
    if (m.find()) {
      Integer month = intValue(m.group(2));
      Integer day = intValue(m.group(3));
      Integer year = m.group(1) == null ? null : intValue(m.group(1));
      LocalDate d = monthDay(year, month, day, today, direction);
      if (d != null) {
        return new Found(d, m.start(), m.end());
      }
    }
    m = MONTH_DAY.matcher(t);
    if (m.find()) {
      LocalDate d = monthDay(yearOf(m.group(4)), month(m.group(1)), dayOf(m.group(2), m.group(3)), today, direction);
      if (d != null) {
        return new Found(d, m.start(), m.end());
      }
    }
    m = DAY_MONTH.matcher(t);
    if (m.find()) {
      LocalDate d = monthDay(yearOf(m.group(4)), month(m.group(3)), dayOf(m.group(1), m.group(2)), today, direction);
      if (d != null) {
        return new Found(d, m.start(), m.end());
      }
    }
    m = RELATIVE_ZH.matcher(t);
    if (m.find()) {
      int offset =
          switch (m.group(1)) {
            case "大前天" -> -3;
            case "前天" -> -2;
            case "昨天", "昨日", "昨晚", "昨儿" -> -1;
            case "明天", "明早" -> 1;
            case "后天" -> 2;
            case "大后天" -> 3;
            default -> 0;
          };
      return new Found(today.plusDays(offset), m.start(), m.end());
    }
    m = AGO_ZH.matcher(t);
    if (m.find()) {
      Integer n = intValue(m.group(1));
      if (n != null) {
        int days = m.group(2).equals("天") ? n : n * 7;
        return new Found(today.minusDays(days), m.start(), m.end());
      }
    }
    m = MONTH_DAY_ZH_RELATIVE.matcher(t);
    if (m.find()) {
      Integer day = intValue(m.group(2));
      int months = m.group(1).startsWith("上") ? -1 : m.group(1).startsWith("下") ? 1 : 0;
      LocalDate first = today.plusMonths(months).withDayOfMonth(1);
      LocalDate d = day == null ? null : safe(first.getYear(), first.getMonthValue(), day);
      if (d != null) {
        return new Found(d, m.start(), m.end());
      }
    }
    m = NEXT_MONTH_EN.matcher(t);
    if (m.find()) {
      return new Found(today.plusMonths(1).withDayOfMonth(1), m.start(), m.end());
    }
    m = LATER_ZH.matcher(t);
    if (m.find()) {
      String unit = m.group(2);
      if (m.group(1).equals("半")) {
        LocalDate d = unit.contains("月") ? today.plusDays(15) : unit.equals("天") ? today : today.plusDays(3);
        return new Found(d, m.start(), m.end());
      }
      Integer n = intValue(m.group(1));
      if (n != null) {
        LocalDate d = unit.contains("月") ? today.plusMonths(n) : today.plusDays(unit.equals("天") ? n : n * 7L);
        return new Found(d, m.start(), m.end());
      }
    }
    m = NOW_ZH.matcher(t);
    if (m.find()) {
      return new Found(today, m.start(), m.end());
    }
    m = NEXT_WEEK_ZH.matcher(t);
    if (m.find()) {
      LocalDate d = m.group(1).contains("月") ? today.plusMonths(1).withDayOfMonth(1)
          : today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
      return new Found(d, m.start(), m.end());
    }
    m = WEEKDAY_ZH.matcher(t);
    if (m.find()) {
      DayOfWeek dow = DayOfWeek.of(zhDow(m.group(3)));
      String which = m.group(1) == null ? "" : m.group(1);
      LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      LocalDate d =
          switch (which) {
            case "上", "上个" -> monday.minusWeeks(1).plusDays(dow.getValue() - 1L);
            case "上上" -> monday.minusWeeks(2).plusDays(dow.getValue() - 1L);
            case "下", "下个" -> monday.plusWeeks(1).plusDays(dow.getValue() - 1L);
            case "这", "这个", "本" -> monday.plusDays(dow.getValue() - 1L);
            default -> bareWeekday(today, dow, direction);
          };
      return new Found(d, m.start(), m.end());
    }
    m = DAY_ZH.matcher(t);
    if (m.find()) {
      Integer day = intValue(m.group(1));
      LocalDate d = day == null ? null : monthDay(null, today.getMonthValue(), day, today, Direction.ANY);
      if (d != null) {
        if (direction == Direction.PAST && d.isAfter(today)) {
          d = d.minusMonths(1);
        } else if (direction == Direction.FUTURE && d.isBefore(today)) {
          d = d.plusMonths(1);
        }
        return new Found(d, m.start(), m.end());
      }
    }
    m = FROM_NOW_EN.matcher(t);
    if (m.find()) {
      return ahead(m, today);
    }
    m = RELATIVE_EN.matcher(t);
    if (m.find()) {
      String w = m.group(1);
      int offset =
          w.contains("before yesterday") ? -2
              : w.contains("after tomorrow") ? 2
              : w.equals("yesterday") || w.equals("last night") ? -1
              : w.equals("tomorrow") ? 1
              : 0;
      return new Found(today.plusDays(offset), m.start(), m.end());
    }
    m = AGO_EN.matcher(t);
    if (m.find()) {
      String n = m.group(1);
      int count =
          switch (n) {
            case "a", "an", "one" -> 1;
            case "couple of", "couple" -> 2;
            case "few" -> 3;
            default -> n.chars().allMatch(Character::isDigit) ? Integer.parseInt(n) : SpokenNumbers.EN_UNITS.get(n);
          };
      int days = m.group(2).startsWith("week") ? count * 7 : count;
      return new Found(today.minusDays(days), m.start(), m.end());
    }
    m = AFTER_NEXT_EN.matcher(t);
    if (m.find()) {
      LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      return new Found(monday.plusWeeks(2).plusDays(weekday(m.group(1)).getValue() - 1L), m.start(), m.end());
    }
    m = WEEKDAY_EN.matcher(t);
    while (m.find()) {
      String name = m.group(2);
      if (name.equals("sun") && !t.contains("sunday") || name.equals("sat") && !t.contains("saturday")) {
        // "sun" and "sat" as plain words are too ambiguous unless they were the weekday
        if (m.group(1) == null) {
          continue;
        }
      }
      DayOfWeek dow = weekday(name);
      String which = m.group(1) == null ? "" : m.group(1);
      LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      LocalDate d =
          switch (which) {
            case "last", "this past", "past" -> today.with(TemporalAdjusters.previous(dow));
            case "next" -> monday.plusWeeks(1).plusDays(dow.getValue() - 1L);
            case "this coming", "coming" -> today.with(TemporalAdjusters.next(dow));
            case "this" -> monday.plusDays(dow.getValue() - 1L);
            default -> bareWeekday(today, dow, direction);
          };
      return new Found(d, m.start(), m.end());
    }
    m = IN_EN.matcher(t);
    if (m.find()) {
      return ahead(m, today);
    }
    m = NOW_EN.matcher(t);
    if (m.find()) {
      return new Found(today, m.start(), m.end());
    }
    m = NEXT_WEEK_EN.matcher(t);
    if (m.find()) {
      LocalDate d = m.group(1).endsWith("month") ? today.plusMonths(1).withDayOfMonth(1)
          : today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
      return new Found(d, m.start(), m.end());
    }
    m = SLASH.matcher(t);
    if (m.find()) {
      Integer year = m.group(3) == null ? null : Integer.parseInt(m.group(3));
      if (year != null && year < 100) {
        year += 2000;
      }
      LocalDate d = monthDay(year, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), today, direction);
      if (d != null) {
        return new Found(d, m.start(), m.end());
      }
    }
    m = THE_DAY_EN.matcher(t);
    if (m.find()) {
      Integer day = dayOf(m.group(1), m.group(2));
      LocalDate d = day == null ? null : safe(today.getYear(), today.getMonthValue(), day);
      if (d != null) {
        if (direction == Direction.PAST && d.isAfter(today)) {
          d = d.minusMonths(1);
        } else if (direction == Direction.FUTURE && d.isBefore(today)) {
          d = d.plusMonths(1);
        }
        return new Found(d, m.start(), m.end());
      }
    }
    return null;
  }

  /** "in three days", "two weeks from now": group 1 the count, group 2 the unit. */
  private static Found ahead(Matcher m, LocalDate today) {
    String n = m.group(1);
    int count = switch (n) {
      case "a", "an", "one" -> 1;
      case "a couple of" -> 2;
      case "a few" -> 3;
      default -> n.chars().allMatch(Character::isDigit) ? Integer.parseInt(n) : SpokenNumbers.EN_UNITS.get(n);
    };
    String unit = m.group(2);
    LocalDate d = unit.startsWith("month") ? today.plusMonths(count) : today.plusDays(unit.startsWith("week") ? count * 7L : count);
    return new Found(d, m.start(), m.end());
  }

  private static int zhDow(String c) {
    int i = "一二三四五六".indexOf(c);
    if (i >= 0) {
      return i + 1;
    }
    if (c.equals("日") || c.equals("天")) {
      return 7;
    }
    return Integer.parseInt(c);
  }

  private static LocalDate bareWeekday(LocalDate today, DayOfWeek dow, Direction direction) {
    return direction == Direction.FUTURE
        ? today.with(TemporalAdjusters.next(dow))
        : today.with(TemporalAdjusters.previousOrSame(dow));
  }

  private static DayOfWeek weekday(String name) {
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().toLowerCase(Locale.ROOT).startsWith(name.substring(0, 3))) {
        return d;
      }
    }
    throw new IllegalArgumentException(name);
  }

  private static Integer month(String name) {
    String n = name.substring(0, 3);
    for (Month mo : Month.values()) {
      if (mo.name().toLowerCase(Locale.ROOT).startsWith(n)) {
        return mo.getValue();
      }
    }
    return null;
  }

  private static Integer dayOf(String digits, String ordinal) {
    if (digits != null) {
      return Integer.parseInt(digits);
    }
    return ordinal == null ? null : ORDINALS.get(ordinal.replace('-', ' '));
  }

  private static Integer yearOf(String s) {
    return s == null ? null : Integer.parseInt(s);
  }

  private static Integer intValue(String s) {
    Double v = s.chars().allMatch(Character::isDigit) ? Double.valueOf(s) : SpokenNumbers.chineseValue(s);
    return v == null ? null : v.intValue();
  }

  private static LocalDate monthDay(Integer year, Integer month, Integer day, LocalDate today, Direction direction) {
    if (month == null || day == null) {
      return null;
    }
    if (year != null) {
      return safe(year, month, day);
    }
    LocalDate d = safe(today.getYear(), month, day);
    if (d == null) {
      return null;
    }
    return switch (direction) {
      case PAST -> d.isAfter(today) ? d.minusYears(1) : d;
      case FUTURE -> d.isBefore(today) ? d.plusYears(1) : d;
      case ANY -> {
        LocalDate before = d.minusYears(1);
        LocalDate after = d.plusYears(1);
        LocalDate best = d;
        if (Math.abs(before.toEpochDay() - today.toEpochDay()) < Math.abs(best.toEpochDay() - today.toEpochDay())) {
          best = before;
        }
        if (Math.abs(after.toEpochDay() - today.toEpochDay()) < Math.abs(best.toEpochDay() - today.toEpochDay())) {
          best = after;
        }
        yield best;
      }
    };
  }

  private static LocalDate safe(int year, int month, int day) {
    try {
      return LocalDate.of(year, month, day);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
