package com.carmutual.shared.web;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The callers allowed in, from {@code SUITE_API_KEYS} ({@code client:key} pairs, comma
 * separated). With no keys configured nobody gets in: the service fails closed.
 */
@Singleton
public final class ApiKeys {
  private record Entry(String client, byte[] key) {}

  private final List<Entry> entries;

  ApiKeys(@Value("${suite.api-keys:}") String configured) {
    this.entries = parse(configured);
  }

  static List<Entry> parse(String configured) {
    List<Entry> out = new ArrayList<>();
    if (configured == null) {
      return out;
    }
    for (String pair : configured.split(",")) {
      String p = pair.trim();
      int colon = p.indexOf(':');
      if (colon <= 0 || colon == p.length() - 1) {
        if (!p.isEmpty()) {
          throw new IllegalArgumentException(
              "SUITE_API_KEYS entries must be client:key, got an entry without both parts");
        }
        continue;
      }
      out.add(
          new Entry(
              p.substring(0, colon).trim(),
              p.substring(colon + 1).trim().getBytes(StandardCharsets.UTF_8)));
    }
    return List.copyOf(out);
  }

  /** The client a key belongs to; compares every configured key in constant time. */
  public Optional<String> clientFor(String presentedKey) {
    byte[] presented = presentedKey.getBytes(StandardCharsets.UTF_8);
    String found = null;
    for (Entry e : entries) {
      if (MessageDigest.isEqual(e.key(), presented) && found == null) {
        found = e.client();
      }
    }
    return Optional.ofNullable(found);
  }

  /** True when {@code client} has a key. */
  public boolean hasClient(String client) {
    return entries.stream().anyMatch(e -> e.client().equals(client));
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }
}
