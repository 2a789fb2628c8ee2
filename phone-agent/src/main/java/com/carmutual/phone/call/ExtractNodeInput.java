package com.carmutual.phone.call;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** What the {@code extract} node of {@code phone.turn} records as its input. */
@Serdeable
record ExtractNodeInput(String script, String expecting, @Nullable String speech, @Nullable String digits, String today) {}
