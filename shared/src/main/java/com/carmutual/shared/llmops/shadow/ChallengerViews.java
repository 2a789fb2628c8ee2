package com.carmutual.shared.llmops.shadow;

import com.carmutual.shared.gateway.TaskVersion;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;

/** Requests and answers of the challenger API. */
public final class ChallengerViews {
  private ChallengerViews() {}

  /** Run route version {@code route} and prompt version {@code promptVersion} on this share of live inputs. */
  @Serdeable
  public record ChallengerRequest(@Nullable String route, @Nullable String promptVersion, @Nullable Double sampleRate) {}

  /** Inputs sampled, challenger runs stored, dropped because the queue was full, and runs that failed. */
  @Serdeable
  public record Counts(long sampled, long run, long dropped, long failed) {}

  /** A share with its 95% interval (Wilson for agreement, bootstrap for mean scores). */
  @Serdeable
  public record Estimate(long n, @Nullable Double value, @Nullable Double ci95Low, @Nullable Double ci95High) {}

  /** Both sides scored against what people labelled (annotations of the same inputs). */
  @Serdeable
  public record AgainstAnnotations(long items, Estimate champion, Estimate challenger) {}

  /** Latency and cost of one side over the stored items. */
  @Serdeable
  public record SideFigures(@Nullable Double latencyP50Ms, @Nullable Double latencyP95Ms, BigDecimal costUsd) {}

  /**
   * A challenger: what runs, counts, agreement with the champion (equal outputs), the challenger's
   * score against the champion's output (the task's evaluation scorer, else agreement), scores
   * against annotations, and latency and cost of both sides so far.
   */
  @Serdeable
  public record ChallengerView(
      String id,
      String task,
      TaskVersion challenger,
      double sampleRate,
      String status,
      Counts counts,
      Estimate agreement,
      @Nullable String scorer,
      Estimate score,
      AgainstAnnotations annotations,
      SideFigures champion,
      SideFigures challengerFigures,
      String startedBy,
      Instant startedAt,
      @Nullable Instant endedAt) {}
}
