package com.carmutual.shared.gateway.schema;

import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Checks a JSON value against a schema made by {@link JsonSchemas}: types, required properties,
 * enums, arrays and nested objects. A missing property whose schema allows {@code null} is
 * accepted (providers without a strict mode omit empty optional fields).
 */
public final class SchemaValidator {
  private static final int MAX_ERRORS = 20;

  private SchemaValidator() {}

  /** Every violation found (empty when the value fits), as {@code $.path: problem}. */
  public static List<String> validate(JsonNode value, Map<String, Object> schema) {
    List<String> errors = new ArrayList<>();
    check(value, schema, "$", errors);
    return errors;
  }

  @SuppressWarnings("unchecked")
  private static void check(JsonNode v, Map<String, Object> schema, String path, List<String> errors) {
    if (errors.size() >= MAX_ERRORS || schema.isEmpty()) {
      return;
    }
    Object type = schema.get("type");
    boolean allowsNull = type instanceof Collection<?> c && c.contains("null");
    String t = type instanceof String s ? s : firstNonNull(type);
    if (v == null || v.isNull()) {
      if (!allowsNull && t != null) {
        errors.add(path + ": must not be null");
      }
      return;
    }
    if (t == null) {
      return;
    }
    switch (t) {
      case "string" -> {
        if (!v.isString()) {
          errors.add(path + ": expected a string");
        } else if (schema.get("enum") instanceof List<?> allowed
            && !allowed.contains(v.getStringValue())) {
          errors.add(path + ": '" + v.getStringValue() + "' is not one of " + allowed);
        }
      }
      case "integer" -> {
        if (!v.isNumber() || !isIntegral(v)) {
          errors.add(path + ": expected an integer");
        }
      }
      case "number" -> {
        if (!v.isNumber()) {
          errors.add(path + ": expected a number");
        }
      }
      case "boolean" -> {
        if (!v.isBoolean()) {
          errors.add(path + ": expected true or false");
        }
      }
      case "array" -> {
        if (!v.isArray()) {
          errors.add(path + ": expected an array");
          return;
        }
        Map<String, Object> items = (Map<String, Object>) schema.get("items");
        if (items != null) {
          for (int i = 0; i < v.size(); i++) {
            check(v.get(i), items, path + "[" + i + "]", errors);
          }
        }
      }
      case "object" -> {
        if (!v.isObject()) {
          errors.add(path + ": expected an object");
          return;
        }
        Map<String, Object> props = (Map<String, Object>) schema.get("properties");
        if (props != null) {
          for (var e : props.entrySet()) {
            JsonNode child = v.get(e.getKey());
            Map<String, Object> ps = (Map<String, Object>) e.getValue();
            if (child == null) {
              if (!(ps.get("type") instanceof Collection<?> pc && pc.contains("null"))
                  && ((List<?>) schema.getOrDefault("required", List.of())).contains(e.getKey())) {
                errors.add(path + "." + e.getKey() + ": is required");
              }
              continue;
            }
            check(child, ps, path + "." + e.getKey(), errors);
          }
        }
        Object additional = schema.get("additionalProperties");
        if (additional instanceof Map<?, ?> as) {
          for (var e : v.entries()) {
            if (props == null || !props.containsKey(e.getKey())) {
              check(e.getValue(), (Map<String, Object>) as, path + "." + e.getKey(), errors);
            }
          }
        }
      }
      default -> {
        // unknown keyword type: accept
      }
    }
  }

  private static boolean isIntegral(JsonNode v) {
    Number n = v.getNumberValue();
    if (n instanceof Double || n instanceof Float) {
      return n.doubleValue() == Math.rint(n.doubleValue());
    }
    if (n instanceof java.math.BigDecimal b) {
      return b.stripTrailingZeros().scale() <= 0;
    }
    return true;
  }

  private static String firstNonNull(Object type) {
    if (type instanceof Collection<?> c) {
      for (Object o : c) {
        if (!"null".equals(o)) {
          return String.valueOf(o);
        }
      }
    }
    return null;
  }
}
