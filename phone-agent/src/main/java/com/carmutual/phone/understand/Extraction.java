package com.carmutual.phone.understand;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * Output of task {@code phone.extract}: the slots the utterance filled (several at once is fine)
 * and the caller's intent: {@code answer}, {@code correction} (a value replaces an earlier one),
 * {@code agent} (wants a person), {@code repeat}, or {@code none} (nothing usable was said).
 */
@Serdeable
public record Extraction(List<SlotValue> values, String intent) {
  public static final String ANSWER = "answer";
  public static final String CORRECTION = "correction";
  public static final String AGENT = "agent";
  public static final String REPEAT = "repeat";
  public static final String NONE = "none";
}
