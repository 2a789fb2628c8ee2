package com.carmutual.phone.dialogue;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * Everything the dialogue remembers between turns, stored with the call: language and time zone,
 * the call's local date (relative dates are resolved against it), the slot values in canonical form
 * (a slot in {@code filled} with no value is an explicit "don't know"), which question is pending,
 * how many attempts it took, the outcome and the transcript.
 */
@Serdeable
public record CallState(
    String script,
    String lang,
    String zone,
    String today,
    Map<String, String> values,
    List<String> filled,
    String pending,
    int attempts,
    boolean dtmf,
    String outcome,
    boolean transferAtEnd,
    List<TranscriptTurn> transcript) {

  public CallState {
    // stored JSON omits empty collections: read them back as empty, never null
    values = values == null ? Map.of() : values;
    filled = filled == null ? List.of() : filled;
    transcript = transcript == null ? List.of() : transcript;
  }

  /** Pending value once the call has ended. */
  public static final String DONE = "#done";
  /** Pending value while asking which detail to change after a "no" at the read-back. */
  public static final String CHANGE = "#change";

  public static final String IN_PROGRESS = "in-progress";
  public static final String COMPLETED = "completed";
  public static final String TRANSFERRED = "transferred";
  public static final String DECLINED = "declined";
  public static final String VOICEMAIL = "voicemail";
  public static final String ENDED = "ended";

  /** One line of the transcript: who spoke, what was said or keyed, and when. */
  @Serdeable
  public record TranscriptTurn(
      String speaker, String text, String at, @Nullable String slot, @Nullable String input, @Nullable Double confidence) {}
}
