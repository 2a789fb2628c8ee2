package com.carmutual.text2data.compile;

import java.util.Locale;

/** A part of a date used as a dimension: {@code <time dimension>__hour}, {@code __day_of_week} (ISO, 1 = Monday), {@code __month_of_year}. */
enum DatePart {
  HOUR("hour", "HOUR", null),
  DAY_OF_WEEK("day_of_week", "ISODOW", new String[] {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}),
  MONTH_OF_YEAR("month_of_year", "MONTH", new String[] {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"});

  private final String suffix;
  private final String field;
  private final String[] names;

  DatePart(String suffix, String field, String[] names) {
    this.suffix = suffix;
    this.field = field;
    this.names = names;
  }

  /** The part a dimension name asks for, or null. */
  static DatePart of(String dimension) {
    int i = dimension.lastIndexOf("__");
    if (i < 0) {
      return null;
    }
    String s = dimension.substring(i + 2).toLowerCase(Locale.ROOT);
    for (DatePart p : values()) {
      if (p.suffix.equals(s)) {
        return p;
      }
    }
    return null;
  }

  static String base(String dimension) {
    return dimension.substring(0, dimension.lastIndexOf("__"));
  }

  String sql(String column, Dialect dialect) {
    return "CAST(" + dialect.extract(field, column) + " AS INTEGER)";
  }

  /** Output column name of the number. */
  String columnName() {
    return switch (this) {
      case HOUR -> "hour_of_day";
      case DAY_OF_WEEK -> "iso_dow";
      case MONTH_OF_YEAR -> "month_num";
    };
  }

  /** A CASE giving the short name of the number in {@code expr}, or null when the part has no names. */
  String nameSql(String expr) {
    if (names == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder("CASE ").append(expr);
    for (int i = 0; i < names.length; i++) {
      sb.append(" WHEN ").append(i + 1).append(" THEN '").append(names[i]).append("'");
    }
    return sb.append(" END").toString();
  }

  String nameColumn() {
    return this == DAY_OF_WEEK ? "day_name" : "month_name";
  }
}
