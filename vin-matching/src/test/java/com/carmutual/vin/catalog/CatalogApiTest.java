package com.carmutual.vin.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(environments = "test", transactional = false)
class CatalogApiTest {
  @Inject
  @Client("/")
  HttpClient http;

  @Inject Catalog catalog;

  @Test
  void seedsTheShippedCatalogAndReadsARow() {
    assertEquals(1562, catalog.rows().size());
    Map<?, ?> row = http.toBlocking().retrieve(HttpRequest.GET("/v1/catalog/CAT-001985").bearerAuth("test-key"), Map.class);
    assertEquals("F150", row.get("model"));
  }

  @Test
  void unknownRowIs404() {
    try {
      http.toBlocking().exchange(HttpRequest.GET("/v1/catalog/CAT-999999").bearerAuth("test-key"), String.class);
      throw new AssertionError("found a missing row");
    } catch (HttpClientResponseException e) {
      assertEquals(404, e.getStatus().getCode());
    }
  }

  @Test
  void badFileChangesNothingAndListsEveryBadRow() {
    int before = catalog.rows().size();
    String csv = "catalog_id,make,model,model_year,trim,body_style,engine,fuel,msrp_usd,risk_class\n"
        + "CAT-100001,FORD,F150,2024,XL 2.7L,PICKUP,2.7L V6,GAS,40000,5\n"
        + "CAT-10002,FORD,F150,2024,XLT 2.7L,PICKUP,2.7L V6,GAS,45000,5\n"
        + "CAT-100003,FORD,F150,20x4,XLT 3.5L,PICKUP,3.5L V6,GAS,45000,5\n"
        + "CAT-100004,FORD,F150,2024,LARIAT,PICKUP,3.5L V6,WATER,45000,12\n";
    try {
      http.toBlocking().exchange(HttpRequest.PUT("/v1/catalog", csv).contentType("text/csv").bearerAuth("test-key"), String.class);
      throw new AssertionError("accepted a bad file");
    } catch (HttpClientResponseException e) {
      assertEquals(422, e.getStatus().getCode());
      String body = e.getResponse().getBody(String.class).orElse("");
      assertTrue(body.contains("line 3") && body.contains("line 4") && body.contains("line 5"), body);
      assertTrue(!body.contains("line 2 "), body);
    }
    assertEquals(before, catalog.rows().size());
    assertTrue(catalog.find("CAT-001985").isPresent());
  }

  @Test
  void goodFileReplacesTheWholeCatalogThenRestores() throws Exception {
    String seed = new String(getClass().getClassLoader().getResourceAsStream(Catalog.SEED).readAllBytes());
    String csv = "catalog_id,make,model,model_year,trim,body_style,engine,fuel,msrp_usd,risk_class\n"
        + "CAT-100001,FORD,F150,2024,XL 2.7L,PICKUP,2.7L V6,GAS,40000,5\n";
    Map<?, ?> out = http.toBlocking().retrieve(HttpRequest.PUT("/v1/catalog", csv).contentType("text/csv").bearerAuth("test-key"), Map.class);
    assertEquals(1, out.get("rows"));
    assertEquals(1, catalog.rows().size());
    http.toBlocking().retrieve(HttpRequest.PUT("/v1/catalog", seed).contentType("text/csv").bearerAuth("test-key"), Map.class);
    assertEquals(1562, catalog.rows().size());
  }
}
