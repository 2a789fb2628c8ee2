package com.carmutual.shared.gateway.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The corpus in {@code redaction/pii.txt} (over 100 pieces of personal data in English and Chinese,
 * each in a sentence) is redacted with the gateway's default member-id pattern, and restored; the
 * sentences of {@code redaction/not-pii.txt} (damage, amounts, dates, part numbers) come back unchanged.
 */
class RedactionCorpusTest {
  /** The gateway's default (llm.redaction.member-id-pattern). */
  static final Redactor REDACTOR = new Redactor("M-?\\d{4,10}");

  record Case(int line, String kind, String value, String text) {}

  static List<Case> pii() throws IOException {
    List<Case> out = new ArrayList<>();
    List<String> lines = lines("/redaction/pii.txt");
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (l.isBlank() || l.startsWith("#")) {
        continue;
      }
      String[] p = l.split("\\|", 3);
      out.add(new Case(i + 1, p[0], p[1], p[2]));
    }
    return out;
  }

  static List<String> lines(String resource) throws IOException {
    try (InputStream in = RedactionCorpusTest.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  @Test
  void everyPieceOfPersonalDataInTheCorpusIsRedactedAndRestored() throws IOException {
    List<Case> cases = pii();
    assertTrue(cases.size() >= 100, "corpus has only " + cases.size() + " entries");
    assertTrue(cases.stream().filter(c -> c.text().codePoints().anyMatch(cp -> cp >= 0x4E00 && cp <= 0x9FFF)).count() >= 30,
        "the corpus needs Chinese text too");
    Map<String, String> leaks = new LinkedHashMap<>();
    for (Case c : cases) {
      assertTrue(c.text().contains(c.value()), "line " + c.line() + ": the value is not in its text");
      Redactor.Session s = REDACTOR.session(c.kind().equals("NAME") ? List.of(c.value()) : List.of());
      String redacted = s.redact(c.text());
      String digits = c.value().replaceAll("[^0-9]", "");
      boolean leaked = containsIgnoringCase(redacted, c.value())
          || (c.kind().equals("PHONE") && redacted.replaceAll("[^0-9]", "").contains(digits.substring(Math.max(0, digits.length() - 8))));
      if (leaked || !redacted.contains("[")) {
        leaks.put("line " + c.line() + " " + c.kind(), redacted);
      }
      assertEquals(c.text(), s.restore(redacted), "line " + c.line() + " does not restore");
    }
    assertTrue(leaks.isEmpty(), leaks.size() + " of " + cases.size() + " leaked: " + leaks);
  }

  @Test
  void eachKindIsLabelledAsWhatItIs() throws IOException {
    Map<String, String> wrong = new LinkedHashMap<>();
    for (Case c : pii()) {
      String label = switch (c.kind()) {
        case "NAME" -> "[NAME_";
        default -> "[" + c.kind() + "_";
      };
      String redacted = REDACTOR.session(c.kind().equals("NAME") ? List.of(c.value()) : List.of()).redact(c.text());
      if (!redacted.contains(label)) {
        wrong.put("line " + c.line(), redacted);
      }
    }
    assertTrue(wrong.isEmpty(), wrong.toString());
  }

  @Test
  void ordinaryClaimTextStaysUntouched() throws IOException {
    List<String> changed = new ArrayList<>();
    int n = 0;
    for (String l : lines("/redaction/not-pii.txt")) {
      if (l.isBlank() || l.startsWith("#")) {
        continue;
      }
      n++;
      String out = REDACTOR.session(List.of()).redact(l);
      if (!out.equals(l)) {
        changed.add(out);
      }
    }
    assertTrue(n >= 30, "only " + n + " sentences");
    assertTrue(changed.isEmpty(), changed.size() + " of " + n + " changed: " + changed);
  }

  private static boolean containsIgnoringCase(String text, String value) {
    return text.toLowerCase(java.util.Locale.ROOT).contains(value.toLowerCase(java.util.Locale.ROOT));
  }
}
