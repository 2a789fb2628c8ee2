package com.carmutual.shared.gateway.schema;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON schemas generated from output types (records, enums, lists, maps, scalars), as plain maps
 * ready to send to a provider. Every record component is listed in {@code required}; a component
 * annotated {@code @Nullable} (any annotation of that simple name) or of type {@code Optional}
 * also allows {@code null}. Schemas are cached per type.
 */
public final class JsonSchemas {
  private static final Map<Class<?>, OutputSchema> CACHE = new ConcurrentHashMap<>();
  private static final int MAX_DEPTH = 12;

  private JsonSchemas() {}

  /** The schema of {@code type} and whether it fits OpenAI's strict mode (no free-form maps). */
  public record OutputSchema(Map<String, Object> schema, boolean strictCompatible) {}

  public static OutputSchema of(Class<?> type) {
    return CACHE.computeIfAbsent(
        type,
        t -> {
          boolean[] strict = {true};
          Map<String, Object> s = schemaOf(t, 0, strict);
          return new OutputSchema(freeze(s), strict[0] && "object".equals(s.get("type")));
        });
  }

  private static Map<String, Object> schemaOf(Type type, int depth, boolean[] strict) {
    Map<String, Object> s = new LinkedHashMap<>();
    if (depth > MAX_DEPTH) {
      strict[0] = false;
      return s;
    }
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw)) {
        s.put("type", "array");
        s.put("items", schemaOf(bound(args[0]), depth + 1, strict));
        return s;
      }
      if (Map.class.isAssignableFrom(raw)) {
        strict[0] = false;
        s.put("type", "object");
        s.put("additionalProperties", schemaOf(bound(args[1]), depth + 1, strict));
        return s;
      }
      if (raw == Optional.class) {
        return schemaOf(bound(args[0]), depth, strict);
      }
      return schemaOf(raw, depth, strict);
    }
    if (type instanceof GenericArrayType g) {
      s.put("type", "array");
      s.put("items", schemaOf(g.getGenericComponentType(), depth + 1, strict));
      return s;
    }
    if (!(type instanceof Class<?> c)) {
      strict[0] = false;
      return s;
    }
    if (c == String.class || c == char.class || c == Character.class || c == CharSequence.class) {
      s.put("type", "string");
    } else if (c == int.class || c == Integer.class || c == long.class || c == Long.class
        || c == short.class || c == Short.class || c == byte.class || c == Byte.class
        || c == BigInteger.class) {
      s.put("type", "integer");
    } else if (c == double.class || c == Double.class || c == float.class || c == Float.class
        || c == BigDecimal.class || c == Number.class) {
      s.put("type", "number");
    } else if (c == boolean.class || c == Boolean.class) {
      s.put("type", "boolean");
    } else if (c.isEnum()) {
      s.put("type", "string");
      List<String> names = new ArrayList<>();
      for (Object constant : c.getEnumConstants()) {
        names.add(((Enum<?>) constant).name());
      }
      s.put("enum", names);
    } else if (c == LocalDate.class) {
      s.put("type", "string");
      s.put("description", "ISO date, e.g. 2025-06-18");
    } else if (c == Instant.class || c == OffsetDateTime.class || c == ZonedDateTime.class
        || c == LocalDateTime.class) {
      s.put("type", "string");
      s.put("description", "ISO date-time");
    } else if (c == LocalTime.class) {
      s.put("type", "string");
    } else if (c.isArray() && c != byte[].class) {
      s.put("type", "array");
      s.put("items", schemaOf(c.getComponentType(), depth + 1, strict));
    } else if (c.isRecord()) {
      s.put("type", "object");
      Map<String, Object> properties = new LinkedHashMap<>();
      List<String> required = new ArrayList<>();
      for (RecordComponent rc : c.getRecordComponents()) {
        Map<String, Object> ps = schemaOf(rc.getGenericType(), depth + 1, strict);
        if (nullable(rc) && ps.get("type") instanceof String t) {
          ps.put("type", List.of(t, "null"));
        }
        properties.put(rc.getName(), ps);
        required.add(rc.getName());
      }
      s.put("properties", properties);
      s.put("required", required);
      s.put("additionalProperties", false);
    } else if (Collection.class.isAssignableFrom(c)) {
      s.put("type", "array");
      strict[0] = false;
    } else if (Map.class.isAssignableFrom(c)) {
      s.put("type", "object");
      strict[0] = false;
    } else {
      // Object, JsonNode and other free-form values: anything goes.
      strict[0] = false;
    }
    return s;
  }

  private static boolean nullable(RecordComponent rc) {
    if (rc.getType() == Optional.class) {
      return true;
    }
    for (var a : rc.getAnnotations()) {
      if (a.annotationType().getSimpleName().equals("Nullable")) {
        return true;
      }
    }
    for (var a : rc.getAnnotatedType().getAnnotations()) {
      if (a.annotationType().getSimpleName().equals("Nullable")) {
        return true;
      }
    }
    try {
      for (var a : rc.getAccessor().getAnnotations()) {
        if (a.annotationType().getSimpleName().equals("Nullable")) {
          return true;
        }
      }
    } catch (SecurityException ignored) {
      // no accessor annotations to read
    }
    return false;
  }

  private static Type bound(Type t) {
    if (t instanceof WildcardType w) {
      return w.getUpperBounds().length > 0 ? w.getUpperBounds()[0] : Object.class;
    }
    return t;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> freeze(Map<String, Object> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach(
        (k, v) -> {
          if (v instanceof Map<?, ?> inner) {
            out.put(k, freeze((Map<String, Object>) inner));
          } else {
            out.put(k, v);
          }
        });
    return java.util.Collections.unmodifiableMap(out);
  }
}
