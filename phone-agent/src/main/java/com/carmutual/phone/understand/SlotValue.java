package com.carmutual.phone.understand;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One slot filled from an utterance, in canonical form: ISO date, "HH:MM", "true"/"false", a
 * number, an upper-case plate, "M" plus six digits, or text. A null value means the caller said
 * they do not know or will not say, which is an answer for a nullable slot.
 */
@Serdeable
public record SlotValue(String slot, @Nullable String value) {}
