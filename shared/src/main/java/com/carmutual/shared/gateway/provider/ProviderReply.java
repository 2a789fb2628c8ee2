package com.carmutual.shared.gateway.provider;

import io.micronaut.core.annotation.Nullable;

/**
 * A model's answer: the text (for structured calls, the JSON value as text), token counts
 * ({@code inputTokens} includes {@code cachedTokens}) and what the provider said about it.
 */
public record ProviderReply(
    String text,
    int inputTokens,
    int outputTokens,
    int cachedTokens,
    @Nullable String responseId,
    @Nullable String responseModel,
    @Nullable String finishReason) {}
