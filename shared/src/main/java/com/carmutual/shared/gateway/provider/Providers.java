package com.carmutual.shared.gateway.provider;

import io.micronaut.json.JsonMapper;

/** Makes the provider for a configuration entry; adding a wire format is one case here. */
public final class Providers {
  private Providers() {}

  public static ModelProvider create(ProviderSettings settings, JsonMapper json) {
    return switch (settings.type()) {
      case "openai" -> new OpenAiProvider(settings, json);
      case "anthropic" -> new AnthropicProvider(settings, json);
      default -> throw new IllegalArgumentException(
          "llm.providers." + settings.name() + ".type must be openai or anthropic, got " + settings.type());
    };
  }
}
