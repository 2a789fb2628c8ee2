package com.carmutual.shared.gateway.redact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * Replaces personal data in text bound for an external model with placeholders such as {@code
 * [EMAIL_1]}, and puts the real values back in the answer. Finds the literal values the caller
 * gives (names and anything else it knows to be personal), e-mail addresses, Chinese resident ID
 * numbers, VINs (also lower case or in spaced groups), member ids (a configurable pattern; the
 * suite's is {@code M} and six digits), licence plates (Chinese ones including new-energy plates,
 * British, Singaporean and Californian shapes, and any plate after a word such as "plate", "reg" or
 * 车牌), street addresses in English and Chinese forms, and phone numbers in every national and
 * E.164 form of the suite's regions (libphonenumber), plus any number after a word such as "phone"
 * or 电话. Thread-safe; one {@link Session} per call holds the mapping.
 */
public final class Redactor {
  /** Where one rule finds values in a text: {@code [start, end)} pairs in order. */
  private interface Finder {
    List<int[]> find(String text);
  }

  /** A finder, and a cheap test that must pass before it is worth running. */
  private record Rule(String label, Finder finder, java.util.function.Predicate<String> mayMatch) {
    Rule(String label, Pattern pattern, int group, java.util.function.Predicate<String> mayMatch) {
      this(label, regex(pattern, group, v -> true), mayMatch);
    }

    Rule(String label, Pattern pattern, int group) {
      this(label, pattern, group, t -> true);
    }
  }

