package com.carmutual.vin.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.shared.problem.ProblemException;
import org.junit.jupiter.api.Test;

class CatalogCsvTest {
  static final String HEADER = "catalog_id,make,model,model_year,trim,body_style,engine,fuel,msrp_usd,risk_class\n";

  @Test
  void parsesQuotedFieldsAndBlankEngine() {
    var rows = CatalogCsv.parse(HEADER + "CAT-000001,FORD,\"F150, SUPER\",2024,\"XL \"\"BASE\"\"\",PICKUP,,GAS,1000,3\n");
    assertEquals("F150, SUPER", rows.get(0).model());
    assertEquals("XL \"BASE\"", rows.get(0).trim());
    assertEquals(null, rows.get(0).engine());
  }

  @Test
  void reportsDuplicateIdsAndTrimsAndMissingColumns() {
    ProblemException e = assertThrows(ProblemException.class, () -> CatalogCsv.parse(HEADER
        + "CAT-000001,FORD,F150,2024,XL,PICKUP,,GAS,1000,3\n"
        + "CAT-000001,FORD,F150,2024,XLT,PICKUP,,GAS,1000,3\n"
        + "CAT-000002,FORD,F150,2024,XL,PICKUP,,GAS,1000,3\n"));
    assertEquals(2, e.errors().size(), e.errors().toString());
    assertTrue(e.errors().get(0).message().contains("twice"));
    ProblemException header = assertThrows(ProblemException.class, () -> CatalogCsv.parse("catalog_id,make\nCAT-000001,FORD\n"));
    assertTrue(header.getMessage().contains("model_year"), header.getMessage());
    assertThrows(ProblemException.class, () -> CatalogCsv.parse(""));
  }

  @Test
  void shippedCatalogIsValid() throws Exception {
    String seed = new String(getClass().getClassLoader().getResourceAsStream(Catalog.SEED).readAllBytes());
    assertEquals(1562, CatalogCsv.parse(seed).size());
  }
}
