package com.carmutual.shared.gateway.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import io.micronaut.json.tree.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a JSON value against a schema made by {@link JsonSchemas} with networknt's JSON Schema
 * validator (draft 2020-12), and words each violation as {@code $.path: problem} for the model's
 * repair prompt and the trace. A missing property whose schema allows {@code null} is accepted
 * (providers without a strict mode omit empty optional fields).
 */
public final class SchemaValidator {
  private static final int MAX_ERRORS = 20;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
      SpecificationVersion.DRAFT_2020_12,
      b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().pathType(PathType.JSON_PATH).build()));
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Compiled schemas by identity of the schema map (JsonSchemas caches one map per type). */
  private static final Cache<Map<String, Object>, Schema> COMPILED = Caffeine.newBuilder().weakKeys().maximumSize(1_000).build();

  private SchemaValidator() {}

  /** Every violation found (empty when the value fits), as {@code $.path: problem}. */
  public static List<String> validate(JsonNode value, Map<String, Object> schema) {
    if (schema.isEmpty()) {
      return List.of();
    }
    Schema compiled = COMPILED.get(schema, s -> REGISTRY.getSchema(MAPPER.valueToTree(lenient(s))));
    List<Error> errors = compiled.validate(toJackson(value));
    List<String> out = new ArrayList<>();
    for (Error e : errors) {
      if (out.size() >= MAX_ERRORS) {
        break;
      }
      String message = describe(e);
      if (!out.contains(message)) {
        out.add(message);
      }
    }
    return out;
  }

  /** The networknt error in the words the repair prompt has always used. */
  private static String describe(Error e) {
    String path = path(e.getInstanceLocation().toString());
    String keyword = e.getKeyword() == null ? "" : e.getKeyword();
    com.fasterxml.jackson.databind.JsonNode instance = e.getInstanceNode();
    return switch (keyword) {
      case "required" -> path(path + "." + e.getProperty()) + ": is required";
      case "type" -> instance == null || instance.isNull()
          ? path + ": must not be null"
          : path + ": expected " + expected(e.getSchemaNode());
      case "enum" -> path + ": '" + (instance != null && instance.isTextual() ? instance.textValue() : String.valueOf(instance))
          + "' is not one of " + e.getSchemaNode();
      case "additionalProperties" -> path(path + "." + e.getProperty()) + ": is not a property of this object";
      default -> path + ": " + e.getMessage();
    };
  }

  private static String path(String location) {
    if (location.isEmpty() || location.equals("$")) {
      return "$";
    }
    return location.startsWith("$") ? location : "$" + (location.startsWith("/") ? location.replace('/', '.') : "." + location);
  }

  private static String expected(com.fasterxml.jackson.databind.JsonNode typeNode) {
    String t = typeNode == null ? "" : typeNode.isArray() ? firstNonNull(typeNode) : typeNode.asText();
    return switch (t) {
      case "string" -> "a string";
      case "integer" -> "an integer";
      case "number" -> "a number";
      case "boolean" -> "true or false";
      case "array" -> "an array";
      case "object" -> "an object";
      default -> t;
    };
  }

  private static String firstNonNull(com.fasterxml.jackson.databind.JsonNode types) {
    for (var t : types) {
      if (!"null".equals(t.asText())) {
        return t.asText();
      }
    }
    return "null";
  }

  /** The schema with nullable properties taken out of {@code required}, recursively. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> lenient(Map<String, Object> schema) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (var e : schema.entrySet()) {
      Object v = e.getValue();
      if (v instanceof Map<?, ?> m) {
        v = lenient((Map<String, Object>) m);
      }
      out.put(e.getKey(), v);
    }
    if (out.get("properties") instanceof Map<?, ?> props && out.get("required") instanceof List<?> required) {
      Map<String, Object> lenientProps = new LinkedHashMap<>();
      for (var p : ((Map<String, Object>) props).entrySet()) {
        lenientProps.put(p.getKey(), p.getValue() instanceof Map<?, ?> m ? lenient((Map<String, Object>) m) : p.getValue());
      }
      out.put("properties", lenientProps);
      List<Object> kept = new ArrayList<>();
      for (Object name : required) {
        Object ps = ((Map<String, Object>) props).get(String.valueOf(name));
        boolean nullable = ps instanceof Map<?, ?> m && m.get("type") instanceof Collection<?> c && c.contains("null");
        if (!nullable) {
          kept.add(name);
        }
      }
      out.put("required", kept);
    }
    return out;
  }

  /** Micronaut's JSON tree as Jackson's, which the validator reads. */
  static com.fasterxml.jackson.databind.JsonNode toJackson(JsonNode v) {
    if (v == null || v.isNull()) {
      return NODES.nullNode();
    }
    if (v.isObject()) {
      ObjectNode o = NODES.objectNode();
      for (var e : v.entries()) {
        o.set(e.getKey(), toJackson(e.getValue()));
      }
      return o;
    }
    if (v.isArray()) {
      ArrayNode a = NODES.arrayNode(v.size());
      for (JsonNode item : v.values()) {
        a.add(toJackson(item));
      }
      return a;
    }
    if (v.isString()) {
      return NODES.textNode(v.getStringValue());
    }
    if (v.isBoolean()) {
      return NODES.booleanNode(v.getBooleanValue());
    }
    Number n = v.getNumberValue();
    if (n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return NODES.numberNode(n.intValue());
    }
    if (n instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (n instanceof BigInteger b) {
      return NODES.numberNode(b);
    }
    if (n instanceof BigDecimal b) {
      return NODES.numberNode(b);
    }
    if (n instanceof Float f) {
      return NODES.numberNode(f);
    }
    return NODES.numberNode(n.doubleValue());
  }
}
