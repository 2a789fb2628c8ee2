package com.carmutual.phone.understand;

import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads numbers as callers say them and speech recognisers write them: digits ("60,000", "60k"),
 * spelled-out numbers in English and Chinese (parsed by ICU's {@link RuleBasedNumberFormat}: "two
 * hundred and forty thousand", "八万", "三十五"), the colloquial Chinese abbreviation ICU does not know
 * ("一万五" is 15000) and digit-by-digit sequences ("four nine two", "七八九", "double five", "oh").
 * Never does I/O.
 */
final class SpokenNumbers {
  /** English number words below twenty, by value, as ICU spells them, plus "oh" said for zero. */
  static final Map<String, Integer> EN_UNITS = new HashMap<>();
  /** English tens words ("twenty" … "ninety") as ICU spells them. */
  static final Map<String, Integer> EN_TENS = new HashMap<>();
  /** Chinese digit characters (and ASCII digits) by value; 两, 俩 and the dialled 幺 included. */
  static final Map<Character, Integer> ZH_DIGITS = new HashMap<>();

  private static final Set<String> EN_SCALES = new HashSet<>();
  private static final ThreadLocal<RuleBasedNumberFormat> EN = ThreadLocal.withInitial(() -> spellout(ULocale.ENGLISH));
  private static final ThreadLocal<RuleBasedNumberFormat> ZH = ThreadLocal.withInitial(() -> spellout(ULocale.CHINESE));

  static {
    RuleBasedNumberFormat en = spellout(ULocale.ENGLISH);
    for (int i = 0; i < 20; i++) {
      EN_UNITS.put(en.format(i), i);
    }
    for (int i = 2; i <= 9; i++) {
      EN_TENS.put(en.format(i * 10L), i * 10);
    }
    for (long scale : new long[] {100, 1_000, 1_000_000, 1_000_000_000}) {
      String words = en.format(scale);
      EN_SCALES.add(words.substring(words.lastIndexOf(' ') + 1));
    }
    EN_UNITS.put("oh", 0); // digits read out: "five oh two"
    RuleBasedNumberFormat zh = spellout(ULocale.CHINESE);
    for (int i = 0; i < 10; i++) {
      ZH_DIGITS.put(zh.format(i).charAt(0), i);
      ZH_DIGITS.put((char) ('0' + i), i);
    }
    ZH_DIGITS.put('〇', 0);
    ZH_DIGITS.put('零', 0);
    ZH_DIGITS.put('两', 2);
    ZH_DIGITS.put('俩', 2);
    ZH_DIGITS.put('幺', 1);
  }

  private static final Pattern DIGITS =
      Pattern.compile("(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?)\\s*(k\\b|thousand|grand|million|m\\b|万|千|百)?");
  private static final Pattern ZH_RUN = Pattern.compile("[零〇一二两俩幺三四五六七八九十百千万亿0-9]+");
  private static final Pattern EN_WORD = Pattern.compile("[a-z]+");
  private static final Pattern GRAND = Pattern.compile("\\s*(?:grand|k)\\b");
  /** "一万五", "三千二", "五百五": a lone digit after a unit counts in the next lower unit. */
  private static final Pattern ZH_ABBREVIATED = Pattern.compile("([万千百])([一二两三四五六七八九])$");

  private SpokenNumbers() {}

  private static RuleBasedNumberFormat spellout(ULocale locale) {
    RuleBasedNumberFormat f = new RuleBasedNumberFormat(locale, RuleBasedNumberFormat.SPELLOUT);
    f.setLenientParseMode(true);
    return f;
  }

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
    String lower = text.toLowerCase(Locale.ROOT);
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
      Matcher grand = GRAND.matcher(lower).region(en.end(), lower.length());
      // "ninety grand", "sixty k": said the way people say amounts, which ICU's rules do not cover
      candidates.add(grand.lookingAt() ? new Found(en.value() * 1000, en.start(), grand.end()) : en);
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

  static boolean isNumberWord(String w) {
    return EN_UNITS.containsKey(w) && !w.equals("oh") || EN_TENS.containsKey(w) || EN_SCALES.contains(w);
  }

  /**
   * The first English number-word expression ("two hundred and forty thousand", "forty two"): the
   * longest run of number words, read by ICU; "a"/"an" before a scale word counts as one.
   */
  static Found english(String lower) {
    Matcher m = EN_WORD.matcher(lower);
    List<String> words = new ArrayList<>();
    List<int[]> spans = new ArrayList<>();
    while (m.find()) {
      words.add(m.group());
      spans.add(new int[] {m.start(), m.end()});
    }
    for (int i = 0; i < words.size(); i++) {
      boolean article = (words.get(i).equals("a") || words.get(i).equals("an"))
          && i + 1 < words.size() && EN_SCALES.contains(words.get(i + 1));
      if (!article && !isNumberWord(words.get(i))) {
        continue;
      }
      if (!article && EN_SCALES.contains(words.get(i))) {
        continue; // "hundred" alone is not a number said
      }
      List<String> run = new ArrayList<>();
      List<Integer> runIndex = new ArrayList<>();
      for (int j = i; j < words.size(); j++) {
        String w = words.get(j);
        boolean scaleArticle = (w.equals("a") || w.equals("an")) && j + 1 < words.size() && EN_SCALES.contains(words.get(j + 1));
        boolean joiner = w.equals("and") && j + 1 < words.size() && j > i && isNumberWord(words.get(j + 1));
        if (!(isNumberWord(w) || scaleArticle || joiner)) {
          break;
        }
        if (j > i && !contiguous(lower, spans.get(j - 1)[1], spans.get(j)[0])) {
          break;
        }
        run.add(scaleArticle ? "one" : joiner ? null : w);
        runIndex.add(j);
      }
      Found f = parseRun(run, runIndex, spans);
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  /** Words of one number are separated only by spaces or hyphens, never by a comma or a full stop. */
  private static boolean contiguous(String text, int from, int to) {
    return text.substring(from, to).matches("[\\s-]+");
  }

  /** Parses the words with ICU; the span ends at the last word ICU consumed. */
  private static Found parseRun(List<String> run, List<Integer> runIndex, List<int[]> spans) {
    StringBuilder phrase = new StringBuilder();
    List<Integer> wordEnds = new ArrayList<>();
    List<Integer> wordOf = new ArrayList<>();
    for (int k = 0; k < run.size(); k++) {
      if (run.get(k) == null) {
        continue; // "and" between number words: ICU reads "one hundred five"
      }
      if (phrase.length() > 0) {
        phrase.append(' ');
      }
      phrase.append(run.get(k));
      wordEnds.add(phrase.length());
      wordOf.add(runIndex.get(k));
    }
    if (wordEnds.isEmpty()) {
      return null;
    }
    ParsePosition pos = new ParsePosition(0);
    Number n = EN.get().parse(phrase.toString(), pos);
    if (n == null || pos.getIndex() == 0) {
      return null;
    }
    int last = 0;
    for (int k = 0; k < wordEnds.size(); k++) {
      if (wordEnds.get(k) <= pos.getIndex()) {
        last = k;
      }
    }
    return new Found(n.doubleValue(), spans.get(wordOf.get(0))[0], spans.get(wordOf.get(last))[1]);
  }

  /** The first Chinese numeral run in {@code text} ("八万", "一万五", "十", "三"), with its span. */
  static Found chinese(String text) {
    Matcher m = ZH_RUN.matcher(text);
    while (m.find()) {
      String run = m.group();
      if (run.chars().allMatch(c -> c < 128)) {
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
    if (run == null || run.isEmpty()) {
      return null;
    }
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
      return digits.length() > 15 ? null : Double.parseDouble(digits.toString());
    }
    StringBuilder normal = new StringBuilder();
    for (char c : run.toCharArray()) {
      Integer d = ZH_DIGITS.get(c);
      normal.append(d != null && c != '两' && c != '零' && c != '〇' ? "零一二三四五六七八九".charAt(d) : c);
    }
    String s = normal.toString();
    Matcher abbreviated = ZH_ABBREVIATED.matcher(s);
    if (abbreviated.find()) {
      String lower = switch (abbreviated.group(1)) {
        case "万" -> "千";
        case "千" -> "百";
        default -> "十";
      };
      s = s + lower;
    }
    ParsePosition pos = new ParsePosition(0);
    Number n = ZH.get().parse(s, pos);
    if (n == null || pos.getIndex() != s.length()) {
      return null;
    }
    return n.doubleValue();
  }

  /**
   * Digits read one by one, in either language: "four nine two", "4 9 2", "七八九", "double five",
   * "幺三". Letters and other words are skipped; returns the digits in order.
   */
  static String digitSequence(String text) {
    StringBuilder out = new StringBuilder();
    Matcher m = Pattern.compile("[a-z]+|\\d|[零〇一二两三四五六七八九幺]").matcher(text.toLowerCase(Locale.ROOT));
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
      } else if (EN_UNITS.containsKey(t) && EN_UNITS.get(t) < 10) {
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
