package com.carmutual.shared.gateway;

import io.micronaut.serde.annotation.Serdeable;

/** A chat completion: the text, which model wrote it, and its token counts. */
@Serdeable
public record ChatResponse(String content, String provider, String model, int inputTokens, int outputTokens) {}
