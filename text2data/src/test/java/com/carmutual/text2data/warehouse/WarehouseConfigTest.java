package com.carmutual.text2data.warehouse;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The warehouse configuration is printed in logs and errors: its secrets never are. */
class WarehouseConfigTest {
  @Test
  void toStringMasksThePasswordAndPasswordsInTheUrl() {
    String printed = WarehouseConfig.external("jdbc:postgresql://db:5432/wh?user=reader&password=s3cr3t-in-url", "reader", "hunter2-pw").toString();
    assertFalse(printed.contains("hunter2-pw"), printed);
    assertFalse(printed.contains("s3cr3t-in-url"), printed);
    assertTrue(printed.contains("reader"), printed);
    assertTrue(WarehouseConfig.embeddedDefault().toString().contains("embedded"));
  }
}
