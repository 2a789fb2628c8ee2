package com.carmutual.phone.understand;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one slot's value from an utterance by the slot's type and returns it in canonical form
 * (see {@link SlotValue}), or null when the utterance holds no such value. Never does I/O.
 */
final class SlotParsers {
  private static final Map<String, String> NATO = new HashMap<>();
  private static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼港澳使领学警";

  static {
    String[] words = {
      "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet",
      "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango",
      "uniform", "victor", "whiskey", "xray", "yankee", "zulu"
    };
    for (String w : words) {
      NATO.put(w, w.substring(0, 1).toUpperCase(Locale.ROOT));
    }
    NATO.put("alfa", "A");
    NATO.put("juliett", "J");
    NATO.put("whisky", "W");
    NATO.put("x-ray", "X");
    NATO.put("ex", "X");
    NATO.put("em", "M");
    NATO.put("en", "N");
    NATO.put("bee", "B");
    NATO.put("cee", "C");
    NATO.put("see", "C");
    NATO.put("dee", "D");
    NATO.put("gee", "G");
    NATO.put("jay", "J");
    NATO.put("kay", "K");
    NATO.put("pee", "P");
    NATO.put("cue", "Q");
    NATO.put("are", "R");
    NATO.put("tee", "T");
    NATO.put("vee", "V");
    NATO.put("why", "Y");
    NATO.put("zed", "Z");
    NATO.put("zee", "Z");
  }

  private static final Pattern MEMBER = Pattern.compile("(?i)^\\s*(?:my )?(?:member(?:ship)? (?:id|number) (?:is )?)?(?:m|em|mike|m as in mike)\\b[\\s,.-]*(.*)$");
  private static final Pattern MEMBER_ZH = Pattern.compile("(?i)[mＭ](.*)$");
  private static final Pattern WORD = Pattern.compile("[a-z0-9]+(?:-ray)?|[\\u4e00-\\u9fff]");

  private SlotParsers() {}

