package com.carmutual.shared.gateway.provider;

import com.carmutual.shared.gateway.ChatMessage;
import com.carmutual.shared.gateway.ImageInput;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The OpenAI chat-completions wire format (also Azure OpenAI, DeepSeek, Qwen, vLLM, Ollama,
 * llama.cpp): structured output by {@code json_schema} response format, a forced tool call, or
 * {@code json_object}; images as data URLs; embeddings at {@code /v1/embeddings}.
 */
final class OpenAiProvider implements ModelProvider {
  private static final Argument<OpenAiWire.ChatResponse> CHAT = Argument.of(OpenAiWire.ChatResponse.class);
  private static final Argument<OpenAiWire.EmbeddingResponse> EMBEDDINGS =
      Argument.of(OpenAiWire.EmbeddingResponse.class);

  private final ProviderSettings settings;
  private final JsonMapper json;
  private final HttpTransport http;
  private final URI chatUri;
  private final URI embeddingsUri;
  private final Map<String, String> headers;

  OpenAiProvider(ProviderSettings settings, JsonMapper json) {
    this.settings = settings;
    this.json = json;
    this.http = new HttpTransport(settings.name(), settings.connectTimeout());
    this.chatUri = HttpTransport.resolve(settings.baseUrl(), "/v1/chat/completions");
    this.embeddingsUri = HttpTransport.resolve(settings.baseUrl(), "/v1/embeddings");
    Map<String, String> h = new LinkedHashMap<>(settings.headers());
    if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
      h.put("Authorization", "Bearer " + settings.apiKey());
    }
    this.headers = Map.copyOf(h);
  }

  @Override
  public String name() {
    return settings.name();
  }

  @Override
  public String type() {
    return "openai";
  }

  @Override
  public String serverAddress() {
    return settings.baseUrl().getHost();
  }

  @Override
  public ProviderReply complete(ProviderRequest request, Duration timeout) throws ProviderFailure {
    byte[] body = write(toWire(request));
    OpenAiWire.ChatResponse response = read(http.post(chatUri, headers, body, timeout), CHAT);
    return fromWire(response, request);
  }

  @Override
  public ProviderReply stream(ProviderRequest request, StreamTimeouts timeouts, java.util.function.Consumer<String> onText)
      throws ProviderFailure {
    long start = System.nanoTime();
    byte[] body = OpenAiStreaming.withFields(write(toWire(request)), OpenAiStreaming.STREAM_FIELDS);
    LineStream lines = http.stream(chatUri, headers, body, timeouts.total(), SseStream.headersBy(timeouts, start));
    try (SseStream events = new SseStream(lines, settings.name(), timeouts, start)) {
      return OpenAiStreaming.read(events, json, settings.name(), onText);
    }
  }

  OpenAiWire.ChatRequest toWire(ProviderRequest request) {
    List<OpenAiWire.Message> messages = new ArrayList<>(request.messages().size());
    int lastUser = -1;
    for (int i = 0; i < request.messages().size(); i++) {
      if (request.messages().get(i).role() == ChatMessage.Role.USER) {
        lastUser = i;
      }
    }
    for (int i = 0; i < request.messages().size(); i++) {
      ChatMessage m = request.messages().get(i);
      String role = m.role().name().toLowerCase(Locale.ROOT);
      if (i == lastUser && !request.images().isEmpty()) {
        List<OpenAiWire.Part> parts = new ArrayList<>();
        parts.add(new OpenAiWire.Part("text", m.content(), null));
        for (ImageInput image : request.images()) {
          parts.add(new OpenAiWire.Part("image_url", null, new OpenAiWire.ImageUrl(dataUrl(image))));
        }
        messages.add(new OpenAiWire.Message(role, parts));
      } else {
        messages.add(new OpenAiWire.Message(role, m.content()));
      }
    }
    Map<String, Object> responseFormat = null;
    List<OpenAiWire.Tool> tools = null;
    Object toolChoice = null;
    if (request.structured()) {
      switch (settings.structuredOutput()) {
        case "tool" -> {
          tools = List.of(new OpenAiWire.Tool("function",
              new OpenAiWire.Function(request.schemaName(), "Give the answer", request.schema())));
          toolChoice = ordered("type", "function", "function", Map.of("name", request.schemaName()));
        }
        case "json_object" -> responseFormat = ordered("type", "json_object");
        default -> {
          Map<String, Object> schema = new LinkedHashMap<>();
          schema.put("name", request.schemaName());
          schema.put("schema", request.schema());
          schema.put("strict", request.strict());
          responseFormat = ordered("type", "json_schema", "json_schema", schema);
        }
      }
    }
    return new OpenAiWire.ChatRequest(
        request.model(), messages, request.temperature(), request.maxTokens(), responseFormat, tools, toolChoice);
  }

  ProviderReply fromWire(OpenAiWire.ChatResponse r, ProviderRequest request) throws ProviderFailure {
    if (r.choices() == null || r.choices().isEmpty() || r.choices().get(0).message() == null) {
      throw malformed("an answer without choices");
    }
    OpenAiWire.Choice choice = r.choices().get(0);
    OpenAiWire.AnswerMessage message = choice.message();
    String text = message.content();
    if (message.tool_calls() != null && !message.tool_calls().isEmpty()) {
      OpenAiWire.ToolCall call = message.tool_calls().get(0);
      if (call.function() != null && call.function().arguments() != null) {
        text = call.function().arguments();
      }
    }
    if (text == null) {
      if (message.refusal() != null) {
        throw new ProviderFailure(ProviderFailure.Type.INVALID_REQUEST, 200, null,
            settings.name() + " refused: " + message.refusal());
      }
      throw malformed("an answer without content");
    }
    int in = 0;
    int out = 0;
    int cached = 0;
    if (r.usage() != null) {
      in = r.usage().prompt_tokens();
      out = r.usage().completion_tokens();
      cached = r.usage().prompt_tokens_details() == null ? 0 : r.usage().prompt_tokens_details().cached_tokens();
    }
    return new ProviderReply(text, in, out, cached, r.id(), r.model(), choice.finish_reason());
  }

  @Override
  public EmbeddingReply embed(String model, List<String> texts, Duration timeout) throws ProviderFailure {
    byte[] body = write(new OpenAiWire.EmbeddingRequest(model, texts));
    OpenAiWire.EmbeddingResponse r = read(http.post(embeddingsUri, headers, body, timeout), EMBEDDINGS);
    if (r.data() == null || r.data().size() != texts.size()) {
      throw malformed("embeddings for " + (r.data() == null ? 0 : r.data().size()) + " of " + texts.size() + " texts");
    }
    float[][] vectors = new float[texts.size()][];
    for (OpenAiWire.Embedding e : r.data()) {
      float[] v = new float[e.embedding().size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = e.embedding().get(i).floatValue();
      }
      vectors[e.index()] = v;
    }
    return new EmbeddingReply(List.of(vectors), r.usage() == null ? 0 : r.usage().prompt_tokens());
  }

  private byte[] write(Object wire) throws ProviderFailure {
    try {
      return json.writeValueAsBytes(wire);
    } catch (IOException e) {
      throw new ProviderFailure(ProviderFailure.Type.INVALID_REQUEST, 0, null, "cannot write request: " + e, e);
    }
  }

  private <T> T read(byte[] body, Argument<T> type) throws ProviderFailure {
    try {
      T value = json.readValue(body, type);
      if (value == null) {
        throw malformed("an empty body");
      }
      return value;
    } catch (IOException | RuntimeException e) {
      throw new ProviderFailure(ProviderFailure.Type.MALFORMED_RESPONSE, 200, null,
          settings.name() + " answered a body that is not a chat completion: " + e.getMessage(), e);
    }
  }

  private ProviderFailure malformed(String what) {
    return new ProviderFailure(ProviderFailure.Type.MALFORMED_RESPONSE, 200, null, settings.name() + " sent " + what);
  }

  /** A map that keeps the given key order on the wire (readable logs, stable tests). */
  static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  static String dataUrl(ImageInput image) {
    String type = image.mediaType() == null ? "image/jpeg" : image.mediaType();
    return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(image.data());
  }
}
