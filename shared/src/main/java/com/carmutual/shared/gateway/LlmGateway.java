package com.carmutual.shared.gateway;

import java.util.List;

/**
 * The one way service code talks to language and embedding models. Callers name a task, never a
 * provider: configuration routes each task to an ordered list of provider/model targets, and the
 * gateway does retries, fallbacks, schema checks, redaction, caching and tracing.
 *
 * <p>Every failure ends in an {@link LlmException}, which the caller turns into its deterministic
 * fallback.
 */
public interface LlmGateway {

  /** Runs {@code task} on {@code input} and returns its output, checked against {@code type}. */
  default <T> T structured(String task, Object input, Class<T> type) {
    return structured(StructuredRequest.of(task, input, type));
  }

  /** As {@link #structured(String, Object, Class)}, with images and per-call options. */
  <T> T structured(StructuredRequest<T> request);

  /** A free-text chat completion for {@code task}. */
  ChatResponse chat(String task, List<ChatMessage> messages);

  /**
   * Streams a free-text answer of {@code task} to {@code listener}, on this thread, returning when
   * it ended. {@code input} is the user's message (a string, a list of {@link ChatMessage}s, or a
   * value sent as JSON). Fallback to the route's next target happens only before the first piece
   * reaches the listener; every failure ends in {@link StreamListener#onError}, never thrown.
   */
  void stream(String task, Object input, StreamListener listener);

  /** Whether the route in force for {@code task} names a remote model, not only the local provider. */
  default boolean routedToModel(String task) {
    return false;
  }

  /** Embeds texts with the embedding route (in-process model by default); one vector per text. */
  List<float[]> embed(List<String> texts);
}
