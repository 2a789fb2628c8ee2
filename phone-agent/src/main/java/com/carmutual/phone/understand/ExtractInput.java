package com.carmutual.phone.understand;

import com.carmutual.shared.gateway.redact.PersonalValues;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * Input of task {@code phone.extract}: what the caller just said (or keyed) in answer to the slot
 * {@code expecting} ({@code #confirm} for the read-back question), every slot of the script, the
 * ones already filled (a correction may name them), the call's local date for relative dates, and
 * the caller's previous turn ({@code previous}: "last Sunday night" tells what "around eleven" means)
 * and the values held so far ({@code values}: "no, nine" corrects 20:00 to 21:00, not to 09:00).
 */
@Serdeable
public record ExtractInput(
    String script,
    String lang,
    String today,
    String expecting,
    List<SlotSpec> slots,
    List<String> filled,
    @Nullable String utterance,
    @Nullable String digits,
    @Nullable String previous,
    @Nullable Map<String, String> values) implements PersonalValues {

  /** Slot types and free-text roles whose values identify the caller (hidden from external models). */
  private static final java.util.Set<String> PERSONAL = java.util.Set.of("plate", "member_id", "name", "location");

  /** The values already given for personal slots: names, places, plates, member numbers. */
  @Override
  public java.util.Collection<String> personalValues() {
    if (values == null || values.isEmpty() || slots == null) {
      return List.of();
    }
    List<String> out = new java.util.ArrayList<>();
    for (SlotSpec s : slots) {
      String v = values.get(s.name());
      if (v != null && !v.isBlank() && (PERSONAL.contains(s.type()) || PERSONAL.contains(String.valueOf(s.role())))) {
        out.add(v);
      }
    }
    return out;
  }

  /** A turn with nothing said before it. */
  public ExtractInput(String script, String lang, String today, String expecting, List<SlotSpec> slots,
      List<String> filled, @Nullable String utterance, @Nullable String digits) {
    this(script, lang, today, expecting, slots, filled, utterance, digits, null, null);
  }
}
