package com.carmutual.text2data.model;

import com.carmutual.text2data.warehouse.Warehouse;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads the semantic model at start-up and validates it against the warehouse (fails start-up if it does not match). */
@Factory
class SemanticLayerFactory {
  private static final Logger LOG = LoggerFactory.getLogger(SemanticLayerFactory.class);

  @Context
  // the last eager bean: the embedded warehouse is built meanwhile on its own thread (Warehouse)
  @Order(Ordered.LOWEST_PRECEDENCE)
  @Singleton
  SemanticModel semanticModel(
      @Value("${text2data.semantic-model:semantic-model.yaml}") String location, Warehouse warehouse) {
    SemanticModel model = SemanticModelLoader.load(location);
    Connection c = null;
    try {
      c = warehouse.acquire();
      ModelValidator.validate(model, c);
    } catch (SQLException e) {
      throw new SemanticModelException("cannot reach the warehouse to validate the semantic model: " + e.getMessage());
    } finally {
      if (c != null) {
        warehouse.release(c);
      }
    }
    LOG.info("semantic model {} validated against {}: {} metrics, {} dimensions", location, warehouse.url(),
        model.metrics().size(), model.dimensions().size());
    return model;
  }
}
