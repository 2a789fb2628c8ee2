package com.carmutual.text2data.warehouse;

import com.carmutual.shared.problem.BusyException;
import java.time.Duration;

/** Every warehouse connection is busy and the waiting line is full (or waited too long). */
public final class WarehouseBusyException extends BusyException {
  WarehouseBusyException(int capacity) {
    super("warehouse-busy", "the warehouse is answering " + capacity + " questions already; ask again in a moment", Duration.ofSeconds(2));
  }
}
