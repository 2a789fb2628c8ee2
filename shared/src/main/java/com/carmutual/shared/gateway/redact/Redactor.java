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

/**
 * Replaces personal data in text bound for an external model with placeholders such as {@code
 * [EMAIL_1]}, and puts the real values back in the answer. Finds e-mail addresses, Chinese
 * resident ID numbers, VINs, plates (Chinese plates, and any plate after the word "plate" or
 * 车牌), phone numbers (Chinese 11-digit mobiles and international numbers), member ids (a
 * configurable pattern) and the literal names the caller gives. Thread-safe; one {@link Session}
 * per call holds the mapping.
 */
public final class Redactor {
  /** A pattern, and a cheap test that must pass before the pattern is worth running. */
  private record Rule(String label, Pattern pattern, int group, java.util.function.Predicate<String> mayMatch) {
    Rule(String label, Pattern pattern, int group) {
      this(label, pattern, group, t -> true);
    }
  }

  private final List<Rule> rules;

  /** @param memberIdPattern regex of member ids, e.g. {@code M-\d+}; blank disables the rule */
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
    r.add(new Rule("PLATE", Pattern.compile(
        "[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领][A-Z][·\\s-]?[A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂学警港澳]"), 0,
        Redactor::hasProvinceCharacter));
    r.add(new Rule("PLATE", Pattern.compile(
        "(?i)(?:plate(?:\\s*(?:no\\.?|number|#))?|车牌(?:号码?)?)\\s*[:：#]?\\s*\"?([A-Z0-9][A-Z0-9 -]{1,8}[A-Z0-9])"), 1,
        t -> t.contains("车牌") || containsIgnoreCase(t, "plate")));
    if (memberIdPattern != null && !memberIdPattern.isBlank()) {
      String prefix = literalPrefix(memberIdPattern);
      r.add(new Rule("MEMBER", Pattern.compile("(?<![0-9A-Za-z])(?:" + memberIdPattern + ")(?![0-9A-Za-z])"), 0,
          prefix.isEmpty() ? t -> true : t -> t.contains(prefix)));
    }
    r.add(new Rule("PHONE", Pattern.compile("(?<!\\d)(?:\\+?86[ -]?)?1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4}(?!\\d)"), 0,
        t -> longestRun(t, PHONE_CHARS) >= 11));
    r.add(new Rule("PHONE", Pattern.compile(
        "(?<![\\w.])(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{2,4}\\)[ .-]?|\\d{2,4}[ .-])\\d{3,4}[ .-]?\\d{3,4}(?![\\w])"), 0,
        t -> longestRun(t, PHONE_CHARS) >= 8));
    this.rules = List.copyOf(r);
  }

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

  /** A new mapping for one call; {@code names} are literal strings always redacted. */
  public Session session(Collection<String> names) {
    return new Session(names);
  }

  /** The placeholders of one call, so the answer can be restored. */
  public final class Session {
    private final Map<String, String> byValue = new HashMap<>();
    private final Map<String, String> byPlaceholder = new LinkedHashMap<>();
    private final Map<String, Integer> counters = new HashMap<>();
    private final List<String> names;

    private Session(Collection<String> names) {
      List<String> n = new ArrayList<>();
      for (String s : names) {
        if (s != null && s.strip().length() >= 2) {
          n.add(s.strip());
        }
      }
      n.sort(Comparator.comparingInt(String::length).reversed());
      this.names = n;
    }

    /** {@code text} with every personal value replaced by its placeholder. */
    public String redact(String text) {
      if (text == null || text.isEmpty()) {
        return text;
      }
      String out = text;
      for (String name : names) {
        if (out.contains(name)) {
          out = out.replace(name, placeholder("NAME", name));
        }
      }
      for (Rule rule : rules) {
        if (!rule.mayMatch.test(out)) {
          continue;
        }
        Matcher m = rule.pattern.matcher(out);
        if (!m.find()) {
          continue;
        }
        StringBuilder sb = new StringBuilder(out.length());
        int last = 0;
        do {
          int start = m.start(rule.group);
          int end = m.end(rule.group);
          String value = out.substring(start, end);
          if (value.startsWith("[") && byPlaceholder.containsKey(value)) {
            continue;
          }
          sb.append(out, last, start).append(placeholder(rule.label, value));
          last = end;
        } while (m.find());
        sb.append(out, last, out.length());
        out = sb.toString();
      }
      return out;
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
