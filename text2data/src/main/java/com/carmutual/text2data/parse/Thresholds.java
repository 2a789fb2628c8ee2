package com.carmutual.text2data.parse;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Comparisons with a number in a question: "more than 10k", "at least 50", "5,000 or more",
 * 超过1万, 50个以上. Each becomes an operator and a value; what it applies to (a row value or an
 * aggregated metric) is decided by the parser from what surrounds it.
 */
final class Thresholds {
  private Thresholds() {}

  /** One comparison found at [from, to). */
  record Threshold(String op, BigDecimal value, int from, int to) {
    String valueText() {
      return value.stripTrailingZeros().toPlainString();
    }
  }

  static List<Threshold> find(String text, boolean[] taken) {
    List<Threshold> out = new ArrayList<>();
    Matcher n = Constructions.NUMBER.matcher(text);
    while (n.find()) {
      if (!Lexicon.free(taken, n.start(), n.end())) {
        continue;
      }
      BigDecimal v = value(n.group(1), n.group(2));
      if (v == null) {
        continue;
      }
      String before = text.substring(Math.max(0, n.start() - 24), n.start());
      Matcher b = Constructions.THRESHOLD_BEFORE.matcher(before);
      String op = null;
      int from = n.start();
      if (b.find()) {
        op = opBefore(b.group(1) != null ? b.group(1) : b.group(2));
        from = n.start() - (before.length() - b.start());
      }
      String after = text.substring(n.end(), Math.min(text.length(), n.end() + 16));
      Matcher a = Constructions.THRESHOLD_AFTER.matcher(after);
      int to = n.end();
      if (a.find()) {
        String word = a.group(1) != null ? a.group(1) : a.group(2);
        String afterOp = opAfter(word);
        if (op == null || op.equals(afterOp) || (op.startsWith(">") && afterOp.startsWith(">"))) {
          op = op == null ? afterOp : op;
          to = n.end() + a.end();
        }
      }
      if (op != null) {
        out.add(new Threshold(op, v, from, to));
      }
    }
    return out;
  }

  private static String opBefore(String w) {
    return switch (w.strip()) {
      case "more than", "greater than", "higher than", "larger than", "bigger than", "over", "above", "exceeding", "exceeds", "exceeded",
          "in excess of", "超过", "大于", "高于", "多于" -> ">";
      case "at least", "no less than", "not less than", "不少于", "不低于", "至少", "达到", "满" -> ">=";
      case "less than", "fewer than", "lower than", "smaller than", "under", "below", "少于", "低于", "小于", "不足", "不到" -> "<";
      default -> "<=";
    };
  }

  private static String opAfter(String w) {
    return switch (w.strip()) {
      case "or more", "or above", "or higher", "and above", "and up", "plus", "+", "以上", "及以上", "或以上" -> ">=";
      case "多", "余" -> ">";
      default -> "<=";
    };
  }

  /** The number a phrase names (digits with thousands separators, k/万 suffixes, number words, Chinese numerals). */
  static BigDecimal value(String digits, String suffix) {
    BigDecimal v;
    if (digits.matches("[0-9][0-9,]*(\\.[0-9]+)?")) {
      v = new BigDecimal(digits.replace(",", ""));
    } else {
      int w = digits.matches("[a-z]+") ? DeterministicParser.number(digits) : chinese(digits);
      if (w < 0) {
        return null;
      }
      v = BigDecimal.valueOf(w);
    }
    if (suffix == null) {
      return v;
    }
    return switch (suffix) {
      case "k", "thousand", "千" -> v.multiply(BigDecimal.valueOf(1000));
      case "w", "万" -> v.multiply(BigDecimal.valueOf(10000));
      case "m", "million" -> v.multiply(BigDecimal.valueOf(1000000));
      default -> v;
    };
  }

  private static int chinese(String s) {
    if (s.endsWith("万")) {
      int head = s.length() == 1 ? 1 : Text.number(s.substring(0, s.length() - 1));
      return head < 0 ? -1 : head * 10000;
    }
    return Text.number(s);
  }
}
