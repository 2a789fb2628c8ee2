package com.carmutual.text2data.parse;

import com.carmutual.shared.gateway.LlmGateway;
import com.carmutual.text2data.model.SemanticModel;
import com.carmutual.text2data.warehouse.Warehouse;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Builds the deterministic parser from the model, the warehouse's open values and the gateway's embeddings. */
@Factory
class ParserFactory {
  @Singleton
  DeterministicParser deterministicParser(SemanticModel model, Warehouse warehouse, LlmGateway gateway) {
    return new DeterministicParser(model, warehouse.openValues(model), gateway::embed);
  }
}
