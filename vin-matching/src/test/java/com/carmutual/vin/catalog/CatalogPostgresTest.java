package com.carmutual.vin.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.carmutual.shared.problem.ProblemException;
import com.carmutual.shared.testing.PostgresSupport;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.event.StartupEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalog's persistence on PostgreSQL: migration, seed, atomic replace. */
class CatalogPostgresTest {
  @Test
  void seedsAndReplacesAtomicallyOnPostgres() {
    PostgresSupport.assumeAvailable();
    Map<String, Object> props = new java.util.HashMap<>(PostgresSupport.freshDatabase("vin_catalog"));
    try (ApplicationContext ctx = ApplicationContext.run(props, "test")) {
      Catalog catalog = ctx.getBean(Catalog.class);
      if (catalog.rows().isEmpty()) {
        catalog.onStartup(new StartupEvent(ctx));
      }
      assertEquals(1562, catalog.rows().size());
      assertThrows(ProblemException.class, () -> catalog.replace(
          "catalog_id,make,model,model_year,trim,body_style,engine,fuel,msrp_usd,risk_class\nCAT-1,X,Y,1,T,B,E,GAS,1,1\n"));
      assertEquals(1562, catalog.rows().size());
      assertEquals(1, catalog.replace(
          "catalog_id,make,model,model_year,trim,body_style,engine,fuel,msrp_usd,risk_class\n"
              + "CAT-123456,FORD,F150,2024,XL,PICKUP,2.7L V6,GAS,40000,5\n"));
      assertEquals("F150", catalog.find("CAT-123456").orElseThrow().model());
    }
  }
}
