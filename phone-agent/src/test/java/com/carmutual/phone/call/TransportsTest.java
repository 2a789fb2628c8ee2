package com.carmutual.phone.call;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TransportsTest {
  @Test
  void gatherUnlessConfiguredOtherwise() {
    assertFalse(new Transports("gather", "").relay("fnol", "+15550001111"));
    assertFalse(new Transports("", null).relay("csat", null));
    assertTrue(new Transports("relay", "").relay("csat", null));
  }

  @Test
  void aNumberOverrideWinsOverAScriptOverrideWhichWinsOverTheDefault() {
    Transports t = new Transports("gather", "fnol=relay, +15550003333=gather ,+15550004444=relay");
    assertTrue(t.relay("fnol", "+15550001111"));
    assertFalse(t.relay("fnol", "+15550003333"));
    assertTrue(t.relay("csat", "+15550004444"));
    assertFalse(t.relay("csat", "+15550001111"));
  }

  @Test
  void anUnknownTransportStopsTheServiceFromStarting() {
    assertThrows(IllegalArgumentException.class, () -> new Transports("websocket", ""));
    assertThrows(IllegalArgumentException.class, () -> new Transports("gather", "fnol=sip"));
  }
}
