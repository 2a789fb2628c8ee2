package com.carmutual.shared.logging;

import java.util.Map;
import java.util.TreeMap;

/**
 * How configuration holding secrets (API keys, auth tokens, passwords) shows itself in {@code
 * toString}, logs and error messages: whether a value is set, never the value or its length.
 */
public final class Secrets {
  /** What a set secret looks like in text. */
  public static final String MASK = "****";

  private Secrets() {}

  /** {@link #MASK} for a set secret, {@code "(none)"} for a missing or blank one. */
  public static String mask(String secret) {
    return secret == null || secret.isBlank() ? "(none)" : MASK;
  }

  /** A JDBC or HTTP URL with any password in it (user info, {@code password=} parameter) masked. */
  public static String maskUrl(String url) {
    if (url == null) {
      return null;
    }
    return url.replaceAll("(?i)((?:password|pwd|secret|token|key)=)[^&;]*", "$1" + MASK)
        .replaceAll("(//[^/:@\\s]*:)[^/@\\s]*@", "$1" + MASK + "@");
  }

  /** The names of {@code headers} with every value masked (headers may carry keys). */
  public static String maskValues(Map<String, String> headers) {
    Map<String, String> out = new TreeMap<>();
    headers.forEach((k, v) -> out.put(k, mask(v)));
    return out.toString();
  }
}
