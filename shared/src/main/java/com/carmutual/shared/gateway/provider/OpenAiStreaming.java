package com.carmutual.shared.gateway.provider;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Reads an OpenAI chat-completions stream ({@code stream: true}): {@code data:} chunks whose
 * {@code choices[0].delta.content} is the next text, a final chunk with {@code usage} (asked for
 * with {@code stream_options.include_usage}), then {@code data: [DONE]}. An {@code error} object
 * in a chunk, a chunk that is not JSON, or a body that ends before {@code [DONE]} is a failure.
 */
final class OpenAiStreaming {
  /** Added to the request object: stream, and report usage in the last chunk. */
  static final String STREAM_FIELDS = "\"stream\":true,\"stream_options\":{\"include_usage\":true}";

  private OpenAiStreaming() {}

  static ProviderReply read(SseStream events, JsonMapper json, String provider, Consumer<String> onText)
      throws ProviderFailure {
    StringBuilder text = new StringBuilder();
    String id = null;
    String model = null;
    String finish = null;
    int in = 0;
    int out = 0;
    int cached = 0;
    SseStream.Event event;
    while ((event = events.next()) != null) {
      String data = event.data();
      if (data.equals("[DONE]")) {
        return new ProviderReply(text.toString(), in, out, cached, id, model, finish);
      }
      JsonNode chunk = parse(json, provider, data);
      JsonNode error = chunk.get("error");
      if (error != null && !error.isNull()) {
        JsonNode message = error.get("message");
        throw new ProviderFailure(ProviderFailure.Type.SERVER_ERROR, 200, null,
            provider + " reported an error mid-stream: " + (message == null ? error.toString() : message.coerceStringValue()));
      }
      if (id == null && chunk.get("id") != null) {
        id = chunk.get("id").coerceStringValue();
      }
      if (model == null && chunk.get("model") != null) {
        model = chunk.get("model").coerceStringValue();
      }
      JsonNode choices = chunk.get("choices");
      if (choices != null && choices.isArray() && choices.size() > 0) {
        JsonNode choice = choices.get(0);
        JsonNode delta = choice.get("delta");
        if (delta == null || !delta.isObject()) {
          throw malformed(provider, "a chunk without delta: " + snippet(data));
        }
        JsonNode content = delta.get("content");
        if (content != null && content.isString() && !content.getStringValue().isEmpty()) {
          events.textArrived();
          text.append(content.getStringValue());
          onText.accept(content.getStringValue());
        }
        JsonNode reason = choice.get("finish_reason");
        if (reason != null && reason.isString()) {
          finish = reason.getStringValue();
        }
      } else if (choices == null && chunk.get("usage") == null) {
        throw malformed(provider, "a chunk with neither choices nor usage: " + snippet(data));
      }
      JsonNode usage = chunk.get("usage");
      if (usage != null && usage.isObject()) {
        in = integer(usage.get("prompt_tokens"));
        out = integer(usage.get("completion_tokens"));
        JsonNode details = usage.get("prompt_tokens_details");
        cached = details == null || !details.isObject() ? 0 : integer(details.get("cached_tokens"));
      }
    }
    throw new ProviderFailure(ProviderFailure.Type.CONNECTION, 200, null,
        provider + " ended the stream before [DONE] after " + text.length() + " characters");
  }

  static JsonNode parse(JsonMapper json, String provider, String data) throws ProviderFailure {
    try {
      JsonNode node = json.readValue(data, JsonNode.class);
      if (node == null || !node.isObject()) {
        throw malformed(provider, "a chunk that is not a JSON object: " + snippet(data));
      }
      return node;
    } catch (IOException | RuntimeException e) {
      throw malformed(provider, "a chunk that is not JSON: " + snippet(data));
    }
  }

  static int integer(JsonNode n) {
    return n == null || !n.isNumber() ? 0 : n.getIntValue();
  }

  static ProviderFailure malformed(String provider, String what) {
    return new ProviderFailure(ProviderFailure.Type.MALFORMED_RESPONSE, 200, null, provider + " sent " + what);
  }

  static String snippet(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "..." : s;
  }

  /** {@code body}, a JSON object, with {@code fields} added at its end. */
  static byte[] withFields(byte[] body, String fields) {
    int end = body.length - 1;
    while (end > 0 && body[end] != '}') {
      end--;
    }
    byte[] extra = ((body[end - 1] == '{' ? "" : ",") + fields + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] out = new byte[end + extra.length];
    System.arraycopy(body, 0, out, 0, end);
    System.arraycopy(extra, 0, out, end, extra.length);
    return out;
  }
}
