package com.carmutual.text2data.model;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.text2data.TestWarehouse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

class ModelValidatorTest {

  @Test
  void listsEveryMissingTableAndColumn() throws Exception {
    String yaml = """
        time_spine: {table: dim_date, column: date_day}
        entities:
          claim: {table: claims, key: claim_id, time: filed_at}
          ghost: {table: no_such_table, key: id}
        dimensions:
          claim.colour: {column: colour}
        metrics:
          claim_count: {type: simple, entity: claim, agg: count}
          bad_sum: {type: simple, entity: claim, agg: sum, expr: "claimed_amount * bogus"}
        """;
    SemanticModel model = SemanticModelLoader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    TestWarehouse tw = TestWarehouse.get();
    Connection c = tw.warehouse.acquire();
    try {
      SemanticModelException e = assertThrows(SemanticModelException.class, () -> ModelValidator.validate(model, c));
      assertTrue(e.getMessage().contains("table no_such_table does not exist"), e.getMessage());
      assertTrue(e.getMessage().contains("column claims.colour does not exist"), e.getMessage());
      assertTrue(e.getMessage().contains("column claims.bogus does not exist"), e.getMessage());
    } finally {
      tw.warehouse.release(c);
    }
  }

  @Test
  void shippedModelMatchesTheDemoWarehouse() throws Exception {
    TestWarehouse tw = TestWarehouse.get();
    Connection c = tw.warehouse.acquire();
    try {
      ModelValidator.validate(tw.model, c);
    } finally {
      tw.warehouse.release(c);
    }
  }

  @Test
  void malformedModelNamesTheEntry() {
    String yaml = "time_spine: {table: dim_date, column: date_day}\nentities: {}\nmetrics:\n  m: {type: simple, agg: sum}\n";
    SemanticModelException e = assertThrows(SemanticModelException.class,
        () -> SemanticModelLoader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "bad.yaml"));
    assertTrue(e.getMessage().contains("metric m"), e.getMessage());
  }
}