  static Finder regex(Pattern pattern, int group, java.util.function.Predicate<String> accept) {
    return text -> {
      List<int[]> spans = new ArrayList<>();
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        if (m.start(group) >= 0 && accept.test(m.group(group))) {
          spans.add(new int[] {m.start(group), m.end(group)});
        }
      }
      return spans;
    };
  }

  /** The regions whose national phone formats are recognised; E.164 numbers are found for every country. */
  static final List<String> PHONE_REGIONS = List.of("CN", "HK", "MO", "TW", "SG", "US", "GB", "AU", "JP", "KR", "DE", "FR");

  private static final String HAN = "\\p{IsHan}";
  private static final String STREET_SUFFIX = "(?:Street|St|Road|Rd|Avenue|Ave|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl"
      + "|Way|Terrace|Tce|Crescent|Cres|Close|Highway|Hwy|Parkway|Pkwy|Square|Sq|Row|Mews|Gardens|Walk|Hill)";
  private static final java.util.Set<String> NOT_STREET_WORDS = java.util.Set.of("the", "a", "an", "on", "in", "at", "of",
      "to", "and", "or", "my", "his", "her", "our", "their", "its", "into", "onto", "from", "with", "by", "for", "near",
      "cars", "car", "vehicles", "times", "minutes", "hours", "days", "km", "miles", "mph", "lanes", "was", "were", "is");

  private final List<Rule> rules;

  /** @param memberIdPattern regex of member ids, e.g. {@code M-?\\d{6}}; blank disables the rule */
  public Redactor(String memberIdPattern) {
    List<Rule> r = new ArrayList<>();
    r.add(new Rule("EMAIL", Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"), 0,
        t -> t.indexOf('@') >= 0));
    // Resident ID: 6-digit region, birth date 18xx-20xx, 3 digits, check digit or X.
    r.add(new Rule("ID", Pattern.compile(
        "(?<![0-9A-Za-z])[1-9]\\d{5}(?:18|19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx](?![0-9A-Za-z])"), 0,
        t -> longestRun(t, DIGITS_X) >= 18));
    // VIN: 17 characters without I, O, Q, with at least one digit and one letter.
    r.add(new Rule("VIN", Pattern.compile(
        "(?<![0-9A-Za-z])(?=[A-HJ-NPR-Za-hj-npr-z0-9]{0,16}[0-9])(?=[A-HJ-NPR-Za-hj-npr-z0-9]{0,16}[A-HJ-NPR-Za-hj-npr-z])[A-HJ-NPR-Za-hj-npr-z0-9]{17}(?![0-9A-Za-z])"), 0,
        t -> hasRunOfExactly(t, 17)));
    // VIN written in groups ("LSV AU2180 N2183294", "WVW-ZZZ1K-Z6W612345"): 2 to 5 groups adding up to 17
    r.add(new Rule("VIN", new GroupedVinFinder(), t -> longestRun(t, "0123456789") >= 3));
    if (memberIdPattern != null && !memberIdPattern.isBlank()) {
      String prefix = literalPrefix(memberIdPattern);
      r.add(new Rule("MEMBER", Pattern.compile("(?<![0-9A-Za-z])(?:" + memberIdPattern + ")(?![0-9A-Za-z])"), 0,
          prefix.isEmpty() ? t -> true : t -> t.contains(prefix)));
    }
    // a member number after its name, in whatever form it was said ("member number m 123 456", 会员号：123456)
    r.add(new Rule("MEMBER", Pattern.compile(
        "(?i)(?:member(?:ship)?\\s*(?:no\\.?|number|id|#)|会员(?:号码?|编号|卡号|ID))\\s*(?:is\\s+)?[:：#]?\\s*([A-Z]?[ -]?\\d(?:[ -]?\\d){3,11})(?!\\d)"), 1,
        t -> containsIgnoreCase(t, "member") || t.contains("会员")));
    // Chinese plates: province, letter, optional separator, 5 characters (6 for new-energy plates)
    r.add(new Rule("PLATE", Pattern.compile(
        "[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领][A-Za-z]\\s?[·•.\\s-]?\\s?(?:[DFdf][A-HJ-NP-Za-hj-np-z0-9]\\d{4}|\\d{5}[DFdf]|[A-HJ-NP-Za-hj-np-z0-9]{4}[A-HJ-NP-Za-hj-np-z0-9挂学警港澳])(?![0-9A-Za-z])"), 0,
        Redactor::hasProvinceCharacter));
    // British (AB12 CDE), Singaporean (SBA 1234 A) and Californian (7ABC123) plates: shapes no part number has
    r.add(new Rule("PLATE", Pattern.compile(
        "(?<![0-9A-Za-z])(?:[A-Z]{2}\\d{2}\\s?[A-Z]{3}|S[A-Z]{2}\\s?\\d{1,4}\\s?[A-Z]|\\d[A-Z]{3}\\d{3})(?![0-9A-Za-z])"), 0,
        t -> longestRun(t, "0123456789") >= 1));
    // any plate after a word naming it: upper-case letters and digits, at least one digit
    r.add(new Rule("PLATE", regex(Pattern.compile(
        "(?i:(?:licen[cs]e|number|registration|reg\\.?|rego|tag)?\\s*plate(?:\\s*(?:no\\.?|number|#))?"
            + "|\\bregistration\\b(?:\\s*(?:no\\.?|number|mark))?|\\breg\\b\\.?(?:\\s*no\\.?)?|车牌(?:号码?)?|牌照(?:号码?)?|号牌)"
            + "(?i:\\s*(?:is\\s+|was\\s+|是)?[:：#]?\\s*)\"?([A-Z0-9\\p{IsHan}][A-Z0-9·\\- ]{1,8}[A-Z0-9])(?![A-Za-z0-9])"), 1,
        Redactor::hasDigit),
        t -> t.contains("车牌") || t.contains("牌照") || t.contains("号牌") || containsIgnoreCase(t, "plate")
            || containsIgnoreCase(t, "reg")));
    // Chinese addresses: [province][city][district] road + number 号 [building, unit, room]
    r.add(new Rule("ADDRESS", Pattern.compile(
        "(?:" + HAN + "{2,7}?(?:省|自治区))?(?:" + HAN + "{1,7}?市)?(?:" + HAN + "{1,7}?(?:区|县|镇))?"
            + HAN + "{1,10}?(?:路|街|大道|大街|道|巷|胡同|里|弄)(?:[一二三四五六七八九十\\d]{1,2}段)?"
            + "(?:\\d{1,5}|[一二三四五六七八九十百零]{1,6})(?:-\\d{1,4})?号(?:院|楼)?"
            + "(?:\\s?(?:\\d{1,4}|[一二三四五六七八九十]{1,3})(?:栋|幢|号楼|座|单元|层|楼|室|号))*"), 0,
        t -> t.indexOf('号') >= 0));
    r.add(new Rule("ADDRESS", Pattern.compile(
        HAN + "{2,10}?(?:小区|花园|公寓|大厦|新村|家园|苑)\\s?\\d{1,4}(?:栋|幢|号楼|座)(?:\\s?\\d{1,2}单元)?(?:\\s?\\d{1,5}(?:室|号))?"), 0,
        t -> t.indexOf('栋') >= 0 || t.indexOf('幢') >= 0 || t.indexOf('楼') >= 0 || t.indexOf('座') >= 0));
    // English street addresses: [Apt/Unit/Flat x,] number [letter] name words + street type [direction]
    r.add(new Rule("ADDRESS", regex(Pattern.compile(
        "(?i)(?:\\b(?:apt|apartment|unit|flat|suite|ste|room|rm)\\.?\\s*#?\\s*[A-Z0-9-]{1,6},?\\s+)?"
            + "\\b\\d{1,5}[A-Z]?(?:[-/]\\d{1,5}[A-Z]?)?,?\\s+((?:[A-Z][A-Za-z'.-]*\\s+){1,4})" + STREET_SUFFIX + "\\b"
            + "(?:\\s+(?:NW|NE|SW|SE|N|S|E|W)\\b)?"), 0, Redactor::isStreet), t -> longestRun(t, "0123456789") >= 1));
    r.add(new Rule("ADDRESS", Pattern.compile(
        "(?i)\\b(?:apt|apartment|unit|flat|suite)\\.?\\s*#?\\s*\\d{1,5}[A-Z]?\\b"), 0,
        t -> longestRun(t, "0123456789") >= 1));
    r.add(new Rule("PHONE", new PhoneFinder(), t -> longestRun(t, PHONE_CHARS) >= 7));
    r.add(new Rule("PHONE", Pattern.compile("(?<!\\d)(?:\\+?86[ -]?)?1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4}(?!\\d)"), 0,
        t -> longestRun(t, PHONE_CHARS) >= 11));
    // any number said to be a phone number, whatever its country
    r.add(new Rule("PHONE", Pattern.compile(
        "(?i)(?:phone|tel|telephone|mobile|cell|call(?:ed)?\\s+(?:me\\s+)?(?:on|at)|whatsapp|fax|电话|手机|联系方式)"
            + "(?:\\s*(?:number|no\\.?|#))?\\s*(?:is\\s+|是)?[:：]?\\s*(\\+?\\(?\\d[\\d ().-]{5,24}\\d)"), 1,
        t -> longestRun(t, PHONE_CHARS) >= 7));
    this.rules = List.copyOf(r);
  }

  /** Phone numbers as libphonenumber finds them: valid numbers of the suite's regions, and any E.164 number. */
  private static final class PhoneFinder implements Finder {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    @Override
    public List<int[]> find(String text) {
      List<int[]> spans = new ArrayList<>();
      for (String region : PHONE_REGIONS) {
        for (PhoneNumberMatch m : UTIL.findNumbers(text, region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
          if (!insideAnIdentifier(text, m.start(), m.end())) {
            add(spans, m.start(), m.end());
          }
        }
      }
      // numbers written with their country code: plausible length is enough
      if (text.indexOf('+') >= 0) {
        for (PhoneNumberMatch m : UTIL.findNumbers(text, "ZZ", PhoneNumberUtil.Leniency.POSSIBLE, Long.MAX_VALUE)) {
          add(spans, m.start(), m.end());
        }
      }
      spans.sort(Comparator.comparingInt(s -> s[0]));
      return spans;
    }

    /** "INV-2025-000123" and "52119-0K903" hold digits that may look like a number, but are ids. */
    static boolean insideAnIdentifier(String text, int start, int end) {
      boolean joinedBefore = start >= 2 && "-/_#".indexOf(text.charAt(start - 1)) >= 0
          && Character.isLetterOrDigit(text.charAt(start - 2));
      boolean joinedAfter = end + 1 < text.length() && "-/_".indexOf(text.charAt(end)) >= 0
          && Character.isLetterOrDigit(text.charAt(end + 1));
      boolean glued = (start >= 1 && Character.isLetter(text.charAt(start - 1)) && text.charAt(start - 1) < 0x2E80)
          || (end < text.length() && Character.isLetter(text.charAt(end)) && text.charAt(end) < 0x2E80);
      return joinedBefore || joinedAfter || glued;
    }

    private static void add(List<int[]> spans, int start, int end) {
      for (int[] s : spans) {
        if (start < s[1] && end > s[0]) {
          s[0] = Math.min(s[0], start);
          s[1] = Math.max(s[1], end);
          return;
        }
      }
      spans.add(new int[] {start, end});
    }
  }

  static boolean hasDigit(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isDigit(value.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Runs of 2 to 5 tokens of VIN characters, one space or dash apart, that together are a VIN. */
  private static final class GroupedVinFinder implements Finder {
    private static final Pattern TOKEN = Pattern.compile("(?<![0-9A-Za-z])[A-HJ-NPR-Za-hj-npr-z0-9]{3,14}(?![0-9A-Za-z])");

    @Override
    public List<int[]> find(String text) {
      List<int[]> tokens = new ArrayList<>();
      Matcher m = TOKEN.matcher(text);
      while (m.find()) {
        tokens.add(new int[] {m.start(), m.end()});
      }
      List<int[]> spans = new ArrayList<>();
      int i = 0;
      while (i < tokens.size()) {
        int found = -1;
        for (int j = i + 1; j < Math.min(tokens.size(), i + 5); j++) {
          int gap = tokens.get(j)[0] - tokens.get(j - 1)[1];
          char sep = text.charAt(tokens.get(j - 1)[1]);
          if (gap != 1 || (sep != ' ' && sep != '-')) {
            break;
          }
          if (isGroupedVin(text.substring(tokens.get(i)[0], tokens.get(j)[1]))) {
            found = j;
            break;
          }
        }
        if (found >= 0) {
          spans.add(new int[] {tokens.get(i)[0], tokens.get(found)[1]});
          i = found + 1;
        } else {
          i++;
        }
      }
      return spans;
    }
  }

  /**
   * Groups are a VIN when they add up to 17 characters with at least 4 digits and 2 letters, all in
   * one case, and every group after the first (the maker's code) has a digit: "0K010 cracked" is not.
   */
  static boolean isGroupedVin(String value) {
    String compact = value.replace(" ", "").replace("-", "");
    if (compact.length() != 17 || !(compact.equals(compact.toUpperCase(java.util.Locale.ROOT))
        || compact.equals(compact.toLowerCase(java.util.Locale.ROOT)))) {
      return false;
    }
    String[] groups = value.split("[ -]");
    for (int g = 1; g < groups.length; g++) {
      if (!hasDigit(groups[g])) {
        return false;
      }
    }
    int digits = 0;
    int letters = 0;
    for (char c : compact.toCharArray()) {
      if (Character.isDigit(c)) {
        digits++;
      } else {
        letters++;
      }
    }
    return digits >= 4 && letters >= 2;
  }

  /** The name words of a street address are not ordinary words ("3 cars on the road" is no address). */
  static boolean isStreet(String match) {
    Matcher m = STREET_WORDS.matcher(match);
    if (!m.find()) {
      return false;
    }
    for (String w : m.group(1).trim().split("\\s+")) {
      if (NOT_STREET_WORDS.contains(w.toLowerCase(java.util.Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }

  private static final Pattern STREET_WORDS = Pattern.compile(
      "(?i)\\d{1,5}[A-Z]?(?:[-/]\\d{1,5}[A-Z]?)?,?\\s+((?:[A-Z][A-Za-z'.-]*\\s+){1,4})" + STREET_SUFFIX + "\\b");

  private static final String DIGITS_X = "0123456789Xx";
  private static final String PHONE_CHARS = "0123456789 .-()+";
  private static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领";

  /** The longest run of characters from {@code chars}, counting only digits and X as length. */
  static int longestRun(String t, String chars) {
    int best = 0;
    int run = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (chars.indexOf(c) >= 0) {
        if ((c >= '0' && c <= '9') || c == 'X' || c == 'x') {
          run++;
          best = Math.max(best, run);
        }
      } else {
        run = 0;
      }
    }
    return best;
  }

  /** True when some maximal run of ASCII letters and digits is exactly {@code n} long. */
  static boolean hasRunOfExactly(String t, int n) {
    int run = 0;
    for (int i = 0; i <= t.length(); i++) {
      char c = i < t.length() ? t.charAt(i) : ' ';
      if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
        run++;
      } else {
        if (run == n) {
          return true;
        }
        run = 0;
      }
    }
    return false;
  }

  /** The plain characters a regex starts with ({@code M-} of {@code M-\d+}), for a quick contains test. */
  static String literalPrefix(String regex) {
    StringBuilder sb = new StringBuilder();
    for (char c : regex.toCharArray()) {
      if ("\\[](){}.*+?^$|".indexOf(c) >= 0) {
        break;
      }
      sb.append(c);
    }
    // a quantifier may follow and make the last plain character optional
    return sb.length() > 1 ? sb.substring(0, sb.length() - 1) : "";
  }

  static boolean hasProvinceCharacter(String t) {
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c >= 0x4E00 && PROVINCES.indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }

  static boolean containsIgnoreCase(String t, String word) {
    for (int i = 0; i + word.length() <= t.length(); i++) {
      if (t.regionMatches(true, i, word, 0, word.length())) {
        return true;
      }
    }
    return false;
  }

  /**
   * A known value as a pattern: any case, any run of spaces where it has one, and for a value that
   * starts or ends with a Latin letter or digit, not inside a longer word ("Li" is not in "Lisa").
   */
  static Pattern knownValue(String value) {
    StringBuilder p = new StringBuilder();
    if (Character.isLetterOrDigit(value.charAt(0)) && value.charAt(0) < 0x2E80) {
      p.append("(?<![\\p{L}\\p{N}])");
    }
    String[] parts = value.split("\\s+");
    for (int i = 0; i < parts.length; i++) {
      p.append(i == 0 ? "" : "\\s+").append(Pattern.quote(parts[i]));
    }
    char last = value.charAt(value.length() - 1);
    if (Character.isLetterOrDigit(last) && last < 0x2E80) {
      p.append("(?![\\p{L}\\p{N}])");
    }
    return Pattern.compile(p.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** A new mapping for one call; {@code names} are literal values (names, addresses...) always redacted. */
  public Session session(Collection<String> names) {
    return new Session(names);
  }

  /** The placeholders of one call, so the answer can be restored. */
  public final class Session {
    private final Map<String, String> byValue = new HashMap<>();
    private final Map<String, String> byPlaceholder = new LinkedHashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();
    private final List<Pattern> names;

    private Session(Collection<String> names) {
      List<String> n = new ArrayList<>();
      for (String s : names) {
        if (s != null && s.strip().length() >= 2 && !n.contains(s.strip())) {
          n.add(s.strip());
        }
      }
      n.sort(Comparator.comparingInt(String::length).reversed());
      List<Pattern> patterns = new ArrayList<>(n.size());
      for (String name : n) {
        patterns.add(knownValue(name));
      }
      this.names = patterns;
    }

    /** {@code text} with every personal value replaced by its placeholder. */
    public String redact(String text) {
      if (text == null || text.isEmpty()) {
        return text;
      }
      String out = text;
      for (Pattern name : names) {
        out = replaceSpans(out, "NAME", regex(name, 0, v -> true).find(out));
      }
      for (Rule rule : rules) {
        if (rule.mayMatch.test(out)) {
          out = replaceSpans(out, rule.label, rule.finder.find(out));
        }
      }
      return out;
    }

    private String replaceSpans(String text, String label, List<int[]> spans) {
      if (spans.isEmpty()) {
        return text;
      }
      StringBuilder sb = new StringBuilder(text.length());
      int last = 0;
      for (int[] span : spans) {
        if (span[0] < last) {
          continue;
        }
        String value = text.substring(span[0], span[1]);
        if (value.indexOf('[') >= 0 || value.indexOf(']') >= 0) {
          continue; // already (partly) a placeholder
        }
        sb.append(text, last, span[0]).append(placeholder(label, value));
        last = span[1];
      }
      sb.append(text, last, text.length());
      return sb.toString();
    }

    /** {@code text} with every placeholder of this session replaced by its real value. */
    public String restore(String text) {
      if (text == null || byPlaceholder.isEmpty() || text.indexOf('[') < 0) {
        return text;
      }
      String out = text;
      for (var e : byPlaceholder.entrySet()) {
        if (out.contains(e.getKey())) {
          out = out.replace(e.getKey(), e.getValue());
        }
      }
      return out;
    }

    /** {@code text} with the real values this session has seen replaced by their placeholders. */
    public String reapply(String text) {
      if (text == null || byValue.isEmpty()) {
        return text;
      }
      String out = text;
      List<String> values = new ArrayList<>(byValue.keySet());
      values.sort(Comparator.comparingInt(String::length).reversed());
      for (String v : values) {
        if (out.contains(v)) {
          out = out.replace(v, byValue.get(v));
        }
      }
      return out;
    }

    /** Placeholder to real value, in order of first appearance. */
    public Map<String, String> placeholders() {
      return Map.copyOf(byPlaceholder);
    }

    private String placeholder(String label, String value) {
      String known = byValue.get(value);
      if (known != null) {
        return known;
      }
      int n = counters.merge(label, 1, Integer::sum);
      String p = "[" + label + "_" + n + "]";
      byValue.put(value, p);
      byPlaceholder.put(p, value);
      return p;
    }
  }
}
