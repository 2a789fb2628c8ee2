package com.carmutual.text2data.parse;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Periods in English and Chinese questions, resolved against the asking date ({@code asOf}). All
 * ranges are [start, end) with end exclusive. Conventions (from the semantic model): "last week" /
 * 上周 is the previous ISO week (Mon..Sun); "last 7 days" / 最近一周 is rolling, today excluded;
 * "this year" / 今年 / a running year is year-to-date; a bare month name is the most recent such
 * month not in the future.
 */
public final class DateGrammar {

  /** One period found in the text, with the character span it came from. */
  public record Period(LocalDate start, LocalDate end, String expr, String unit, int from, int to) {
    boolean overlaps(int f, int t) {
      return f < to && t > from;
    }
  }

  private static final String NUM = "([0-9]+|[零一二两三四五六七八九十百]+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|thirty|ninety)";
  private static final String MONTHS =
      "(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";
  private static final String CN_MONTH = "([0-9]{1,2}|十[一二]?|[一二三四五六七八九])";

  private record Rule(Pattern pattern, BiFunction<Matcher, LocalDate, Period> resolve) {}

  private final List<Rule> rules = new ArrayList<>();

  public DateGrammar() {
    // rolling windows
    rule("(?:in |over |during |for |within )?(?:the )?(?:last|past|previous|recent|trailing|prior) " + NUM + " (day|week|month|quarter|year)s?\\b",
        (m, a) -> rolling(num(m.group(1)), m.group(2), a, m));
    rule("(?:最近|近|过去|前)" + NUM + "(?:个)?(天|日|周|星期|个月|月|个季度|季度|年)", (m, a) -> rolling(num(m.group(1)), zhUnit(m.group(2)), a, m));
    rule("(?:最近|近|过去)(?:的)?(?:一)?(周|星期|个月|月|年)", (m, a) -> rolling(1, zhUnit(m.group(1)), a, m));
    rule("\\b(?:in |over |during )?(?:the )?past (day|week|month|year)\\b", (m, a) -> rolling(1, m.group(1), a, m));
    // future periods are outside the data
    rule("\\b(?:next (?:week|month|quarter|year)|tomorrow|forecast|predict(?:ion)?)\\b|下个?月|下周|下星期|下个?季度|明年|明天|预测|预计",
        (m, a) -> new Period(a, a.plusDays(1), "future", "future", m.start(), m.end()));
    // named relative periods
    rule("\\byesterday\\b|昨天|昨日", (m, a) -> p(a.minusDays(1), a, "yesterday", "day", m));
    rule("\\btoday\\b|今天|今日", (m, a) -> p(a, a.plusDays(1), "as_of", "now", m));
    rule("\\b(?:last|previous|prior) week\\b|上周|上星期|上个星期|上一周", (m, a) -> {
      LocalDate monday = a.with(DayOfWeek.MONDAY).minusWeeks(1);
      return p(monday, monday.plusWeeks(1), "last_week", "week", m);
    });
    // the week (Monday to Sunday) around a date: "the week of May 5, 2025", "week of 2025-05-05", 2025年5月5日那周
    rule("\\b(?:the )?week (?:of|starting|beginning) " + MONTHS + " ([0-9]{1,2})(?:st|nd|rd|th)?(?:,? (20[0-9]{2}))?\\b", (m, a) -> weekOf(
        m.group(3) != null ? LocalDate.of(yearOf(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)))
            : recentMonth(month(m.group(1)), a).withDayOfMonth(Integer.parseInt(m.group(2))), a, m));
    rule("\\b(?:the )?week (?:of|starting|beginning) (20[0-9]{2}-[0-9]{2}-[0-9]{2})\\b", (m, a) -> weekOf(LocalDate.parse(m.group(1)), a, m));
    rule("(?:(20[0-9]{2})年)?" + CN_MONTH + "月([0-9]{1,2})[日号](?:那|这|所在的?)(?:一)?(?:周|星期)", (m, a) -> weekOf(
        m.group(1) != null ? LocalDate.of(yearOf(m.group(1)), cnMonth(m.group(2)), Integer.parseInt(m.group(3)))
            : recentMonth(cnMonth(m.group(2)), a).withDayOfMonth(Integer.parseInt(m.group(3))), a, m));
    rule("\\b(?:this|current) week\\b|\\bweek to date\\b|本周|这周|这个星期|本星期", (m, a) -> toDate(a.with(DayOfWeek.MONDAY), a, "this_week", m));
    rule("\\b(?:last|previous|prior) month\\b|上个月|上月|上一个月", (m, a) -> {
      LocalDate first = a.withDayOfMonth(1).minusMonths(1);
      return p(first, first.plusMonths(1), "last_month", "month", m);
    });
    rule("\\b(?:this|current) month\\b|\\bmonth to date\\b|\\bmtd\\b|本月|这个月|当月|这月", (m, a) -> toDate(a.withDayOfMonth(1), a, "this_month_to_date", m));
    rule("\\b(?:last|previous|prior) quarter\\b|上季度|上个季度|上一季度|上一个季度", (m, a) -> {
      LocalDate q = quarterStart(a).minusMonths(3);
      return p(q, q.plusMonths(3), "last_quarter", "quarter", m);
    });
    rule("\\b(?:this|current) quarter\\b|\\bquarter to date\\b|\\bqtd\\b|本季度|这个季度|当季|本季", (m, a) -> toDate(quarterStart(a), a, "this_quarter_to_date", m));
    // a quarter or month qualified by a relative year: 今年一季度, 去年3月, Q2 of last year, March this year
    rule("(今年|去年|前年|本年)(?:的)?(?:第)?([1-4一二三四])季度", (m, a) -> quarter(relativeYear(m.group(1), a), cnMonth(m.group(2)), a, m));
    rule("(今年|去年|前年|本年)(?:的)?" + CN_MONTH + "月份?(?![0-9])", (m, a) -> month(relativeYear(m.group(1), a), cnMonth(m.group(2)), a, m));
    rule("\\b(?:q([1-4])|(first|second|third|fourth|1st|2nd|3rd|4th) quarter) (?:of )?(this|last|previous) year\\b", (m, a) -> quarter(
        m.group(3).equals("this") ? a.getYear() : a.getYear() - 1, m.group(1) != null ? Integer.parseInt(m.group(1)) : ordinal(m.group(2)), a, m));
    rule("\\b" + MONTHS + " (?:of )?(this|last|previous) year\\b", (m, a) -> month(m.group(2).equals("this") ? a.getYear() : a.getYear() - 1, month(m.group(1)), a, m));
    rule("\\b(?:last|previous|prior) year\\b|去年", (m, a) -> year(a.getYear() - 1, a, m));
    rule("前年", (m, a) -> year(a.getYear() - 2, a, m));
    rule("\\b(?:this|current) year\\b|\\byear to date\\b|\\bytd\\b|\\bso far this year\\b|今年以来|今年|本年度|本年|年初至今|年初以来",
        (m, a) -> toDate(a.withDayOfYear(1), a, "this_year_to_date", m));
    rule("\\b(?:right now|currently|at the moment|as of (?:today|now)|at present|now|current)\\b|目前|当前|现在|截至目前|截止目前|截至今天|现有",
        (m, a) -> p(a, a.plusDays(1), "as_of", "now", m));
    // since
    rule("\\bsince (?:the )?(?:start|beginning) of " + MONTHS + " (20[0-9]{2})\\b", (m, a) -> since(LocalDate.of(yearOf(m.group(2)), month(m.group(1)), 1), a, m));
    rule("\\bsince (?:the )?(?:start|beginning) of (20[0-9]{2})\\b|\\bsince (20[0-9]{2})\\b(?!-)",
        (m, a) -> since(LocalDate.of(yearOf(m.group(1) != null ? m.group(1) : m.group(2)), 1, 1), a, m));
    rule("\\bsince " + MONTHS + " (20[0-9]{2})\\b", (m, a) -> since(LocalDate.of(yearOf(m.group(2)), month(m.group(1)), 1), a, m));
    rule("\\bsince (20[0-9]{2}-[0-9]{2}-[0-9]{2})\\b", (m, a) -> since(LocalDate.parse(m.group(1)), a, m));
    rule("(?:自|从)?(20[0-9]{2})年(?:初)?(?:以来|至今|开始|起)", (m, a) -> since(LocalDate.of(yearOf(m.group(1)), 1, 1), a, m));
    rule("(?:自|从)(20[0-9]{2})年" + CN_MONTH + "月(?:以来|至今|开始|起)", (m, a) -> since(LocalDate.of(yearOf(m.group(1)), cnMonth(m.group(2)), 1), a, m));
    // explicit ranges
    rule("\\b(?:from |between )?(20[0-9]{2}-[0-9]{2}-[0-9]{2}) ?(?:to|and|through|until|-|~|至|到) ?(20[0-9]{2}-[0-9]{2}-[0-9]{2})",
        (m, a) -> p(LocalDate.parse(m.group(1)), LocalDate.parse(m.group(2)).plusDays(1), "range", "day", m));
    rule("(20[0-9]{2})年" + CN_MONTH + "月?(?:到|至|-|~|—)" + CN_MONTH + "月(?:份)?", (m, a) -> {
      int y = yearOf(m.group(1));
      LocalDate s = LocalDate.of(y, cnMonth(m.group(2)), 1);
      LocalDate e = LocalDate.of(y, cnMonth(m.group(3)), 1).plusMonths(1);
      return p(s, cap(e, a), "months", "month", m);
    });
    rule("\\b(?:from |between )" + MONTHS + "(?: (20[0-9]{2}))? (?:to|and|through|until) " + MONTHS + "(?: (20[0-9]{2}))?\\b", (m, a) -> {
      int y2 = m.group(4) != null ? yearOf(m.group(4)) : m.group(2) != null ? yearOf(m.group(2)) : recentMonth(month(m.group(3)), a).getYear();
      int y1 = m.group(2) != null ? yearOf(m.group(2)) : (month(m.group(1)) <= month(m.group(3)) ? y2 : y2 - 1);
      LocalDate s = LocalDate.of(y1, month(m.group(1)), 1);
      LocalDate e = LocalDate.of(y2, month(m.group(3)), 1).plusMonths(1);
      return p(s, cap(e, a), "months", "month", m);
    });
    // quarters and halves
    rule("\\b(?:q([1-4])|(first|second|third|fourth|1st|2nd|3rd|4th) quarter)(?: of)?(?: (20[0-9]{2}))?\\b", (m, a) -> {
      int q = m.group(1) != null ? Integer.parseInt(m.group(1)) : ordinal(m.group(2));
      return quarter(m.group(3) == null ? -1 : yearOf(m.group(3)), q, a, m);
    });
    rule("\\b(20[0-9]{2}) ?q([1-4])\\b", (m, a) -> quarter(yearOf(m.group(1)), Integer.parseInt(m.group(2)), a, m));
    rule("(?:(20[0-9]{2})年)?(?:第)?([1-4一二三四])季度", (m, a) -> quarter(m.group(1) == null ? -1 : yearOf(m.group(1)), cnMonth(m.group(2)), a, m));
    rule("(20[0-9]{2})年?q([1-4])", (m, a) -> quarter(yearOf(m.group(1)), Integer.parseInt(m.group(2)), a, m));
    rule("\\b(?:h([12])|(first|second) half)(?: of)?(?: (?:the year )?(20[0-9]{2}))?\\b", (m, a) -> {
      int h = m.group(1) != null ? Integer.parseInt(m.group(1)) : m.group(2).equals("first") ? 1 : 2;
      return half(m.group(3) == null ? -1 : yearOf(m.group(3)), h, a, m);
    });
    rule("(?:(20[0-9]{2})年|(今年|去年))?(上|下)半年", (m, a) -> {
      int y = m.group(1) != null ? yearOf(m.group(1)) : m.group(2) == null ? -1 : m.group(2).equals("今年") ? a.getYear() : a.getYear() - 1;
      return half(y, m.group(3).equals("上") ? 1 : 2, a, m);
    });
    // months
    rule("(20[0-9]{2})年" + CN_MONTH + "月(?:份)?", (m, a) -> month(yearOf(m.group(1)), cnMonth(m.group(2)), a, m));
    rule("(?<![0-9个])" + CN_MONTH + "月份?(?![0-9])", (m, a) -> {
      LocalDate s = recentMonth(cnMonth(m.group(1)), a);
      return month(s.getYear(), s.getMonthValue(), a, m);
    });
    rule("\\b" + MONTHS + ",? (20[0-9]{2})\\b", (m, a) -> month(yearOf(m.group(2)), month(m.group(1)), a, m));
    rule("\\b(?:in|during|for|of|since) " + MONTHS + "\\b", (m, a) -> {
      LocalDate s = recentMonth(month(m.group(1)), a);
      Period per = month(s.getYear(), s.getMonthValue(), a, m);
      return m.group(0).startsWith("since") ? since(s, a, m) : per;
    });
    // years
    rule("(?<![0-9])(20[0-9]{2})(?:年|年度)?(?![0-9-])", (m, a) -> year(yearOf(m.group(1)), a, m));
  }

  private void rule(String regex, BiFunction<Matcher, LocalDate, Period> resolve) {
    rules.add(new Rule(Pattern.compile(regex), resolve));
  }

  /** Every period in normalized text, in order of appearance, none overlapping. */
  public List<Period> find(String text, LocalDate asOf) {
    List<Period> out = new ArrayList<>();
    for (Rule r : rules) {
      Matcher m = r.pattern().matcher(text);
      while (m.find()) {
        int f = m.start();
        int t = m.end();
        if (out.stream().anyMatch(p -> p.overlaps(f, t))) {
          continue;
        }
        Period p;
        try {
          p = r.resolve().apply(m, asOf);
        } catch (RuntimeException e) {
          p = null;
        }
        if (p != null) {
          out.add(p);
        }
      }
    }
    out.sort(Comparator.comparingInt(Period::from));
    // halves/quarters written without a year take the year of another period in the question
    int contextYear = out.stream().filter(p -> !p.expr().startsWith("?")).mapToInt(p -> p.start().getYear()).findFirst().orElse(-1);
    List<Period> resolved = new ArrayList<>();
    for (Period p : out) {
      if (p.expr().startsWith("?")) {
        resolved.add(yearless(p, contextYear, asOf));
      } else {
        resolved.add(p);
      }
    }
    return resolved;
  }

  private static Period yearless(Period p, int contextYear, LocalDate asOf) {
    String[] parts = p.expr().substring(1).split(":");
    int n = Integer.parseInt(parts[1]);
    int months = parts[0].equals("quarter") ? 3 : 6;
    int startMonth = (n - 1) * months + 1;
    int y = contextYear;
    if (y < 0) {
      // the most recent such period that has started
      y = asOf.getYear();
      if (LocalDate.of(y, startMonth, 1).isAfter(asOf)) {
        y--;
      }
    }
    LocalDate s = LocalDate.of(y, startMonth, 1);
    String expr = parts[0].equals("quarter") ? "quarter:" + y + "Q" + n : "half:" + y + "H" + n;
    return new Period(s, cap(s.plusMonths(months), asOf), expr, parts[0].equals("quarter") ? "quarter" : "half_year", p.from(), p.to());
  }

  private static Period p(LocalDate s, LocalDate e, String expr, String unit, Matcher m) {
    return new Period(s, e, expr, unit, m.start(), m.end());
  }

  /**
   * "Last N days" is the N full days before asOf; "the last week" (one week) is the rolling 7 days;
   * "last N weeks / months / quarters / years" are the N complete units before the current one.
   */
  private static Period rolling(int n, String unit, LocalDate a, Matcher m) {
    if (n <= 0 || n > 3660) {
      return null;
    }
    if (unit.equals("day") || (unit.equals("week") && n == 1)) {
      int days = unit.equals("day") ? n : 7;
      return new Period(a.minusDays(days), a, "last_" + days + "_days", "rolling", m.start(), m.end());
    }
    LocalDate end = switch (unit) {
      case "week" -> a.with(DayOfWeek.MONDAY);
      case "month" -> a.withDayOfMonth(1);
      case "quarter" -> quarterStart(a);
      case "year" -> a.withDayOfYear(1);
      default -> null;
    };
    if (end == null) {
      return null;
    }
    LocalDate start = switch (unit) {
      case "week" -> end.minusWeeks(n);
      case "month" -> end.minusMonths(n);
      case "quarter" -> end.minusMonths(3L * n);
      default -> end.minusYears(n);
    };
    return new Period(start, end, "last_" + n + "_" + unit + "s", unit, m.start(), m.end());
  }

  private static String zhUnit(String u) {
    return switch (u) {
      case "天", "日" -> "day";
      case "周", "星期" -> "week";
      case "个月", "月" -> "month";
      case "个季度", "季度" -> "quarter";
      default -> "year";
    };
  }

  private static Period toDate(LocalDate s, LocalDate a, String expr, Matcher m) {
    LocalDate e = a.isAfter(s) ? a : s.plusDays(1);
    return new Period(s, e, expr, "to_date", m.start(), m.end());
  }

  private static Period since(LocalDate s, LocalDate a, Matcher m) {
    if (!s.isBefore(a)) {
      return new Period(a, a.plusDays(1), "future", "future", m.start(), m.end());
    }
    return new Period(s, a, "since:" + s, "since", m.start(), m.end());
  }

  private static Period year(int y, LocalDate a, Matcher m) {
    LocalDate s = LocalDate.of(y, 1, 1);
    if (s.isAfter(a)) {
      return new Period(a, a.plusDays(1), "future", "future", m.start(), m.end());
    }
    LocalDate e = s.plusYears(1);
    if (e.isAfter(a)) {
      return toDate(s, a, "this_year_to_date", m);
    }
    return new Period(s, e, "year:" + y, "year", m.start(), m.end());
  }

  private static Period quarter(int y, int q, LocalDate a, Matcher m) {
    if (y < 0) {
      return new Period(a, a, "?quarter:" + q, "quarter", m.start(), m.end());
    }
    LocalDate s = LocalDate.of(y, (q - 1) * 3 + 1, 1);
    if (s.isAfter(a)) {
      return new Period(a, a.plusDays(1), "future", "future", m.start(), m.end());
    }
    return new Period(s, cap(s.plusMonths(3), a), "quarter:" + y + "Q" + q, "quarter", m.start(), m.end());
  }

  private static Period half(int y, int h, LocalDate a, Matcher m) {
    if (y < 0) {
      return new Period(a, a, "?half:" + h, "half_year", m.start(), m.end());
    }
    LocalDate s = LocalDate.of(y, h == 1 ? 1 : 7, 1);
    if (s.isAfter(a)) {
      return new Period(a, a.plusDays(1), "future", "future", m.start(), m.end());
    }
    return new Period(s, cap(s.plusMonths(6), a), "half:" + y + "H" + h, "half_year", m.start(), m.end());
  }

  private static Period month(int y, int mo, LocalDate a, Matcher m) {
    LocalDate s = LocalDate.of(y, mo, 1);
    if (s.isAfter(a)) {
      return new Period(a, a.plusDays(1), "future", "future", m.start(), m.end());
    }
    return new Period(s, cap(s.plusMonths(1), a), "month:" + y + "-" + String.format("%02d", mo), "month", m.start(), m.end());
  }

  /** The Monday-to-Sunday week around a day. */
  private static Period weekOf(LocalDate day, LocalDate a, Matcher m) {
    LocalDate monday = day.with(DayOfWeek.MONDAY);
    if (monday.isAfter(a)) {
      return new Period(a, a.plusDays(1), "future", "future", m.start(), m.end());
    }
    return p(monday, cap(monday.plusWeeks(1), a), "week_of:" + monday, "week", m);
  }

  /** A period still running ends at asOf (data is complete through the day before). */
  private static LocalDate cap(LocalDate e, LocalDate a) {
    return e.isAfter(a) ? a : e;
  }

  private static LocalDate recentMonth(int mo, LocalDate a) {
    LocalDate s = LocalDate.of(a.getYear(), mo, 1);
    return s.isAfter(a) ? s.minusYears(1) : s;
  }

  private static LocalDate quarterStart(LocalDate a) {
    return LocalDate.of(a.getYear(), ((a.getMonthValue() - 1) / 3) * 3 + 1, 1);
  }

  private static int num(String s) {
    return Text.cardinal(s);
  }

  private static int relativeYear(String word, LocalDate a) {
    return switch (word) {
      case "去年" -> a.getYear() - 1;
      case "前年" -> a.getYear() - 2;
      default -> a.getYear();
    };
  }

  private static int yearOf(String s) {
    return Integer.parseInt(s);
  }

  private static int cnMonth(String s) {
    int n = Text.number(s);
    if (n < 1 || n > 12) {
      throw new IllegalArgumentException("not a month: " + s);
    }
    return n;
  }

  private static int ordinal(String s) {
    return switch (s) {
      case "first", "1st" -> 1;
      case "second", "2nd" -> 2;
      case "third", "3rd" -> 3;
      default -> 4;
    };
  }

  private static int month(String name) {
    return switch (name.substring(0, 3)) {
      case "jan" -> 1;
      case "feb" -> 2;
      case "mar" -> 3;
      case "apr" -> 4;
      case "may" -> 5;
      case "jun" -> 6;
      case "jul" -> 7;
      case "aug" -> 8;
      case "sep" -> 9;
      case "oct" -> 10;
      case "nov" -> 11;
      default -> 12;
    };
  }

  /** The time grain asked for ("monthly", 每天, "by week"), or null. */
  public static String grain(String text) {
    if (text.matches(".*(\\b(daily|each day|every day|per day|by day|day by day|day-by-day)\\b|每天|每日|按天|按日|逐日|日度).*")) {
      return "day";
    }
    if (text.matches(".*(\\b(weekly|each week|every week|per week|by week|week by week)\\b|每周|每星期|按周|周度).*")) {
      return "week";
    }
    if (text.matches(".*(\\b(monthly|each month|every month|per month|by month|month by month|month-by-month)\\b|每个月份|按月份|各月份|每个月|每月|按月|月度|逐月|各月).*")) {
      return "month";
    }
    if (text.matches(".*(\\b(quarterly|each quarter|per quarter|by quarter)\\b|每个季度|每季度|按季度|季度度|各季度).*")) {
      return "quarter";
    }
    if (text.matches(".*(\\b(yearly|annually|each year|per year|by year)\\b|每年|按年份|按年|各年|逐年|年度).*")) {
      return "year";
    }
    return null;
  }
}
