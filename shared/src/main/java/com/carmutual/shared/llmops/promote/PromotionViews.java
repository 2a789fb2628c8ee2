package com.carmutual.shared.llmops.promote;

import com.carmutual.shared.gateway.TaskVersion;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** Requests and answers of the promotion API. */
public final class PromotionViews {
  private PromotionViews() {}

  /** The version to promote: a route version and/or a prompt version of the task. */
  @Serdeable
  public record Candidate(@Nullable String route, @Nullable String promptVersion) {}

  /**
   * Every gate given must pass: the candidate's mean score at least {@code minScore}; the champion's
   * minus the candidate's at most {@code maxRegression}; the candidate's cost over the champion's
   * at most {@code maxCostRatio}; the candidate's p95 latency at most {@code maxP95LatencyMs}.
   */
  @Serdeable
  public record Gates(
      @Nullable Double minScore,
      @Nullable Double maxRegression,
      @Nullable Double maxCostRatio,
      @Nullable Double maxP95LatencyMs) {}

  @Serdeable
  public record PromotionRequest(@Nullable Candidate candidate, @Nullable List<String> evalSets, @Nullable Gates gates) {}

  /**
   * One gate's verdict: the measured value ({@code null} when it could not be measured, which
   * fails), the threshold, and where the figure came from ({@code experiment}, {@code shadow}).
   */
  @Serdeable
  public record GateResult(
      String gate, double threshold, @Nullable Double measured, boolean passed, String source, @Nullable String detail) {}

  /** A promotion: {@code running}, {@code promoted} or {@code rejected}, with each gate and the experiments behind them. */
  @Serdeable
  public record PromotionView(
      String id,
      String task,
      TaskVersion candidate,
      TaskVersion champion,
      List<String> evalSets,
      Gates gates,
      String status,
      List<GateResult> results,
      List<String> experimentIds,
      @Nullable String shadowChallengerId,
      @Nullable String error,
      String createdBy,
      Instant createdAt,
      @Nullable Instant finishedAt) {}

  /** What the results column stores. */
  @Serdeable
  record Decision(List<GateResult> results, @Nullable String shadowChallengerId) {}
}
