package com.carmutual.phone.relay;

import com.carmutual.phone.dialogue.Reply;
import com.carmutual.shared.gateway.LlmException;
import com.carmutual.shared.gateway.LlmGateway;
import com.carmutual.shared.gateway.StreamListener;
import com.carmutual.shared.gateway.StreamResult;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says a reply through task {@code phone.reply} when a model route answers it, streaming the
 * model's words to ConversationRelay as they arrive ({@code text} tokens with {@code last: false},
 * then an empty one with {@code last: true}). Without such a route, or when the model fails before
 * its first word, the caller hears the script's own words instead; once words went out, a failure
 * ends the utterance there (two answers are never mixed). The dialogue's decisions never depend on
 * what the model said.
 */
@Singleton
final class ModelSpeech {
  static final String TASK = "phone.reply";
  private static final Logger LOG = LoggerFactory.getLogger(ModelSpeech.class);

  /** What the model is asked to say: the reply's language and the script's sentences. */
  @Serdeable
  record Turn(String lang, List<String> say) {}

  /** Where the words go. */
  interface Sink {
    void token(String text, boolean last);
  }

  private final LlmGateway gateway;

  ModelSpeech(LlmGateway gateway) {
    this.gateway = gateway;
  }

  /**
   * Streams {@code reply} to {@code sink}; false when it did not (no model route, or no word came),
   * so the caller speaks the script's words. {@code stale} stops the stream (the caller spoke over it).
   */
  boolean speak(Reply reply, Sink sink, BooleanSupplier stale) {
    if (reply.say().isEmpty() || !gateway.routedToModel(TASK)) {
      return false;
    }
    boolean[] spoke = {false};
    gateway.stream(TASK, new Turn(reply.lang(), reply.say()), new StreamListener() {
      @Override
      public void onToken(String text) {
        spoke[0] = true;
        sink.token(text, false);
      }

      @Override
      public void onComplete(StreamResult result) {
        sink.token("", true);
      }

      @Override
      public void onError(LlmException error) {
        if (spoke[0]) {
          LOG.warn("the spoken reply broke off: {}", error.getMessage());
          sink.token("", true);
        } else {
          LOG.info("no model words for this reply, speaking the script's: {}", error.getMessage());
        }
      }

      @Override
      public boolean cancelled() {
        return stale.getAsBoolean();
      }
    });
    return spoke[0];
  }
}
