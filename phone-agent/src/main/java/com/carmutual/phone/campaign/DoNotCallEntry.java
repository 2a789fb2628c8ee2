package com.carmutual.phone.campaign;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** A number on the do-not-call list. */
@Serdeable
public record DoNotCallEntry(String number, @Nullable String reason, @Nullable String addedBy, Instant addedAt) {}
