package com.carmutual.claims.flag;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Something an adjuster should look at, never a silent rejection: a stable {@code code}, the area
 * ({@code photo}, {@code vehicle}, {@code estimate}), how urgent ({@code info}, {@code review},
 * {@code warning}), what it is about (a photo name, a part code) and the evidence behind it.
 */
@Serdeable
public record Flag(String code, String category, String level, @Nullable String subject, String evidence) {}
