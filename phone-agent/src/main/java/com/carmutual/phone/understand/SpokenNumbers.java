package com.carmutual.phone.understand;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads numbers as callers say them and speech recognisers write them: digits ("60,000", "60k"),
 * English words ("a hundred thousand", "nine out of ten" reads 9), Chinese numerals ("八万", "一万五",
 * "三") and digit-by-digit sequences ("one two three", "一二三", "double five"). Never does I/O.
 */
final class SpokenNumbers {
  static final Map<String, Integer> EN_UNITS = new HashMap<>();
  static final Map<String, Integer> EN_TENS = new HashMap<>();
  static final Map<Character, Integer> ZH_DIGITS = new HashMap<>();

  static {
    String[] units = {
      "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
      "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
      "nineteen"
    };
    for (int i = 0; i < units.length; i++) {
      EN_UNITS.put(units[i], i);
    }
    EN_UNITS.put("oh", 0);
    EN_UNITS.put("nil", 0);
    EN_UNITS.put("none", 0);
    String[] tens = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    for (int i = 0; i < tens.length; i++) {
      EN_TENS.put(tens[i], (i + 2) * 10);
    }
    EN_TENS.put("fourty", 40);
    String zh = "零一二三四五六七八九";
    for (int i = 0; i < zh.length(); i++) {
      ZH_DIGITS.put(zh.charAt(i), i);
    }
    ZH_DIGITS.put('〇', 0);
    ZH_DIGITS.put('两', 2);
    ZH_DIGITS.put('俩', 2);
    ZH_DIGITS.put('幺', 1);
    for (char c = '0'; c <= '9'; c++) {
      ZH_DIGITS.put(c, c - '0');
    }
  }

  private static final Pattern DIGITS =
      Pattern.compile("(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)\\s*(k\\b|thousand|grand|million|m\\b|万|千|百)?");
  private static final Pattern ZH_RUN = Pattern.compile("[零〇一二两俩三四五六七八九十百千万亿0-9]+");

  private SpokenNumbers() {}

  /** A number found in the text, with where it was found. */
  record Found(double value, int start, int end) {}

  /** The first number said in {@code text}, in either language, or empty. */
  static OptionalDouble first(String text) {
    Found f = find(text);
    return f == null ? OptionalDouble.empty() : OptionalDouble.of(f.value());
  }

  /** The first number in {@code text} with its span, or null. */
  static Found find(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String lower = text.toLowerCase();
    List<Found> candidates = new ArrayList<>();
    Matcher d = DIGITS.matcher(lower);
    if (d.find()) {
      double v = Double.parseDouble(d.group(1).replace(",", ""));
      String mult = d.group(2);
      if (mult != null) {
        v *= switch (mult) {
          case "k", "thousand", "grand", "千" -> 1000;
          case "million", "m" -> 1_000_000;
          case "万" -> 10_000;
          case "百" -> 100;
          default -> 1;
        };
      }
      candidates.add(new Found(v, d.start(), d.end()));
    }
    Found en = english(lower);
    if (en != null) {
      candidates.add(en);
    }
    Found zh = chinese(text);
    if (zh != null) {
      candidates.add(zh);
    }
    Found best = null;
    for (Found f : candidates) {
      if (best == null || f.start() < best.start()) {
        best = f;
      }
    }
    return best;
  }

