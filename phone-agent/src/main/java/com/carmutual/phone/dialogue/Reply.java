package com.carmutual.phone.dialogue;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * What to do with the caller this turn, independent of TwiML: sentences to say, then one action:
 * gather the next answer (by speech and keys, or keys only with an expected number of digits),
 * hand over to a person, or hang up.
 */
@Serdeable
public record Reply(String lang, List<String> say, Action action, boolean keysOnly, @Nullable Integer numDigits, List<String> hints) {
  /** The action after speaking. */
  public enum Action {
    GATHER,
    TRANSFER,
    HANGUP
  }
}
