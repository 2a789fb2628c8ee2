package com.carmutual.shared.llmops.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WindowTest {

  @Test
  void ratesAndP95OverTheLastCallsInsideTheWindow() {
    Window w = new Window(10);
    for (int i = 0; i < 20; i++) {
      // the first ten are pushed out of the ring by the last ten
      w.add(1_000 + i, i < 10 ? Window.ERROR : 0, 1_000);
    }
    assertEquals(new Window.Figures(10, 0, 0, 0, 1), w.figures(1_020, 60_000));
    for (int i = 0; i < 10; i++) {
      byte flag = i < 2 ? (byte) (Window.ERROR | Window.SCHEMA_FAILURE) : i < 5 ? Window.FALLBACK : 0;
      w.add(2_000 + i, flag, (i + 1) * 10_000L);
    }
    Window.Figures f = w.figures(2_010, 60_000);
    assertEquals(10, f.calls());
    assertEquals(0.2, f.errorRate(), 1e-9);
    assertEquals(0.2, f.schemaFailureRate(), 1e-9);
    assertEquals(0.3, f.fallbackRate(), 1e-9);
    assertEquals(100, f.p95LatencyMs());
  }

  @Test
  void callsOlderThanTheWindowDoNotCount() {
    Window w = new Window(10);
    w.add(0, Window.ERROR, 1_000);
    w.add(50_000, (byte) 0, 2_000);
    assertEquals(new Window.Figures(1, 0, 0, 0, 2), w.figures(60_000, 30_000));
  }
}
