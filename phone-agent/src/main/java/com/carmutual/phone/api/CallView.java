package com.carmutual.phone.api;

import com.carmutual.phone.dialogue.CallState;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A call after (or during) the conversation: Twilio's status, the dialogue's outcome
 * ({@code in-progress, completed, transferred, declined, voicemail}), the fields by their canonical
 * names, the transcript with timestamps and a one-line summary; for a call that files a claim, the
 * state of that filing ({@code claimFiling}, null otherwise).
 */
@Serdeable
public record CallView(
    String callSid,
    String script,
    String status,
    String outcome,
    String lang,
    @Nullable String direction,
    @Nullable String from,
    @Nullable String to,
    @Nullable String campaignId,
    @Nullable String answeredBy,
    @Nullable Integer durationSeconds,
    Map<String, Object> fields,
    List<CallState.TranscriptTurn> transcript,
    String summary,
    Instant createdAt,
    Instant updatedAt,
    @Nullable ClaimFilingView claimFiling) {}
