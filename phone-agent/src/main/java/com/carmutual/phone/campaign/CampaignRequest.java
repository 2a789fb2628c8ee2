package com.carmutual.phone.campaign;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A campaign to start: the script ({@code csat} after a claim closes, {@code screening} for
 * interview invitations, or {@code fnol}), the language, the numbers with their time zones, and how
 * often to retry busy, unanswered or answering-machine calls.
 */
@Serdeable
public record CampaignRequest(
    @NotBlank String script,
    @Nullable String lang,
    @NotEmpty @Size(max = 10000) List<@Valid Target> numbers,
    @Nullable @Min(1) @Max(10) Integer maxAttempts,
    @Nullable @Min(1) @Max(10080) Integer retryMinutes) {

  /** One number to call, E.164, and the callee's IANA time zone (e.g. "America/New_York"). */
  @Serdeable
  public record Target(@NotBlank String number, @NotBlank String timeZone) {}
}