  /** The canonical value of {@code spec} in {@code text}, or null. */
  static String parse(SlotSpec spec, String text, LocalDate today) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return switch (spec.type()) {
      case "date" -> {
        SpokenDates.Found f = SpokenDates.find(text, today, direction(spec));
        yield f == null ? null : f.date().toString();
      }
      case "time" -> {
        SpokenTimes.Found f = SpokenTimes.find(text, true);
        yield f == null ? null : f.time().toString();
      }
      case "yes_no" -> {
        String outright = Volunteered.yesNo(spec, Clauses.split(text)); // "my licence was revoked"
        if (outright != null) {
          yield outright;
        }
        Boolean b = Lexicon.yesNo(text, spec.yesCuesOrEmpty(), spec.noCuesOrEmpty());
        yield b == null ? null : b.toString();
      }
      case "number" -> number(spec, text);
      case "money" -> money(text);
      case "score" -> score(spec, text);
      case "plate" -> plate(text);
      case "member_id" -> memberId(text);
      default -> text(spec, text);
    };
  }

  static SpokenDates.Direction direction(SlotSpec spec) {
    if ("past".equals(spec.direction())) {
      return SpokenDates.Direction.PAST;
    }
    if ("future".equals(spec.direction())) {
      return SpokenDates.Direction.FUTURE;
    }
    return SpokenDates.Direction.ANY;
  }

  static String number(SlotSpec spec, String text) {
    String t = Lexicon.norm(text);
    if (t.matches("^(no|none|zero|never|nil)\\b.*") || t.matches(".*\\bno (prior |previous |real |relevant )?experience.*")
        || t.matches("^(没有|无|零|没).*")) {
      return "0";
    }
    if (t.matches("^(半年|half a year|six months).*")) {
      return "0.5";
    }
    SpokenNumbers.Found f = SpokenNumbers.find(text);
    if (f == null) {
      return null;
    }
    double v = f.value();
    String rest = t.length() > f.end() ? t.substring(f.end()) : "";
    if (rest.matches("^\\s*(and a half|个半|年半).*")) {
      v += 0.5;
    } else if (rest.matches("^\\s*(months?|个月).*")) {
      v = Math.round(v / 12.0 * 10) / 10.0; // "eight months" of experience is 0.7 years
    }
    return format(v);
  }

  /** An amount of money, annualised: "5000 a month" and "月薪五千" become 60000. */
  static String money(String text) {
    // "一万五一个月": the 一 of 一个月 is not part of the amount
    String said = RANGE_ZH.matcher(text).replaceAll("$1$3"); // the lower end of 七八万
    SpokenNumbers.Found f = SpokenNumbers.find(said.replaceAll("一(个月|年|周|小时)", "每$1"));
    if (f == null) {
      return null;
    }
    String t = Lexicon.norm(text);
    double v = f.value();
    Matcher range = RANGE_EN.matcher(t.substring(Math.min(f.start(), t.length())));
    if (v < 1000 && range.find() && !Lexicon.isChinese(t)) {
      v *= 1000; // the lower end, in the scale said after the upper one
    }
    if (t.matches(".*(a month|per month|monthly|/month|月薪|每月|每个月|一个月|月).*") && !t.contains("年")) {
      v *= 12;
    } else if (t.matches(".*(a week|per week|weekly|周薪|每周).*")) {
      v *= 52;
    } else if (t.matches(".*(an hour|per hour|hourly|/hour|时薪|每小时).*")) {
      v *= 2080;
    }
    return format(v);
  }

  /** The scale a score is said on ("out of five", "on a scale of one to five", 满分十分的话) is not the score. */
  private static final Pattern SCALE_SAID = Pattern.compile(
      "\\bout of (?:\\w+)\\b|\\b(?:on )?a scale (?:of|from) \\w+ to \\w+\\b|\\bfrom (?:zero|one|0|1) to \\w+\\b"
          + "|满分(?:是)?[零一二三四五六七八九十0-9]{1,2}分?的话|[零一二三四五0-9]到[五十0-9]{1,2}分?(?:的话|里)?");
  /** "给九分", "打八分": the score given, when several numbers are said. */
  private static final Pattern GIVEN_ZH = Pattern.compile("(?:给|打|就)([零一二两三四五六七八九十0-9]{1,2})分");
  /** "fifty-five to sixty thousand": the scale said once covers both ends of the range. */
  private static final Pattern RANGE_EN = Pattern.compile(
      "^([a-z -]+?|\\d+)\\s*(?:to|-|or|and)\\s*(?:[a-z -]+?|\\d+)\\s*(thousand|grand|k)\\b");
  /** 七八万: two neighbouring digits before a unit are a range. */
  private static final Pattern RANGE_ZH = Pattern.compile("([一二三四五六七八九])([二三四五六七八九])(十|百|千|万)");

  static String score(SlotSpec spec, String text) {
    String t = SCALE_SAID.matcher(Lexicon.norm(text)).replaceAll(" ");
    Matcher given = GIVEN_ZH.matcher(t);
    if (given.find()) {
      t = given.group();
    }
    // "十分满意" is "very satisfied": 十分 before an adjective is an intensifier, not ten points
    boolean intensifier = t.matches(".*十分(满意|不满意|好|不好|开心|失望|差|棒|糟糕|愉快|不错|方便|麻烦|专业).*");
    if (!intensifier) {
      SpokenNumbers.Found f = SpokenNumbers.find(t);
      if (f != null) {
        double v = f.value();
        double min = spec.min() == null ? 0 : spec.min();
        double max = spec.max() == null ? 10 : spec.max();
        return v >= min && v <= max && v == Math.rint(v) ? format(v) : null;
      }
    }
    if (spec.labels() != null) {
      List<Map.Entry<String, String>> cues = new ArrayList<>();
      spec.labels().forEach((value, words) -> words.forEach(w -> cues.add(Map.entry(w, value))));
      cues.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
      for (Map.Entry<String, String> cue : cues) {
        if (t.contains(cue.getKey())) {
          return cue.getValue();
        }
      }
    }
    return null;
  }

  static String plate(String text) {
    String raw = text.trim();
    int province = -1;
    for (int i = 0; i < raw.length(); i++) {
      if (PROVINCES.indexOf(raw.charAt(i)) >= 0) {
        province = i;
        break;
      }
    }
    StringBuilder out = new StringBuilder();
    String rest = raw;
    if (province >= 0) {
      out.append(raw.charAt(province));
      rest = raw.substring(province + 1);
    }
    rest = rest.toLowerCase(Locale.ROOT)
        .replaceAll("\\b([a-z])\\s+(?:as in|for|like)\\s+[a-z]+\\b", "$1") // "P as in papa", "B for Bravo"
        .replaceAll("\\b(it's|it is|its|my|plate|plates|number|license|licence|registration|is|the|was|it|as in|for)\\b", " ");
    Matcher m = WORD.matcher(rest);
    int repeat = 1;
    int unknownWords = 0;
    int pieces = 0;
    while (m.find()) {
      String w = m.group();
      String piece = null;
      if (w.equals("double")) {
        repeat = 2;
        continue;
      } else if (w.equals("triple")) {
        repeat = 3;
        continue;
      } else if (NATO.containsKey(w)) {
        piece = NATO.get(w);
      } else if (SpokenNumbers.EN_UNITS.containsKey(w) && SpokenNumbers.EN_UNITS.get(w) < 10 && !w.equals("none")) {
        piece = String.valueOf(SpokenNumbers.EN_UNITS.get(w));
      } else if (w.length() == 1 && SpokenNumbers.ZH_DIGITS.containsKey(w.charAt(0))) {
        piece = String.valueOf(SpokenNumbers.ZH_DIGITS.get(w.charAt(0)));
      } else if (w.matches("[a-z0-9]+") && (w.length() == 1 || w.matches(".*\\d.*"))) {
        piece = w.toUpperCase(Locale.ROOT);
      }
      if (piece != null) {
        out.append(piece.repeat(repeat));
        pieces++;
      } else {
        unknownWords++;
      }
      repeat = 1;
    }
    if (unknownWords > pieces) {
      return null; // a sentence, not a plate read out
    }
    String plate = out.toString();
    if (province >= 0) {
      return plate.matches(".[A-Z][A-Z0-9]{5,6}") ? plate : null;
    }
    return plate.matches("[A-Z0-9]{2,8}") && plate.matches(".*\\d.*|[A-Z]{4,8}") ? plate : null;
  }

  static String memberId(String text) {
    String t = text.trim();
    String digits = null;
    Matcher zh = MEMBER_ZH.matcher(t);
    Matcher en = MEMBER.matcher(Lexicon.norm(t));
    if (en.find()) {
      digits = SpokenNumbers.digitSequence(en.group(1));
    } else if (zh.find()) {
      digits = SpokenNumbers.digitSequence(zh.group(1));
    } else {
      digits = SpokenNumbers.digitSequence(t);
    }
    return digits != null && digits.length() == 6 ? "M" + digits : null;
  }

  private static final Pattern NAME_LEAD =
      Pattern.compile("(?i)^(?:hi|hello)?[,.\\s]*(?:my name is|my name's|name's|the name is|this is|it's|it is|i'm|i am|call me)\\s+");
  private static final Pattern NAME_LEAD_ZH = Pattern.compile("^(?:你好)?[，,\\s]*(?:我叫|我是|我的名字是|我的名字叫|名字是|叫)");
  private static final Pattern LEAD_IN =
      Pattern.compile("(?i)^(?:well|so|um|uh|ok|okay)?[,.\\s]*(?:it (?:was|happened) (?:at|on|in|near)?|it's|the comment is|i'd say)\\s+");

  static String text(SlotSpec spec, String text) {
    String t = text.trim().replaceAll("[。.!！]+$", "").trim();
    if (t.isEmpty()) {
      return null;
    }
    if ("name".equals(spec.role())) {
      t = NAME_LEAD_ZH.matcher(NAME_LEAD.matcher(t).replaceFirst("")).replaceFirst("");
    } else {
      t = LEAD_IN.matcher(t).replaceFirst("");
    }
    return t.isBlank() ? null : t.trim();
  }

  static String format(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }
}
