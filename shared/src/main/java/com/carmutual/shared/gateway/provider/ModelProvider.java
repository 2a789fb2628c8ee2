package com.carmutual.shared.gateway.provider;

import java.time.Duration;
import java.util.List;

/**
 * A remote model provider as a pure translator: turns a {@link ProviderRequest} into its wire
 * format, sends it once, and turns the answer (or error) back. Retries, deadlines, fallbacks,
 * redaction, caching and tracing are the gateway's job, never the provider's.
 */
public interface ModelProvider {

  /** The configured name (e.g. {@code openai}, {@code deepseek}). */
  String name();

  /** The wire format spoken ({@code openai} or {@code anthropic}). */
  String type();

  /** The host it talks to, for spans ({@code server.address}). */
  String serverAddress();

  /** One attempt; throws {@link ProviderFailure} for every failure, classified. */
  ProviderReply complete(ProviderRequest request, Duration timeout) throws ProviderFailure;

  /** One embeddings attempt: one vector per text, in order. */
  EmbeddingReply embed(String model, List<String> texts, Duration timeout) throws ProviderFailure;

  /**
   * One streamed attempt of a free-text answer: {@code onText} gets each piece of text as it
   * arrives (on the calling thread); the returned reply holds the whole text and the usage. A
   * failure is thrown whether or not text was already delivered; the gateway decides what it means.
   */
  default ProviderReply stream(ProviderRequest request, StreamTimeouts timeouts, java.util.function.Consumer<String> onText)
      throws ProviderFailure {
    throw new ProviderFailure(ProviderFailure.Type.INVALID_REQUEST, 0, null, name() + " cannot stream");
  }

  /** Vectors and the tokens they cost. */
  record EmbeddingReply(List<float[]> vectors, int inputTokens) {}
}
