package com.carmutual.shared.gateway.provider;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/** Anthropic Messages API wire types; never leave this package. */
final class AnthropicWire {
  private AnthropicWire() {}

  @Serdeable
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record MessagesRequest(
      String model,
      int max_tokens,
      @Nullable String system,
      List<Message> messages,
      @Nullable Double temperature,
      @Nullable List<Tool> tools,
      @Nullable Map<String, Object> tool_choice) {}

  @Serdeable
  record Message(String role, List<Block> content) {}

  @Serdeable
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Block(String type, @Nullable String text, @Nullable Source source) {}

  @Serdeable
  record Source(String type, String media_type, String data) {}

  @Serdeable
  record Tool(String name, String description, Map<String, Object> input_schema) {}

  @Serdeable
  record MessagesResponse(
      @Nullable String id,
      @Nullable String type,
      @Nullable String model,
      @Nullable List<AnswerBlock> content,
      @Nullable String stop_reason,
      @Nullable Usage usage) {}

  /** {@code input} is the tool's argument object, kept as a tree and written back as JSON text. */
  @Serdeable
  record AnswerBlock(
      String type, @Nullable String text, @Nullable String name, @Nullable io.micronaut.json.tree.JsonNode input) {}

  @Serdeable
  record Usage(
      int input_tokens,
      int output_tokens,
      @Nullable Integer cache_read_input_tokens,
      @Nullable Integer cache_creation_input_tokens) {}
}
