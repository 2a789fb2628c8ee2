package com.carmutual.shared.gateway.provider;

import com.carmutual.shared.gateway.ChatMessage;
import com.carmutual.shared.gateway.ImageInput;
import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * What to ask a model, independent of wire format. Images go with the last user message. When
 * {@code schema} is set the answer must be one JSON value of that schema (named {@code
 * schemaName}); {@code strict} says the schema fits OpenAI's strict mode.
 */
public record ProviderRequest(
    String model,
    List<ChatMessage> messages,
    List<ImageInput> images,
    @Nullable Map<String, Object> schema,
    String schemaName,
    boolean strict,
    @Nullable Double temperature,
    @Nullable Integer maxTokens) {

  public ProviderRequest {
    messages = List.copyOf(messages);
    images = images == null ? List.of() : List.copyOf(images);
  }

  public boolean structured() {
    return schema != null;
  }
}
