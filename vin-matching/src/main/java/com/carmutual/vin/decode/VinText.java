package com.carmutual.vin.decode;

import com.carmutual.shared.problem.Problem;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns user text into a canonical VIN or says precisely why it cannot be one: 17 characters from
 * {@code 0-9 A-Z} without I, O and Q. Lower case is upper-cased, surrounding and inner blanks and
 * hyphens are dropped, and full-width forms are folded (NFKC); look-alike letters from other
 * scripts (Cyrillic {@code А}, Greek {@code Ο}) are rejected with their position, never guessed.
 */
final class VinText {
  private VinText() {}

  static String normalise(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new InvalidVinException("The VIN is empty; a VIN has 17 characters",
          List.of(new Problem.FieldError("vin", "empty")));
    }
    String folded = Normalizer.normalize(raw, Normalizer.Form.NFKC);
    StringBuilder sb = new StringBuilder(17);
    for (int i = 0; i < folded.length(); i++) {
      char ch = folded.charAt(i);
      if (Character.isWhitespace(ch) || Character.isSpaceChar(ch) || ch == '-') {
        continue;
      }
      sb.append(ch);
    }
    String vin = sb.toString().toUpperCase(Locale.ROOT);
    List<Problem.FieldError> errors = new ArrayList<>();
    for (int i = 0; i < vin.length(); i++) {
      char ch = vin.charAt(i);
      int pos = i + 1;
      if (ch == 'I' || ch == 'O' || ch == 'Q') {
        errors.add(new Problem.FieldError("vin[" + pos + "]",
            "position " + pos + " is '" + ch + "'; I, O and Q never occur in a VIN (did you mean "
                + (ch == 'I' ? "1" : "0") + "?)"));
      } else if (!((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z'))) {
        errors.add(new Problem.FieldError("vin[" + pos + "]", "position " + pos + " is "
            + describe(vin.codePointAt(i)) + ", not a digit or Latin capital letter"));
      }
      if (errors.size() >= 17) {
        break;
      }
    }
    int length = vin.codePointCount(0, vin.length());
    if (length != 17) {
      errors.add(0, new Problem.FieldError("vin", "has " + length + " characters; a VIN has 17"));
    }
    if (!errors.isEmpty()) {
      StringBuilder detail = new StringBuilder("Not a valid VIN: ");
      for (int i = 0; i < errors.size(); i++) {
        detail.append(i == 0 ? "" : "; ").append(errors.get(i).message());
      }
      throw new InvalidVinException(detail.toString(), errors);
    }
    return vin;
  }

  private static String describe(int codePoint) {
    String name = Character.getName(codePoint);
    return String.format(Locale.ROOT, "U+%04X%s", codePoint, name == null ? "" : " " + name);
  }
}
