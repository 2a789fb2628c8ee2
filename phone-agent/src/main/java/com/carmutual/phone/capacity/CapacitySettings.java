package com.carmutual.phone.capacity;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;

/**
 * How much work phone-agent takes on at once; beyond it a request is answered at once ("busy")
 * instead of queueing without end. Environment: {@code PHONE_MAX_REQUESTS}, {@code PHONE_RELAY_MAX_SESSIONS},
 * {@code PHONE_RELAY_THREADS}, {@code PHONE_RELAY_QUEUE}, {@code PHONE_EXTRACT_THREADS}, {@code PHONE_EXTRACT_QUEUE},
 * {@code PHONE_RETRY_AFTER}.
 *
 * @param requests webhooks and {@code /v1} requests in progress at once (each holds one thread)
 * @param relaySessions ConversationRelay sockets open at once
 * @param relayThreads threads that run ConversationRelay turns
 * @param relayQueue ConversationRelay turns waiting for one of those threads
 * @param extractThreads threads that wait on the gateway for {@code phone.extract}
 * @param extractQueue extractions waiting for one of those threads
 * @param retryAfter the {@code Retry-After} a busy answer asks for
 */
@ConfigurationProperties("phone.capacity")
public record CapacitySettings(
    @Positive int requests,
    @Positive int relaySessions,
    @Positive int relayThreads,
    @Positive int relayQueue,
    @Positive int extractThreads,
    @Positive int extractQueue,
    @NotNull Duration retryAfter) {

  /** Whole seconds for a {@code Retry-After} header, at least 1. */
  public long retryAfterSeconds() {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }
}
