package com.carmutual.phone.dialogue;

import com.carmutual.phone.understand.SlotValue;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Output of the validate node: the extracted values that passed their slot's rules and those that did not. */
@Serdeable
public record Checked(List<SlotValue> accepted, List<SlotValue> rejected, String intent) {}
