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

/** One embedded demo warehouse (schema.sql + data.sql.gz) with model, parser and compiler, shared by the plain unit tests of a JVM. */
public final class TestWarehouse {
  public static final String URL = "jdbc:h2:mem:text2data_warehouse;DB_CLOSE_DELAY=-1";
  private static TestWarehouse instance;

  public final Warehouse warehouse;
  public final SemanticModel model;
  public final SqlCompiler compiler;
  public final DeterministicParser parser;

  private TestWarehouse() throws Exception {
    long t0 = System.nanoTime();
    warehouse = new Warehouse(new WarehouseConfig(null, null, null, null, URL, 2));
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
