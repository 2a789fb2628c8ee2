package com.carmutual.phone.script;

import com.carmutual.phone.understand.SlotSpec;
import java.util.List;
import java.util.Map;

/**
 * One dialogue script loaded from {@code scripts/<name>.yml}: what to say (per language), the slots
 * to fill in order, the read-back question and the fields derived from slots at the end.
 */
public record Script(
    String name,
    boolean filesClaim,
    Map<String, String> greeting,
    Map<String, String> closing,
    Map<String, String> declined,
    Map<String, String> confirm,
    List<Slot> slots,
    Map<String, List<String>> derivedAllTrue) {

  /** The slot called {@code name}, or null. */
  public Slot slot(String name) {
    return slots.stream().filter(s -> s.spec().name().equals(name)).findFirst().orElse(null);
  }

  public List<SlotSpec> specs() {
    return slots.stream().map(Slot::spec).toList();
  }

  /** A slot with its prompts; {@code whenTrue} is said after a yes (for example after an injury). */
  public record Slot(
      SlotSpec spec,
      Map<String, String> prompt,
      Map<String, String> reprompt,
      Map<String, String> label,
      Map<String, String> whenTrue,
      boolean transferWhenTrue,
      boolean endWhenFalse) {}
}
