package com.carmutual.phone.call;

import com.carmutual.phone.dialogue.CallState;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** A call as stored: Twilio's view (status, numbers, answering machine) and the dialogue's state. */
public record StoredCall(
    String callSid,
    String script,
    String lang,
    String status,
    String outcome,
    @Nullable String direction,
    @Nullable String from,
    @Nullable String to,
    @Nullable String campaignId,
    @Nullable String answeredBy,
    @Nullable Integer durationSeconds,
    int turn,
    CallState state,
    Instant createdAt,
    Instant updatedAt) {}
