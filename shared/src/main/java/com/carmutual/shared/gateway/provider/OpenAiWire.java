package com.carmutual.shared.gateway.provider;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/** OpenAI chat-completions and embeddings wire types; never leave this package. */
final class OpenAiWire {
  private OpenAiWire() {}

  @Serdeable
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ChatRequest(
      String model,
      List<Message> messages,
      @Nullable Double temperature,
      @Nullable Integer max_tokens,
      @Nullable Map<String, Object> response_format,
      @Nullable List<Tool> tools,
      @Nullable Object tool_choice) {}

  /** {@code content} is a string, or a list of {@link Part}s when images go along. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Message(String role, Object content) {}

  @Serdeable
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Part(String type, @Nullable String text, @Nullable ImageUrl image_url) {}

  @Serdeable
  record ImageUrl(String url) {}

  @Serdeable
  record Tool(String type, Function function) {}

  @Serdeable
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Function(String name, @Nullable String description, @Nullable Map<String, Object> parameters) {}

  @Serdeable
  record ChatResponse(
      @Nullable String id, @Nullable String model, @Nullable List<Choice> choices, @Nullable Usage usage) {}

  @Serdeable
  record Choice(int index, @Nullable AnswerMessage message, @Nullable String finish_reason) {}

  @Serdeable
  record AnswerMessage(
      @Nullable String role, @Nullable String content, @Nullable String refusal, @Nullable List<ToolCall> tool_calls) {}

  @Serdeable
  record ToolCall(@Nullable String id, @Nullable String type, @Nullable CalledFunction function) {}

  @Serdeable
  record CalledFunction(@Nullable String name, @Nullable String arguments) {}

  @Serdeable
  record Usage(
      int prompt_tokens, int completion_tokens, @Nullable PromptDetails prompt_tokens_details) {}

  @Serdeable
  record PromptDetails(int cached_tokens) {}

  @Serdeable
  record EmbeddingRequest(String model, List<String> input) {}

  @Serdeable
  record EmbeddingResponse(@Nullable List<Embedding> data, @Nullable Usage usage) {}

  @Serdeable
  record Embedding(int index, List<Double> embedding) {}
}
