package com.carmutual.shared.llmops.eval.experiment;

import com.carmutual.shared.gateway.TaskVersion;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Requests and answers of the experiment API and the command line. */
public final class ExperimentViews {
  private ExperimentViews() {}

  /**
   * Run the set {@code set} (latest version unless {@code setVersion}) of {@code task} through the
   * task's {@code EvalTarget} once per configuration. No configurations means one, {@code active}:
   * the versions in force now. The scorer defaults to the target's.
   */
  @Serdeable
  public record ExperimentRequest(
      String task,
      String set,
      @Nullable Integer setVersion,
      @Nullable List<Configuration> configurations,
      @Nullable String scorer,
      @Nullable Integer limit) {}

  /** A named set of version overrides per task, applied with {@code GatewayOverrides}. */
  @Serdeable
  public record Configuration(String name, @Nullable Map<String, TaskVersion> versions) {}

  /**
   * Aggregates of one configuration. Scores in [0, 1]; CI is a 95% bootstrap interval of the mean.
   * Outcomes count the items whose score detail starts with a label in brackets ({@code [wrong] ...}).
   */
  @Serdeable
  public record ConfigSummary(
      String configuration,
      int items,
      int scored,
      int errors,
      @Nullable Double meanScore,
      @Nullable Double ci95Low,
      @Nullable Double ci95High,
      @Nullable Double latencyP50Ms,
      @Nullable Double latencyP95Ms,
      long inputTokens,
      long outputTokens,
      BigDecimal cost,
      int calls,
      @Nullable @io.swagger.v3.oas.annotations.media.Schema(description = "items per outcome a scorer labels (e.g. correct, wrong, clarified, refused)")
      Map<String, Integer> outcomes) {}

  /** An experiment with its progress and, when done, its summary per configuration. */
  @Serdeable
  public record ExperimentView(
      String id,
      String task,
      String setId,
      String set,
      int setVersion,
      String scorer,
      List<Configuration> configurations,
      String status,
      int done,
      int total,
      List<ConfigSummary> summary,
      @Nullable String error,
      String createdBy,
      Instant createdAt,
      @Nullable Instant finishedAt) {}

  /** One item's result under one configuration. */
  @Serdeable
  public record ItemResult(
      String configuration,
      String itemId,
      JsonNode output,
      @Nullable String error,
      @Nullable Double score,
      @Nullable String scoreDetail,
      long latencyMicros,
      int inputTokens,
      int outputTokens,
      BigDecimal cost,
      int calls,
      @Nullable String runId) {}

  /** Two experiment configurations side by side, item by item. */
  @Serdeable
  public record Comparison(
      Side a,
      Side b,
      @Nullable Double meanDelta,
      int better,
      int worse,
      int same,
      List<ItemComparison> items) {}

  /** One side of a comparison. */
  @Serdeable
  public record Side(String experimentId, String configuration, String set, int setVersion, @Nullable ConfigSummary summary) {}

  /** One item under both sides; {@code delta} is b minus a when both were scored. */
  @Serdeable
  public record ItemComparison(
      String itemId,
      JsonNode input,
      @Nullable JsonNode expected,
      JsonNode aOutput,
      JsonNode bOutput,
      @Nullable Double aScore,
      @Nullable Double bScore,
      @Nullable Double delta,
      @Nullable String aDetail,
      @Nullable String bDetail,
      @Nullable String aError,
      @Nullable String bError,
      boolean sameOutput) {}
}
