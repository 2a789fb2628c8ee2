package com.carmutual.phone.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotEmpty;
import java.util.Map;

/** A person's fix of a call's fields, e.g. {"fields": {"plate": "ABC123"}, "comment": "caller spelled it"}. */
@Serdeable
public record CorrectionRequest(@NotEmpty Map<String, Object> fields, @Nullable String comment) {}
