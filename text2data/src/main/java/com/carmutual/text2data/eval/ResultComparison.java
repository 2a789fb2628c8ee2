package com.carmutual.text2data.eval;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares result rows with expected rows: same number of columns and rows, cells equal
 * position by position (numbers within one unit of the expected value's last decimal place, at
 * least 0.01; NULL only equals NULL), rows order-insensitive unless {@code ordered}.
 */
public final class ResultComparison {
  private ResultComparison() {}

  /** Null when equal, else the first difference. */
  public static String difference(List<List<String>> expected, List<List<Object>> actual, boolean ordered) {
    if (expected.size() != actual.size()) {
      return "expected " + expected.size() + " rows, got " + actual.size();
    }
    List<List<Object>> remaining = new ArrayList<>(actual);
    for (int r = 0; r < expected.size(); r++) {
      List<String> e = expected.get(r);
      if (ordered) {
        String d = rowDifference(e, actual.get(r));
        if (d != null) {
          return "row " + (r + 1) + ": " + d;
        }
        continue;
      }
      int hit = -1;
      for (int i = 0; i < remaining.size(); i++) {
        if (rowDifference(e, remaining.get(i)) == null) {
          hit = i;
          break;
        }
      }
      if (hit < 0) {
        return "no result row matches expected row " + e;
      }
      remaining.remove(hit);
    }
    return null;
  }

  static String rowDifference(List<String> expected, List<Object> actual) {
    if (expected.size() != actual.size()) {
      return "expected " + expected.size() + " columns, got " + actual.size();
    }
    for (int c = 0; c < expected.size(); c++) {
      if (!cellEquals(expected.get(c), actual.get(c))) {
        return "column " + (c + 1) + ": expected " + expected.get(c) + ", got " + actual.get(c);
      }
    }
    return null;
  }

  static boolean cellEquals(String expected, Object actual) {
    if (expected == null || expected.equals("NULL") || expected.isEmpty()) {
      return actual == null;
    }
    if (actual == null) {
      return false;
    }
    BigDecimal e = number(expected);
    BigDecimal a = number(String.valueOf(actual));
    if (e != null && a != null) {
      int decimals = Math.max(2, Math.max(0, e.scale()));
      BigDecimal tolerance = BigDecimal.ONE.movePointLeft(decimals).multiply(new BigDecimal("1.0001"));
      return e.subtract(a).abs().compareTo(tolerance) <= 0;
    }
    return expected.equals(String.valueOf(actual));
  }

  private static BigDecimal number(String s) {
    if (s == null || !s.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
      return null;
    }
    return new BigDecimal(s);
  }

  /** Parses TSV text (header line first) into rows without the header. */
  public static List<List<String>> tsvRows(String tsv) {
    List<List<String>> rows = new ArrayList<>();
    String[] lines = tsv.split("\r?\n");
    for (int i = 1; i < lines.length; i++) {
      if (!lines[i].isEmpty()) {
        rows.add(List.of(lines[i].split("\t", -1)));
      }
    }
    return rows;
  }
}
