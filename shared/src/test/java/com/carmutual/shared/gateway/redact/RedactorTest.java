package com.carmutual.shared.gateway.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {
  private final Redactor redactor = new Redactor("M-\\d+");

  @Test
  void replacesPersonalDataWithPlaceholdersAndRestoresThem() {
    String text = "Member M-100234 (Zhang Wei, zhang.wei@example.com, 13812345678, +1 512-555-0187) "
        + "drives VIN 1FTFW5L86RFB45612 plate 沪A·12345; ID 110101199003071234. Plate: 7ABC123.";
    Redactor.Session s = redactor.session(List.of("Zhang Wei"));
    String r = s.redact(text);
    for (String secret : List.of("M-100234", "Zhang Wei", "zhang.wei@example.com", "13812345678", "512-555-0187",
        "1FTFW5L86RFB45612", "沪A·12345", "110101199003071234", "7ABC123")) {
      assertFalse(r.contains(secret), secret + " leaked in: " + r);
    }
    assertTrue(r.contains("[MEMBER_1]") && r.contains("[NAME_1]") && r.contains("[EMAIL_1]")
        && r.contains("[VIN_1]") && r.contains("[ID_1]") && r.contains("[PHONE_1]") && r.contains("[PLATE_1]"), r);
    assertEquals(text, s.restore(r));
  }

  @Test
  void sameValueGetsTheSamePlaceholder() {
    Redactor.Session s = redactor.session(List.of());
    String r = s.redact("a@b.cn wrote to c@d.cn and a@b.cn");
    assertEquals("[EMAIL_1] wrote to [EMAIL_2] and [EMAIL_1]", r);
  }

  @Test
  void leavesOrdinaryTextAndNumbersAlone() {
    String text = "Rear bumper cracked on 2025-06-10, estimate 1200.50 CNY, 3 parts, odometer 45000 km.";
    assertEquals(text, redactor.session(List.of()).redact(text));
  }

  @Test
  void reappliesPlaceholdersToTextWithRealValues() {
    Redactor.Session s = redactor.session(List.of());
    s.redact("call 13812345678");
    assertEquals("{\"phone\":\"[PHONE_1]\"}", s.reapply("{\"phone\":\"13812345678\"}"));
  }
}
