package com.carmutual.vin.match;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LocalRerankTest {
  @Test
  void putsTheRowSharingMostWordsFirstAndKeepsEveryRow() {
    RerankInput in = new RerankInput("Ford F-150 2024 XLT 3.5L", "xlt ecoboost", List.of(
        new RerankInput.Option("CAT-1", "2024 FORD F150 XL 3.5L ECOBOOST"),
        new RerankInput.Option("CAT-2", "2024 FORD F150 XLT 3.5L ECOBOOST"),
        new RerankInput.Option("CAT-3", "2024 FORD F150 LARIAT 3.5L")));
    RerankOutput out = new LocalRerank().run(in, List.of());
    assertEquals("CAT-2", out.order().get(0));
    assertEquals(3, out.order().size());
  }
}
