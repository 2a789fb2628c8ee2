package com.carmutual.shared.llmops.run;

import com.carmutual.shared.gateway.GatewayOverrides;
import com.carmutual.shared.gateway.LlmCallRecord;
import com.carmutual.shared.gateway.LlmCalls;
import com.carmutual.shared.gateway.TaskVersion;
import com.carmutual.shared.llmops.ReplayableWorkflow;
import com.carmutual.shared.llmops.run.RunViews.NodeDiff;
import com.carmutual.shared.llmops.run.RunViews.NodeView;
import com.carmutual.shared.llmops.run.RunViews.ReplayResult;
import com.carmutual.shared.llmops.run.RunViews.RunSummary;
import com.carmutual.shared.llmops.run.RunViews.RunTree;
import com.carmutual.shared.llmops.support.Jsons;
import com.carmutual.shared.problem.ProblemException;
import io.micronaut.context.BeanProvider;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads stored runs as trees and replays them under other versions. */
@Singleton
public class Runs {
  private final RunRepository runs;
  private final NodeRepository nodes;
  private final Jsons jsons;
  private final Map<String, ReplayableWorkflow> replayable = new HashMap<>();
  private final BeanProvider<LlmCalls> traces;

  Runs(
      RunRepository runs,
      NodeRepository nodes,
      Jsons jsons,
      List<ReplayableWorkflow> workflows,
      BeanProvider<LlmCalls> traces) {
    this.traces = traces;
    this.runs = runs;
    this.nodes = nodes;
    this.jsons = jsons;
    for (ReplayableWorkflow w : workflows) {
      replayable.put(w.workflow(), w);
    }
  }

  /** The newest runs, of one workflow when given. */
  public List<RunSummary> list(String workflow, int limit) {
    Pageable page =
        Pageable.from(0, Math.max(1, Math.min(limit, 500)), Sort.of(Sort.Order.desc("startedAt")));
    List<RunEntity> found =
        workflow == null || workflow.isBlank()
            ? runs.findAll(page)
            : runs.findByWorkflow(workflow, page);
    return found.stream()
        .map(
            r ->
                new RunSummary(
                    r.id(),
                    r.workflow(),
                    r.status(),
                    r.startedAt(),
                    r.durationMicros(),
                    r.codeVersion(),
                    r.client(),
                    r.replayOf()))
        .toList();
  }

  /** The stored input of a run, if it exists. */
  public Optional<JsonNode> input(String runId) {
    return runs.findById(runId).map(r -> jsons.read(r.input()));
  }

  /** The stored output of a run, if it exists and succeeded. */
  public Optional<JsonNode> output(String runId) {
    return runs.findById(runId).filter(r -> r.error() == null).map(r -> jsons.read(r.output()));
  }

  /** The versions in force during a run, as stored JSON. */
  public Optional<JsonNode> versions(String runId) {
    return runs.findById(runId).map(r -> jsons.read(r.versions()));
  }

  /** The workflow name of a run. */
  public Optional<String> workflow(String runId) {
    return runs.findById(runId).map(RunEntity::workflow);
  }

  /** One run as a node tree. */
  public Optional<RunTree> tree(String runId) {
    return runs.findById(runId).map(this::toTree);
  }

  private RunTree toTree(RunEntity r) {
    List<NodeEntity> all = nodes.findByRunIdOrderBySeq(r.id());
    Map<Integer, List<NodeEntity>> byParent = new HashMap<>();
    for (NodeEntity n : all) {
      byParent.computeIfAbsent(n.parentSeq() == null ? 0 : n.parentSeq(), k -> new ArrayList<>()).add(n);
    }
    return new RunTree(
        r.id(),
        r.workflow(),
        r.status(),
        r.startedAt(),
        r.durationMicros(),
        r.codeVersion(),
        jsons.read(r.versions()),
        r.client(),
        r.traceId(),
        r.replayOf(),
        jsons.read(r.input()),
        jsons.read(r.output()),
        r.error(),
        children(0, byParent),
        tracedCalls(r.id()));
  }

