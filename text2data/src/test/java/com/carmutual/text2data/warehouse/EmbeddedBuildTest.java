package com.carmutual.text2data.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The embedded warehouse is built on its own thread from the moment the bean exists (docs/adr/1902):
 * the first use waits for it and sees the whole demo warehouse; a build that fails makes every use
 * fail with the build's own error (as a failing constructor did), and closing it is still safe.
 */
class EmbeddedBuildTest {
  @Test
  void theFirstConnectionWaitsForTheBuildAndSeesTheWholeWarehouse() throws Exception {
    try (Warehouse w = new Warehouse(WarehouseConfig.embeddedDefault())) {
      assertTrue(w.isEmbedded(), "known before the build ends");
      Connection c = w.acquire();
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM app_events")) {
        assertTrue(rs.next());
        assertEquals(148_000, rs.getLong(1), 5_000, "the demo's app events, all of them");
      } finally {
        w.release(c);
      }
    }
  }

  @Test
  void aFailedBuildFailsEveryUseWithItsOwnErrorAndClosesCleanly() {
    WarehouseConfig unusable = new WarehouseConfig(null, null, null, null, null, null, null, "not-a-size", null);
    Warehouse w = new Warehouse(unusable);
    RuntimeException first = assertThrows(RuntimeException.class, w::acquire);
    RuntimeException second = assertThrows(RuntimeException.class, w::acquire);
    assertEquals(first.getMessage(), second.getMessage(), "the same failure each time");
    assertTrue(first.getMessage().toLowerCase().contains("memory") || String.valueOf(first.getCause()).toLowerCase().contains("memory"),
        "the build's own error (the bad memory limit): " + first);
    w.close();
  }
}