  /** The first English number-word expression ("a hundred and five thousand", "one and a half"). */
  static Found english(String lower) {
    Matcher m = Pattern.compile("[a-z]+").matcher(lower);
    List<int[]> spans = new ArrayList<>();
    List<String> words = new ArrayList<>();
    while (m.find()) {
      words.add(m.group());
      spans.add(new int[] {m.start(), m.end()});
    }
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      boolean startsNumber =
          EN_UNITS.containsKey(w)
              || EN_TENS.containsKey(w)
              || ((w.equals("a") || w.equals("an"))
                  && i + 1 < words.size()
                  && isScale(words.get(i + 1)))
              || (w.equals("half") && i + 1 < words.size() && words.get(i + 1).equals("a"));
      if (!startsNumber || w.equals("none") && i > 0) {
        continue;
      }
      if (w.equals("half")) {
        return new Found(0.5, spans.get(i)[0], spans.get(i + 1)[1]);
      }
      double total = 0;
      double current = 0;
      int j = i;
      int end = spans.get(i)[1];
      for (; j < words.size(); j++) {
        String t = words.get(j);
        if (EN_UNITS.containsKey(t)) {
          current += EN_UNITS.get(t);
        } else if (EN_TENS.containsKey(t)) {
          current += EN_TENS.get(t);
        } else if (t.equals("a") || t.equals("an")) {
          if (j + 1 < words.size() && isScale(words.get(j + 1))) {
            current += 1;
          } else if (j + 1 < words.size() && words.get(j + 1).equals("half") && j > i) {
            current += 0.5;
            end = spans.get(j + 1)[1];
            j += 1;
            continue;
          } else {
            break;
          }
        } else if (t.equals("hundred")) {
          current = (current == 0 ? 1 : current) * 100;
        } else if (t.equals("thousand") || t.equals("grand")) {
          total += (current == 0 ? 1 : current) * 1000;
          current = 0;
        } else if (t.equals("million")) {
          total += (current == 0 ? 1 : current) * 1_000_000;
          current = 0;
        } else if (t.equals("and") && j + 1 < words.size()
            && (EN_UNITS.containsKey(words.get(j + 1)) || EN_TENS.containsKey(words.get(j + 1))
                || words.get(j + 1).equals("a"))) {
          continue;
        } else {
          break;
        }
        end = spans.get(j)[1];
      }
      return new Found(total + current, spans.get(i)[0], end);
    }
    return null;
  }

  private static boolean isScale(String w) {
    return w.equals("hundred") || w.equals("thousand") || w.equals("million") || w.equals("dozen");
  }

  /** The first Chinese numeral run in {@code text} ("八万", "一万五", "十", "三"), with its span. */
  static Found chinese(String text) {
    Matcher m = ZH_RUN.matcher(text);
    while (m.find()) {
      String run = m.group();
      if (run.chars().allMatch(Character::isDigit)) {
        continue; // plain digits are handled by the digit pattern
      }
      Double v = chineseValue(run);
      if (v != null) {
        return new Found(v, m.start(), m.end());
      }
    }
    return null;
  }

  /** The value of a Chinese numeral such as "十万", "两万五千", "一万五" or "三"; null if not one. */
  static Double chineseValue(String run) {
    boolean hasUnit = run.chars().anyMatch(c -> "十百千万亿".indexOf(c) >= 0);
    if (!hasUnit) {
      StringBuilder digits = new StringBuilder();
      for (char c : run.toCharArray()) {
        Integer d = ZH_DIGITS.get(c);
        if (d == null) {
          return null;
        }
        digits.append(d);
      }
      return Double.parseDouble(digits.toString());
    }
    double total = 0;
    double section = 0;
    double number = 0;
    char lastUnit = 0;
    boolean afterUnit = false;
    StringBuilder arabic = new StringBuilder();
    for (char c : run.toCharArray()) {
      Integer d = ZH_DIGITS.get(c);
      if (d != null) {
        if (Character.isDigit(c)) {
          arabic.append(c);
          number = Double.parseDouble(arabic.toString());
        } else {
          number = d;
          arabic.setLength(0);
        }
        afterUnit = false;
        continue;
      }
      arabic.setLength(0);
      switch (c) {
        case '十' -> section += (number == 0 ? 1 : number) * 10;
        case '百' -> section += number * 100;
        case '千' -> section += number * 1000;
        case '万' -> {
          total += (section + number) * 10_000;
          section = 0;
        }
        case '亿' -> {
          total = (total + section + number) * 100_000_000;
          section = 0;
        }
        default -> {
          return null;
        }
      }
      lastUnit = c;
      number = 0;
      afterUnit = true;
    }
    if (!afterUnit && number > 0 && number < 10) {
      // "一万五" is 15000 and "三百五" is 350: a lone trailing digit counts in the next lower unit
      double scale =
          switch (lastUnit) {
            case '万' -> 1000;
            case '千' -> 100;
            case '百' -> 10;
            default -> 1;
          };
      number *= scale;
    }
    return total + section + number;
  }

  /**
   * Digits read one by one, in either language: "one two three", "1 2 3", "一二三", "double five",
   * "幺三". Letters and other words are skipped; returns the digits in order.
   */
  static String digitSequence(String text) {
    StringBuilder out = new StringBuilder();
    Matcher m = Pattern.compile("[a-z]+|\\d|[零〇一二两三四五六七八九幺]").matcher(text.toLowerCase());
    int repeat = 1;
    while (m.find()) {
      String t = m.group();
      if (t.equals("double")) {
        repeat = 2;
        continue;
      }
      if (t.equals("triple")) {
        repeat = 3;
        continue;
      }
      String digit = null;
      if (t.length() == 1 && ZH_DIGITS.containsKey(t.charAt(0))) {
        digit = String.valueOf(ZH_DIGITS.get(t.charAt(0)));
      } else if (EN_UNITS.containsKey(t) && EN_UNITS.get(t) < 10 && !t.equals("none")) {
        digit = String.valueOf(EN_UNITS.get(t));
      } else if (t.equals("o")) {
        digit = "0";
      }
      if (digit != null) {
        out.append(digit.repeat(repeat));
      }
      repeat = 1;
    }
    return out.toString();
  }
}
