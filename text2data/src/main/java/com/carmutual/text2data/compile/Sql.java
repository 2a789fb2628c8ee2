package com.carmutual.text2data.compile;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/** Literal writing for compiled SQL: values are checked, never spliced raw. */
final class Sql {
  private Sql() {}

  /** A string literal; refuses values that could only be an attempt to escape the literal. */
  static String str(String value) {
    if (value == null || value.length() > 100) {
      throw new CompileException("filter value is missing or too long");
    }
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch == '\\' || Character.isISOControl(ch) || ch == '\u0000') {
        throw new CompileException("filter value contains characters that are not allowed: " + value.strip());
      }
    }
    return "'" + value.replace("'", "''") + "'";
  }

  static String strList(List<String> values) {
    return values.stream().map(Sql::str).collect(Collectors.joining(", "));
  }

  static String date(LocalDate d) {
    return "DATE '" + d + "'";
  }

  static String timestamp(LocalDate d) {
    return "TIMESTAMP '" + d + " 00:00:00'";
  }

  static String number(String value) {
    if (value == null || !value.matches("-?[0-9]{1,15}(\\.[0-9]{1,6})?")) {
      throw new CompileException("not a number: " + value);
    }
    return value;
  }
}
