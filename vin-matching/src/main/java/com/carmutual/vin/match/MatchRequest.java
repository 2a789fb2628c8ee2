package com.carmutual.vin.match;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A VIN to match, with the member's optional free-text hint such as {@code 2019 camry se}. */
@Serdeable
public record MatchRequest(@NotBlank @Size(max = 64) String vin, @Nullable @Size(max = 500) String hint) {}
