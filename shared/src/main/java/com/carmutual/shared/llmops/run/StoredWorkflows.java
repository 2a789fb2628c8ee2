package com.carmutual.shared.llmops.run;

import com.carmutual.shared.gateway.CallScope;
import com.carmutual.shared.gateway.LlmCallEvent;
import com.carmutual.shared.llmops.NodeKind;
import com.carmutual.shared.llmops.WorkflowRun;
import com.carmutual.shared.llmops.Workflows;
import com.carmutual.shared.llmops.support.CallCollector;
import com.carmutual.shared.llmops.support.CodeVersion;
import com.carmutual.shared.llmops.support.Jsons;
import com.carmutual.shared.web.Caller;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs workflows and stores each run with its node tree, the LLM calls of every node (gathered
 * through {@link CallScope}) and the versions in force. A run that cannot be stored still returns
 * its output: tracing never breaks a service.
 */
@Singleton
final class StoredWorkflows implements Workflows {
  private static final Logger LOG = LoggerFactory.getLogger(StoredWorkflows.class);
  private static final ThreadLocal<ReplayCapture> REPLAY = new ThreadLocal<>();

  /** Set while a replay runs: the first run started on this thread is the replay of {@code originalId}. */
  static final class ReplayCapture {
    final String originalId;
    volatile String newRunId;

    ReplayCapture(String originalId) {
      this.originalId = originalId;
    }
  }

  private final RunStore store;
  private final CallCollector calls;
  private final Jsons jsons;
  private final Clock clock;
  private final CodeVersion codeVersion;

  StoredWorkflows(
      RunStore store, CallCollector calls, Jsons jsons, Clock clock, CodeVersion codeVersion) {
    this.store = store;
    this.calls = calls;
    this.jsons = jsons;
    this.clock = clock;
    this.codeVersion = codeVersion;
  }

  static <T> T capturingReplay(ReplayCapture capture, Supplier<T> body) {
    REPLAY.set(capture);
    try {
      return body.get();
    } finally {
      REPLAY.remove();
    }
  }

  @Override
  public <T> RunResult<T> run(String workflow, Object input, Function<WorkflowRun, T> body) {
    String id = UUID.randomUUID().toString();
    String replayOf = null;
    ReplayCapture capture = REPLAY.get();
    if (capture != null && capture.newRunId == null) {
      capture.newRunId = id;
      replayOf = capture.originalId;
    }
    Instant started = clock.instant();
    long t0 = System.nanoTime();
    CallCollector.Sink sink = calls.open(id);
    RecordingRun run = new RecordingRun(id, sink);
    T output = null;
    Throwable failure = null;
    try {
      output = calls.within(sink, () -> CallScope.within(id, workflow, () -> body.apply(run)));
      return new RunResult<>(id, output);
    } catch (RuntimeException | Error e) {
      failure = e;
      throw e;
    } finally {
      calls.close(sink);
      long micros = (System.nanoTime() - t0) / 1000;
      persist(workflow, id, input, output, failure, started, micros, replayOf, sink, run.nodes());
    }
  }

  private void persist(
      String workflow,
      String id,
      Object input,
      Object output,
      Throwable failure,
      Instant started,
      long micros,
      String replayOf,
      CallCollector.Sink sink,
      List<NodeEntity> nodes) {
    try {
      RunEntity entity =
          new RunEntity(
              id,
              workflow,
              jsons.writeForStorage(input),
              failure == null ? jsons.writeForStorage(output) : null,
              failure == null ? null : describe(failure),
              failure == null ? "ok" : "error",
              started,
              micros,
              codeVersion.get(),
              jsons.write(versionsInForce(sink.events())),
              Caller.client().orElse(null),
              Caller.traceId().orElse(null),
              replayOf);
      store.save(entity, nodes);
    } catch (RuntimeException e) {
      LOG.warn("workflow run {} of {} could not be stored", id, workflow, e);
    }
  }

  /** Per task called: the prompt and route versions, provider and model that answered. */
  static Map<String, Object> versionsInForce(List<LlmCallEvent> events) {
    Map<String, Object> tasks = new LinkedHashMap<>();
    for (LlmCallEvent e : events) {
      Map<String, Object> v = new LinkedHashMap<>();
      putIfPresent(v, "promptVersion", e.promptVersion());
      putIfPresent(v, "routeVersion", e.routeVersion());
      putIfPresent(v, "provider", e.provider());
      putIfPresent(v, "model", e.model());
      tasks.put(e.task(), v);
    }
    return tasks;
  }

  static List<Map<String, Object>> describeCalls(List<LlmCallEvent> events) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (LlmCallEvent e : events) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("callId", e.callId());
      c.put("task", e.task());
      putIfPresent(c, "provider", e.provider());
      putIfPresent(c, "model", e.model());
      putIfPresent(c, "promptVersion", e.promptVersion());
      putIfPresent(c, "routeVersion", e.routeVersion());
      c.put("outcome", e.outcome());
      c.put("inputTokens", e.inputTokens());
      c.put("outputTokens", e.outputTokens());
      c.put("cost", e.cost());
      c.put("latencyMicros", e.latencyMicros());
      c.put("attempts", e.attempts());
      out.add(c);
    }
    return out;
  }

  private static void putIfPresent(Map<String, Object> m, String k, Object v) {
    if (v != null) {
      m.put(k, v);
    }
  }

  static String describe(Throwable t) {
    String m = t.getMessage();
    return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  /** The run handed to the workflow body: records every node it executes. */
  private final class RecordingRun implements WorkflowRun {
    private final String id;
    private final CallCollector.Sink sink;
    private final AtomicInteger seq = new AtomicInteger();
    private final List<NodeEntity> nodes = Collections.synchronizedList(new ArrayList<>());
    private final ThreadLocal<Deque<Integer>> enclosing = ThreadLocal.withInitial(ArrayDeque::new);

    RecordingRun(String id, CallCollector.Sink sink) {
      this.id = id;
      this.sink = sink;
    }

    List<NodeEntity> nodes() {
      synchronized (nodes) {
        return List.copyOf(nodes);
      }
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public <O> O node(String name, NodeKind kind, Object input, Supplier<O> body) {
      int mySeq = seq.incrementAndGet();
      Deque<Integer> stack = enclosing.get();
      Integer parent = stack.peek();
      Instant at = clock.instant();
      long t0 = System.nanoTime();
      int mark = sink.size();
      stack.push(mySeq);
      O out = null;
      Throwable failure = null;
      try {
        out = CallScope.within(id, name, body);
        return out;
      } catch (RuntimeException | Error e) {
        failure = e;
        throw e;
      } finally {
        stack.pop();
        long micros = (System.nanoTime() - t0) / 1000;
        try {
          List<LlmCallEvent> mine = sink.eventsSince(mark, name);
          nodes.add(
              new NodeEntity(
                  id + ":" + mySeq,
                  id,
                  mySeq,
                  parent,
                  name,
                  kind.name(),
                  jsons.writeForStorage(input),
                  failure == null ? jsons.writeForStorage(out) : null,
                  failure == null ? null : describe(failure),
                  at,
                  micros,
                  mine.isEmpty() ? null : jsons.write(describeCalls(mine))));
        } catch (RuntimeException e) {
          LOG.warn("node {} of run {} could not be recorded", name, id, e);
        }
      }
    }
  }
}
