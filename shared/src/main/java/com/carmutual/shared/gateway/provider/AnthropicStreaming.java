package com.carmutual.shared.gateway.provider;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.util.function.Consumer;

/**
 * Reads an Anthropic Messages stream ({@code stream: true}): {@code message_start} (id, model,
 * input usage), {@code content_block_delta} with {@code delta.text}, {@code message_delta} (stop
 * reason, output usage), {@code message_stop}; {@code ping} is ignored. An {@code error} event,
 * an event that is not JSON, or a body that ends before {@code message_stop} is a failure
 * ({@code overloaded_error} and {@code api_error} retriable).
 */
final class AnthropicStreaming {
  static final String STREAM_FIELDS = "\"stream\":true";

  private AnthropicStreaming() {}

  static ProviderReply read(SseStream events, JsonMapper json, String provider, Consumer<String> onText)
      throws ProviderFailure {
    StringBuilder text = new StringBuilder();
    String id = null;
    String model = null;
    String stop = null;
    int in = 0;
    int cached = 0;
    int out = 0;
    SseStream.Event event;
    while ((event = events.next()) != null) {
      JsonNode data = OpenAiStreaming.parse(json, provider, event.data());
      String type = event.name() != null ? event.name()
          : data.get("type") == null ? "" : data.get("type").coerceStringValue();
      switch (type) {
        case "message_start" -> {
          JsonNode message = data.get("message");
          if (message == null || !message.isObject()) {
            throw OpenAiStreaming.malformed(provider, "message_start without a message");
          }
          id = message.get("id") == null ? null : message.get("id").coerceStringValue();
          model = message.get("model") == null ? null : message.get("model").coerceStringValue();
          JsonNode usage = message.get("usage");
          if (usage != null && usage.isObject()) {
            cached = OpenAiStreaming.integer(usage.get("cache_read_input_tokens"));
            in = OpenAiStreaming.integer(usage.get("input_tokens")) + cached
                + OpenAiStreaming.integer(usage.get("cache_creation_input_tokens"));
            out = OpenAiStreaming.integer(usage.get("output_tokens"));
          }
        }
        case "content_block_delta" -> {
          JsonNode delta = data.get("delta");
          if (delta == null || !delta.isObject()) {
            throw OpenAiStreaming.malformed(provider, "content_block_delta without delta");
          }
          JsonNode t = delta.get("text");
          if (t != null && t.isString() && !t.getStringValue().isEmpty()) {
            events.textArrived();
            text.append(t.getStringValue());
            onText.accept(t.getStringValue());
          }
        }
        case "message_delta" -> {
          JsonNode delta = data.get("delta");
          if (delta != null && delta.get("stop_reason") != null && delta.get("stop_reason").isString()) {
            stop = delta.get("stop_reason").getStringValue();
          }
          JsonNode usage = data.get("usage");
          if (usage != null && usage.get("output_tokens") != null) {
            out = OpenAiStreaming.integer(usage.get("output_tokens"));
          }
        }
        case "message_stop" -> {
          return new ProviderReply(text.toString(), in, out, cached, id, model, stop);
        }
        case "error" -> {
          JsonNode error = data.get("error");
          String kind = error == null || error.get("type") == null ? "error" : error.get("type").coerceStringValue();
          String message = error == null || error.get("message") == null ? "" : error.get("message").coerceStringValue();
          ProviderFailure.Type failure = switch (kind) {
            case "overloaded_error", "api_error" -> ProviderFailure.Type.SERVER_ERROR;
            case "rate_limit_error" -> ProviderFailure.Type.RATE_LIMITED;
            case "authentication_error", "permission_error" -> ProviderFailure.Type.AUTHENTICATION;
            case "invalid_request_error", "not_found_error", "request_too_large" -> ProviderFailure.Type.INVALID_REQUEST;
            default -> ProviderFailure.Type.SERVER_ERROR;
          };
          throw new ProviderFailure(failure, 200, null, provider + " sent an error event (" + kind + "): " + message);
        }
        default -> {
          // ping, content_block_start/stop and event types added later carry no text
        }
      }
    }
    throw new ProviderFailure(ProviderFailure.Type.CONNECTION, 200, null,
        provider + " ended the stream before message_stop after " + text.length() + " characters");
  }
}
