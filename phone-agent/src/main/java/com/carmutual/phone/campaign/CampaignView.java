package com.carmutual.phone.campaign;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A campaign's progress: counts by target status and each target's state. */
@Serdeable
public record CampaignView(
    String id,
    String script,
    String lang,
    int maxAttempts,
    int retryMinutes,
    Instant createdAt,
    Map<String, Integer> progress,
    List<TargetView> targets) {

  /**
   * One number's state: {@code pending} (waiting for its time or window), {@code calling},
   * {@code done}, {@code skipped-dnc}, {@code failed} (out of attempts) or {@code voicemail}.
   */
  @Serdeable
  public record TargetView(
      int seq, String number, String timeZone, String status, int attempts, @Nullable String callSid,
      Instant nextAttemptAt, @Nullable String lastResult) {}
}
