package com.carmutual.shared.llmops.support;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON conversions for LLM operations: values to trees and text, a canonical form (sorted keys) so
 * that equal values compare equal whatever their field order, and the text of a value's leaves for
 * embedding.
 */
@Singleton
public final class Jsons {
  /** Stored JSON text is cut at this many characters so one huge value cannot fill the database. */
  public static final int MAX_STORED_CHARS = 200_000;

  private final JsonMapper mapper;

  public Jsons(JsonMapper mapper) {
    this.mapper = mapper;
  }

  /** The value as a JSON tree; values that cannot be serialised become their {@code toString}. */
  public JsonNode tree(@Nullable Object value) {
    if (value == null) {
      return JsonNode.nullNode();
    }
    if (value instanceof JsonNode n) {
      return n;
    }
    try {
      return mapper.writeValueToTree(value);
    } catch (IOException | RuntimeException e) {
      return JsonNode.createObjectNode(
          Map.of(
              "unserialisable", JsonNode.createStringNode(value.getClass().getName()),
              "text", JsonNode.createStringNode(String.valueOf(value))));
    }
  }

  /** The value as JSON text (null stays null). */
  @Nullable
  public String write(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    try {
      return mapper.writeValueAsString(tree(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** As {@link #write}, cut to {@link #MAX_STORED_CHARS} for storage. */
  @Nullable
  public String writeForStorage(@Nullable Object value) {
    String s = write(value);
    if (s != null && s.length() > MAX_STORED_CHARS) {
      return write(
          Map.of("truncated", true, "length", s.length(), "head", s.substring(0, 10_000)));
    }
    return s;
  }

  /** Parses JSON text; null or blank gives JSON null. */
  public JsonNode read(@Nullable String json) {
    if (json == null || json.isBlank()) {
      return JsonNode.nullNode();
    }
    try {
      return mapper.readValue(json, JsonNode.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
    }
  }

  /** Reads JSON text as {@code type}. */
  public <T> T read(String json, Class<T> type) {
    try {
      return mapper.readValue(json, type);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read JSON as " + type.getSimpleName(), e);
    }
  }

  /** Converts a tree to {@code type}. */
  public <T> T convert(JsonNode node, Class<T> type) {
    try {
      return mapper.readValueFromTree(node, type);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read JSON as " + type.getSimpleName(), e);
    }
  }

  /** JSON text with object keys sorted at every level: equal values give equal text. */
  public String canonical(@Nullable JsonNode node) {
    StringBuilder sb = new StringBuilder();
    appendCanonical(node == null ? JsonNode.nullNode() : node, sb);
    return sb.toString();
  }

  /** Canonical text of any value. */
  public String canonicalOf(@Nullable Object value) {
    return canonical(tree(value));
  }

  private void appendCanonical(JsonNode node, StringBuilder sb) {
    if (node.isObject()) {
      TreeMap<String, JsonNode> sorted = new TreeMap<>();
      for (Map.Entry<String, JsonNode> e : node.entries()) {
        sorted.put(e.getKey(), e.getValue());
      }
      sb.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        appendString(e.getKey(), sb);
        sb.append(':');
        appendCanonical(e.getValue(), sb);
      }
      sb.append('}');
    } else if (node.isArray()) {
      sb.append('[');
      boolean first = true;
      for (JsonNode v : node.values()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        appendCanonical(v, sb);
      }
      sb.append(']');
    } else if (node.isString()) {
      appendString(node.getStringValue(), sb);
    } else if (node.isNumber()) {
      sb.append(numberText(node));
    } else if (node.isBoolean()) {
      sb.append(node.getBooleanValue());
    } else {
      sb.append("null");
    }
  }

  /** Numbers compare by value: 2, 2.0 and 2.00 have the same canonical text. */
  private static String numberText(JsonNode node) {
    try {
      var d = node.getBigDecimalValue().stripTrailingZeros();
      return d.scale() < 0 ? d.toBigInteger().toString() : d.toPlainString();
    } catch (RuntimeException e) {
      return String.valueOf(node.getNumberValue());
    }
  }

  private static void appendString(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /** The leaves of a value as {@code path: value} lines, in canonical order: the text to embed. */
  public String leafText(JsonNode node) {
    List<String> lines = new ArrayList<>();
    collectLeaves("", node, lines);
    return String.join("\n", lines);
  }

  private void collectLeaves(String path, JsonNode node, List<String> lines) {
    if (node.isObject()) {
      TreeMap<String, JsonNode> sorted = new TreeMap<>();
      for (Map.Entry<String, JsonNode> e : node.entries()) {
        sorted.put(e.getKey(), e.getValue());
      }
      sorted.forEach((k, v) -> collectLeaves(path.isEmpty() ? k : path + "." + k, v, lines));
    } else if (node.isArray()) {
      for (JsonNode v : node.values()) {
        collectLeaves(path, v, lines);
      }
    } else if (!node.isNull()) {
      String v = node.isString() ? node.getStringValue() : canonical(node);
      lines.add(path.isEmpty() ? v : path + ": " + v);
    }
  }

  /** Hex SHA-256 of text. */
  public static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
