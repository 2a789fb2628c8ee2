package com.carmutual.phone.dialogue;

import com.carmutual.phone.understand.SlotSpec;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A slot value's rules, checked whoever extracted it (the model or the parsers): loss dates not in
 * the future nor more than two years back, start dates not in the past, numbers in range, plates and
 * member ids in their formats. Null is valid only for a nullable slot.
 */
final class Validation {
  private Validation() {}

  static boolean valid(SlotSpec spec, String v, LocalDate today) {
    if (v == null) {
      return spec.nullable();
    }
    try {
      return switch (spec.type()) {
        case "date" -> {
          LocalDate d = LocalDate.parse(v);
          if ("past".equals(spec.direction())) {
            yield !d.isAfter(today) && !d.isBefore(today.minusYears(2));
          }
          if ("future".equals(spec.direction())) {
            yield !d.isBefore(today) && !d.isAfter(today.plusYears(2));
          }
          yield true;
        }
        case "time" -> {
          LocalTime.parse(v);
          yield true;
        }
        case "yes_no" -> v.equals("true") || v.equals("false");
        case "number", "money", "score" -> {
          double d = Double.parseDouble(v);
          boolean inRange = (spec.min() == null || d >= spec.min()) && (spec.max() == null || d <= spec.max());
          yield inRange && (!spec.type().equals("score") || d == Math.rint(d));
        }
        case "plate" -> v.matches("[A-Z0-9]{2,8}") || v.matches("[\\u4e00-\\u9fff][A-Z][A-Z0-9]{5,6}");
        case "member_id" -> v.matches("M\\d{6}");
        default -> !v.isBlank() && v.length() <= 1000;
      };
    } catch (RuntimeException e) {
      return false;
    }
  }
}
