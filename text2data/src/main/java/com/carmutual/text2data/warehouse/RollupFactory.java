package com.carmutual.text2data.warehouse;

import com.carmutual.text2data.model.SemanticModel;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import java.time.Clock;
import java.time.LocalDate;

/** The rollup store for the configured warehouse, built (or brought up to date) at start-up. */
@Factory
class RollupFactory {
  @Context
  // the last eager bean: the embedded warehouse is built meanwhile on its own thread (Warehouse)
  @Order(Ordered.LOWEST_PRECEDENCE)
  RollupStore rollupStore(SemanticModel model, Warehouse warehouse, WarehouseConfig warehouseConfig, RollupConfig config, Clock clock) {
    RollupStore store;
    if (!config.on() || model.rollups().isEmpty()) {
      store = RollupStore.none(model);
    } else if (warehouse.isEmbedded()) {
      store = RollupStore.embedded(model, warehouse);
    } else if (config.hasWriter()) {
      store = RollupStore.external(model, warehouseConfig.url(), config);
    } else {
      store = RollupStore.none(model);
    }
    store.refresh(LocalDate.now(clock));
    return store;
  }
}
