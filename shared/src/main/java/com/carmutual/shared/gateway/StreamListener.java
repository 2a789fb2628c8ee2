package com.carmutual.shared.gateway;

/**
 * Receives one streamed answer of {@link LlmGateway#stream}, on the thread that called it: pieces
 * of text in order, then exactly one of {@link #onComplete} or {@link #onError}. All pieces come
 * from one provider: once the first one is delivered, a failure ends the stream with {@link
 * #onError} and nothing from another target follows.
 */
public interface StreamListener {

  /** The next piece of the answer (personal data already restored). */
  void onToken(String text);

  /** The stream ended normally. */
  void onComplete(StreamResult result);

  /** No answer, or the answer broke off; {@link StreamResult}-less, with the reason. */
  void onError(LlmException error);

  /** Asked after every piece: true stops the stream quietly (e.g. the caller spoke over it). */
  default boolean cancelled() {
    return false;
  }
}
