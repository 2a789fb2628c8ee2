package com.carmutual.phone.call;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Input of workflow {@code phone.turn}: one webhook's answer for one call turn. */
@Serdeable
public record TurnInput(String callSid, String script, int turn, @Nullable String speech, @Nullable String digits, @Nullable Double confidence) {}
