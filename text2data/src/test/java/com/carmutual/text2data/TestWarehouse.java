package com.carmutual.text2data;

import com.carmutual.shared.gateway.local.LocalEmbeddings;
import com.carmutual.text2data.compile.SqlCompiler;
import com.carmutual.text2data.model.ModelValidator;
import com.carmutual.text2data.model.SemanticModel;
import com.carmutual.text2data.model.SemanticModelLoader;
import com.carmutual.text2data.parse.DeterministicParser;
import com.carmutual.text2data.warehouse.Warehouse;
import com.carmutual.text2data.warehouse.WarehouseConfig;
import java.sql.Connection;

/** One embedded demo warehouse (the shipped columnar files) with model, parser and compiler, shared by the plain unit tests of a JVM. */
public final class TestWarehouse {
  private static TestWarehouse instance;

  public final Warehouse warehouse;
  public final SemanticModel model;
  public final SqlCompiler compiler;
  public final DeterministicParser parser;

  private TestWarehouse() throws Exception {
    long t0 = System.nanoTime();
    warehouse = new Warehouse(WarehouseConfig.embeddedDefault().withPool(2, 8));
    model = SemanticModelLoader.load("classpath:semantic-model.yaml");
    Connection c = warehouse.acquire();
    try {
      ModelValidator.validate(model, c);
    } finally {
      warehouse.release(c);
    }
    System.out.println("test warehouse ready in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    compiler = new SqlCompiler(model);
    LocalEmbeddings embeddings = new LocalEmbeddings();
    parser = new DeterministicParser(model, warehouse.openValues(model), embeddings::embed);
    System.out.println("test parser ready in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
  }

  public static synchronized TestWarehouse get() throws Exception {
    if (instance == null) {
      instance = new TestWarehouse();
    }
    return instance;
  }
}
