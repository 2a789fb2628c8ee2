package com.carmutual.phone.call;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which transport a call uses: Gather webhooks (one HTTP request a turn) or ConversationRelay (one
 * WebSocket a call, text streamed back). {@code PHONE_TRANSPORT=gather|relay} sets the default;
 * {@code PHONE_TRANSPORT_OVERRIDES=fnol=relay,+15550001111=gather} chooses per script or per called number
 * (the number wins).
 */
@Singleton
public final class Transports {
  private final boolean relayByDefault;
  private final Map<String, Boolean> overrides = new HashMap<>();

  Transports(@Value("${phone.transport.default:gather}") String byDefault,
      @Nullable @Value("${phone.transport.overrides:}") String overrides) {
    this.relayByDefault = relay(byDefault);
    if (overrides != null) {
      for (String pair : overrides.split(",")) {
        String[] kv = pair.trim().split("=", 2);
        if (kv.length == 2 && !kv[0].isBlank()) {
          this.overrides.put(kv[0].trim(), relay(kv[1]));
        }
      }
    }
  }

  private static boolean relay(String name) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    if (!n.equals("relay") && !n.equals("gather") && !n.isEmpty()) {
      throw new IllegalArgumentException("unknown phone transport: " + name + " (gather or relay)");
    }
    return n.equals("relay");
  }

  /** True when a call of {@code script} to number {@code to} runs over ConversationRelay. */
  public boolean relay(String script, @Nullable String to) {
    if (to != null && overrides.containsKey(to)) {
      return overrides.get(to);
    }
    return overrides.getOrDefault(script, relayByDefault);
  }
}
