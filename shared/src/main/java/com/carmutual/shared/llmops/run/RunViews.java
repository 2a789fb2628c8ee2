package com.carmutual.shared.llmops.run;

import com.carmutual.shared.gateway.LlmCallRecord;
import com.carmutual.shared.gateway.TaskVersion;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the run endpoints answer. */
public final class RunViews {
  private RunViews() {}

  /** One run in a list. */
  @Serdeable
  public record RunSummary(
      String id,
      String workflow,
      String status,
      Instant startedAt,
      long durationMicros,
      @Nullable String codeVersion,
      @Nullable String client,
      @Nullable String replayOf) {}

  /**
   * One run as a tree of nodes, with the versions in force and each node's LLM calls (summaries
   * per node; {@code calls} are the gateway's full traces of the run, each naming its node).
   */
  @Serdeable
  public record RunTree(
      String id,
      String workflow,
      String status,
      Instant startedAt,
      long durationMicros,
      @Nullable String codeVersion,
      JsonNode versions,
      @Nullable String client,
      @Nullable String traceId,
      @Nullable String replayOf,
      JsonNode input,
      JsonNode output,
      @Nullable String error,
      List<NodeView> nodes,
      List<LlmCallRecord> calls) {}

  /** One node and the nodes it enclosed. */
  @Serdeable
  public record NodeView(
      int seq,
      String name,
      String kind,
      Instant startedAt,
      long durationMicros,
      JsonNode input,
      JsonNode output,
      @Nullable String error,
      JsonNode llmCalls,
      List<NodeView> children) {}

  /** Which versions a replay runs with, per task. */
  @Serdeable
  public record ReplayRequest(@Nullable Map<String, TaskVersion> versions) {}

  /** A replay next to its original, node by node. */
  @Serdeable
  public record ReplayResult(
      String originalRunId,
      @Nullable String replayRunId,
      Map<String, TaskVersion> versions,
      boolean outputSame,
      JsonNode originalOutput,
      JsonNode replayOutput,
      @Nullable String replayError,
      List<NodeDiff> nodes) {}

  /**
   * A node of the original and the replay, matched by name and occurrence; either side is absent
   * when only one run executed it.
   */
  @Serdeable
  public record NodeDiff(
      String name,
      int occurrence,
      boolean inOriginal,
      boolean inReplay,
      boolean same,
      JsonNode originalOutput,
      JsonNode replayOutput,
      @Nullable String originalError,
      @Nullable String replayError,
      long originalMicros,
      long replayMicros,
      JsonNode originalCalls,
      JsonNode replayCalls) {}
}