  /** The gateway's full traces of the run's calls (redacted input and output), oldest first. */
  private List<LlmCallRecord> tracedCalls(String runId) {
    if (!traces.isPresent()) {
      return List.of();
    }
    try {
      return traces.get().byRun(runId);
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private List<NodeView> children(int parent, Map<Integer, List<NodeEntity>> byParent) {
    List<NodeView> out = new ArrayList<>();
    for (NodeEntity n : byParent.getOrDefault(parent, List.of())) {
      out.add(
          new NodeView(
              n.seq(),
              n.name(),
              n.kind(),
              n.startedAt(),
              n.durationMicros(),
              jsons.read(n.input()),
              jsons.read(n.output()),
              n.error(),
              n.calls() == null ? JsonNode.createArrayNode(List.of()) : jsons.read(n.calls()),
              children(n.seq(), byParent)));
    }
    return out;
  }

  /** The names of the workflows that can be replayed in this service. */
  public List<String> replayableWorkflows() {
    return replayable.keySet().stream().sorted().toList();
  }

  /**
   * Runs the workflow of {@code runId} again on its stored input with {@code versions} overriding
   * the active ones, and compares the new run with the original node by node.
   */
  public ReplayResult replay(String runId, Map<String, TaskVersion> versions) {
    RunEntity original =
        runs.findById(runId).orElseThrow(() -> ProblemException.notFound("run " + runId));
    ReplayableWorkflow workflow = replayable.get(original.workflow());
    if (workflow == null) {
      throw ProblemException.badRequest(
          "workflow-not-replayable",
          "workflow '"
              + original.workflow()
              + "' has no ReplayableWorkflow bean in this service; replayable: "
              + replayableWorkflows());
    }
    JsonNode input = jsons.read(original.input());
    StoredWorkflows.ReplayCapture capture = new StoredWorkflows.ReplayCapture(runId);
    String replayError = null;
    Object output = null;
    try {
      output =
          StoredWorkflows.capturingReplay(
              capture, () -> GatewayOverrides.with(versions, () -> workflow.replay(input)));
    } catch (RuntimeException e) {
      replayError = StoredWorkflows.describe(e);
    }
    String replayId = capture.newRunId;
    RunEntity replayRun = replayId == null ? null : runs.findById(replayId).orElse(null);
    JsonNode originalOut = jsons.read(original.output());
    JsonNode replayOut =
        replayRun != null ? jsons.read(replayRun.output()) : jsons.tree(output);
    if (replayRun != null && replayError == null) {
      replayError = replayRun.error();
    }
    return new ReplayResult(
        runId,
        replayId,
        versions,
        replayError == null
            && original.error() == null
            && jsons.canonical(originalOut).equals(jsons.canonical(replayOut)),
        originalOut,
        replayOut,
        replayError,
        compareNodes(
            nodes.findByRunIdOrderBySeq(runId),
            replayId == null ? List.of() : nodes.findByRunIdOrderBySeq(replayId)));
  }

  private List<NodeDiff> compareNodes(List<NodeEntity> a, List<NodeEntity> b) {
    Map<String, NodeEntity> left = byOccurrence(a);
    Map<String, NodeEntity> right = byOccurrence(b);
    List<String> keys = new ArrayList<>(left.keySet());
    for (String k : right.keySet()) {
      if (!left.containsKey(k)) {
        keys.add(k);
      }
    }
    List<NodeDiff> out = new ArrayList<>();
    for (String k : keys) {
      NodeEntity l = left.get(k);
      NodeEntity r = right.get(k);
      int cut = k.lastIndexOf('#');
      JsonNode lo = l == null ? JsonNode.nullNode() : jsons.read(l.output());
      JsonNode ro = r == null ? JsonNode.nullNode() : jsons.read(r.output());
      boolean same =
          l != null
              && r != null
              && l.error() == null
              && r.error() == null
              && jsons.canonical(lo).equals(jsons.canonical(ro));
      out.add(
          new NodeDiff(
              k.substring(0, cut),
              Integer.parseInt(k.substring(cut + 1)),
              l != null,
              r != null,
              same,
              lo,
              ro,
              l == null ? null : l.error(),
              r == null ? null : r.error(),
              l == null ? 0 : l.durationMicros(),
              r == null ? 0 : r.durationMicros(),
              calls(l),
              calls(r)));
    }
    return out;
  }

  private JsonNode calls(NodeEntity n) {
    return n == null || n.calls() == null ? JsonNode.createArrayNode(List.of()) : jsons.read(n.calls());
  }

  private static Map<String, NodeEntity> byOccurrence(List<NodeEntity> nodes) {
    Map<String, Integer> seen = new HashMap<>();
    Map<String, NodeEntity> out = new LinkedHashMap<>();
    for (NodeEntity n : nodes) {
      int occurrence = seen.merge(n.name(), 1, Integer::sum);
      out.put(n.name() + "#" + occurrence, n);
    }
    return out;
  }
}
