package com.carmutual.phone.call;

import com.carmutual.phone.dialogue.Reply;
import io.micronaut.serde.annotation.Serdeable;

/** What the {@code dialogue} node of {@code phone.turn} records as its output. */
@Serdeable
record DialogueNodeOutput(String pending, int attempts, String outcome, Reply reply) {}
