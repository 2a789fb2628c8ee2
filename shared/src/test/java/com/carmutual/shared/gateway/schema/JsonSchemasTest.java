package com.carmutual.shared.gateway.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonSchemasTest {
  enum Severity { MINOR, SEVERE }

  record Part(String name, double cost) {}

  record Estimate(String claimId, int parts, Severity severity, List<Part> items, @Nullable String note, boolean total) {}

  record Loose(Map<String, Integer> counts) {}

  private final JsonMapper json = JsonMapper.createDefault();

  private List<String> errors(String body) throws Exception {
    return SchemaValidator.validate(json.readValue(body, JsonNode.class), JsonSchemas.of(Estimate.class).schema());
  }

  @Test
  @SuppressWarnings("unchecked")
  void describesRecordsWithRequiredFieldsTypesEnumsArraysAndNesting() {
    Map<String, Object> s = JsonSchemas.of(Estimate.class).schema();
    assertEquals("object", s.get("type"));
    assertEquals(List.of("claimId", "parts", "severity", "items", "note", "total"), s.get("required"));
    Map<String, Object> props = (Map<String, Object>) s.get("properties");
    assertEquals("integer", ((Map<String, Object>) props.get("parts")).get("type"));
    assertEquals(List.of("MINOR", "SEVERE"), ((Map<String, Object>) props.get("severity")).get("enum"));
    assertEquals(List.of("string", "null"), ((Map<String, Object>) props.get("note")).get("type"));
    Map<String, Object> items = (Map<String, Object>) ((Map<String, Object>) props.get("items")).get("items");
    assertEquals("number", ((Map<String, Object>) ((Map<String, Object>) items.get("properties")).get("cost")).get("type"));
    assertTrue(JsonSchemas.of(Estimate.class).strictCompatible());
    assertFalse(JsonSchemas.of(Loose.class).strictCompatible());
  }

  @Test
  void acceptsAFittingValueAndAMissingNullableField() throws Exception {
    assertEquals(List.of(), errors(
        "{\"claimId\":\"C1\",\"parts\":2,\"severity\":\"MINOR\",\"items\":[{\"name\":\"bumper\",\"cost\":120.5}],\"total\":false}"));
  }

  @Test
  void reportsEachViolationWithItsPath() throws Exception {
    List<String> e = errors(
        "{\"claimId\":7,\"parts\":2.5,\"severity\":\"HUGE\",\"items\":[{\"name\":\"x\"}],\"note\":null}");
    assertTrue(e.contains("$.claimId: expected a string"), e.toString());
    assertTrue(e.contains("$.parts: expected an integer"), e.toString());
    assertTrue(e.stream().anyMatch(x -> x.startsWith("$.severity: 'HUGE' is not one of")), e.toString());
    assertTrue(e.contains("$.items[0].cost: is required"), e.toString());
    assertTrue(e.contains("$.total: is required"), e.toString());
  }

  @Test
  void rejectsAWrongShape() throws Exception {
    assertEquals(List.of("$: expected an object"), errors("[1,2]"));
    assertEquals(List.of("$.items: expected an array"),
        errors("{\"claimId\":\"C\",\"parts\":1,\"severity\":\"MINOR\",\"items\":{},\"total\":true}"));
  }
}
