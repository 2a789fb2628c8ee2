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
import java.util.Map;

/**
 * The Anthropic Messages API: system prompt on top, images as base64 blocks, structured output
 * through one forced tool whose {@code input_schema} is the output schema. No embeddings.
 */
final class AnthropicProvider implements ModelProvider {
  static final int DEFAULT_MAX_TOKENS = 1024;
  private static final Argument<AnthropicWire.MessagesResponse> RESPONSE =
      Argument.of(AnthropicWire.MessagesResponse.class);

  private final ProviderSettings settings;
  private final JsonMapper json;
  private final HttpTransport http;
  private final URI messagesUri;
  private final Map<String, String> headers;

  AnthropicProvider(ProviderSettings settings, JsonMapper json) {
    this.settings = settings;
    this.json = json;
    this.http = new HttpTransport(settings.name(), settings.connectTimeout());
    this.messagesUri = HttpTransport.resolve(settings.baseUrl(), "/v1/messages");
    Map<String, String> h = new LinkedHashMap<>();
    h.put("anthropic-version", "2023-06-01");
    h.putAll(settings.headers());
    if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
      h.put("x-api-key", settings.apiKey());
    }
    this.headers = Map.copyOf(h);
  }

  @Override
  public String name() {
    return settings.name();
  }

  @Override
  public String type() {
    return "anthropic";
  }

  @Override
  public String serverAddress() {
    return settings.baseUrl().getHost();
  }

  @Override
  public ProviderReply complete(ProviderRequest request, Duration timeout) throws ProviderFailure {
    byte[] body;
    try {
      body = json.writeValueAsBytes(toWire(request));
    } catch (IOException e) {
      throw new ProviderFailure(ProviderFailure.Type.INVALID_REQUEST, 0, null, "cannot write request: " + e, e);
    }
    byte[] answer = http.post(messagesUri, headers, body, timeout);
    AnthropicWire.MessagesResponse r;
    try {
      r = json.readValue(answer, RESPONSE);
    } catch (IOException | RuntimeException e) {
      throw new ProviderFailure(ProviderFailure.Type.MALFORMED_RESPONSE, 200, null,
          settings.name() + " answered a body that is not a message: " + e.getMessage(), e);
    }
    return fromWire(r, request);
  }

  @Override
  public ProviderReply stream(ProviderRequest request, StreamTimeouts timeouts, java.util.function.Consumer<String> onText)
      throws ProviderFailure {
    long start = System.nanoTime();
    byte[] body;
    try {
      body = OpenAiStreaming.withFields(json.writeValueAsBytes(toWire(request)), AnthropicStreaming.STREAM_FIELDS);
    } catch (IOException e) {
      throw new ProviderFailure(ProviderFailure.Type.INVALID_REQUEST, 0, null, "cannot write request: " + e, e);
    }
    LineStream lines = http.stream(messagesUri, headers, body, timeouts.total(), SseStream.headersBy(timeouts, start));
    try (SseStream events = new SseStream(lines, settings.name(), timeouts, start)) {
      return AnthropicStreaming.read(events, json, settings.name(), onText);
    }
  }

  AnthropicWire.MessagesRequest toWire(ProviderRequest request) {
    StringBuilder system = new StringBuilder();
    List<AnthropicWire.Message> messages = new ArrayList<>();
    int lastUser = -1;
    for (int i = 0; i < request.messages().size(); i++) {
      if (request.messages().get(i).role() == ChatMessage.Role.USER) {
        lastUser = i;
      }
    }
    for (int i = 0; i < request.messages().size(); i++) {
      ChatMessage m = request.messages().get(i);
      if (m.role() == ChatMessage.Role.SYSTEM) {
        if (!system.isEmpty()) {
          system.append("\n\n");
        }
        system.append(m.content());
        continue;
      }
      List<AnthropicWire.Block> blocks = new ArrayList<>();
      if (i == lastUser) {
        for (ImageInput image : request.images()) {
          String type = image.mediaType() == null ? "image/jpeg" : image.mediaType();
          blocks.add(new AnthropicWire.Block("image", null,
              new AnthropicWire.Source("base64", type, Base64.getEncoder().encodeToString(image.data()))));
        }
      }
      blocks.add(new AnthropicWire.Block("text", m.content(), null));
      messages.add(new AnthropicWire.Message(m.role() == ChatMessage.Role.USER ? "user" : "assistant", blocks));
    }
    List<AnthropicWire.Tool> tools = null;
    Map<String, Object> toolChoice = null;
    if (request.structured()) {
      tools = List.of(new AnthropicWire.Tool(request.schemaName(), "Give the answer", request.schema()));
      toolChoice = OpenAiProvider.ordered("type", "tool", "name", request.schemaName());
    }
    return new AnthropicWire.MessagesRequest(
        request.model(),
        request.maxTokens() == null ? DEFAULT_MAX_TOKENS : request.maxTokens(),
        system.isEmpty() ? null : system.toString(),
        messages,
        request.temperature(),
        tools,
        toolChoice);
  }

  ProviderReply fromWire(AnthropicWire.MessagesResponse r, ProviderRequest request) throws ProviderFailure {
    if (r.content() == null) {
      throw new ProviderFailure(ProviderFailure.Type.MALFORMED_RESPONSE, 200, null, settings.name() + " sent no content");
    }
    String text = null;
    StringBuilder texts = new StringBuilder();
    for (AnthropicWire.AnswerBlock b : r.content()) {
      if ("tool_use".equals(b.type()) && b.input() != null && text == null) {
        try {
          text = json.writeValueAsString(b.input());
        } catch (IOException e) {
          throw new ProviderFailure(ProviderFailure.Type.MALFORMED_RESPONSE, 200, null, "unreadable tool input", e);
        }
      } else if ("text".equals(b.type()) && b.text() != null) {
        texts.append(b.text());
      }
    }
    if (text == null) {
      if (texts.isEmpty()) {
        throw new ProviderFailure(ProviderFailure.Type.MALFORMED_RESPONSE, 200, null,
            settings.name() + " sent neither text nor a tool call");
      }
      text = texts.toString();
    }
    int in = 0;
    int out = 0;
    int cached = 0;
    if (r.usage() != null) {
      cached = r.usage().cache_read_input_tokens() == null ? 0 : r.usage().cache_read_input_tokens();
      int created = r.usage().cache_creation_input_tokens() == null ? 0 : r.usage().cache_creation_input_tokens();
      // Anthropic counts cache reads and writes apart from input_tokens; the gateway's input includes them.
      in = r.usage().input_tokens() + cached + created;
      out = r.usage().output_tokens();
    }
    return new ProviderReply(text, in, out, cached, r.id(), r.model(), r.stop_reason());
  }

  @Override
  public EmbeddingReply embed(String model, List<String> texts, Duration timeout) throws ProviderFailure {
    throw new ProviderFailure(ProviderFailure.Type.INVALID_REQUEST, 0, null,
        settings.name() + " (anthropic) has no embeddings API");
  }
}
