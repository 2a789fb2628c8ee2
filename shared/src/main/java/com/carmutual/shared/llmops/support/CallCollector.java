package com.carmutual.shared.llmops.support;

import com.carmutual.shared.gateway.LlmCallEvent;
import com.carmutual.shared.gateway.LlmCallListener;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Gathers the gateway calls made under a run id while the run is open, so that workflow nodes and
 * experiment items know their LLM calls (tokens, cost, versions) without waiting for the trace
 * store. A sink opened while another is open on the same thread is its child: calls reach both
 * (an experiment item sees the calls of the workflow run it triggered).
 *
 * <p>Relies on the gateway telling listeners before the call returns to its caller.
 */
@Singleton
public final class CallCollector implements LlmCallListener {
  private final Map<String, Sink> open = new ConcurrentHashMap<>();
  private final ThreadLocal<Deque<Sink>> ambient = ThreadLocal.withInitial(ArrayDeque::new);

  /** The calls of one open run, and the run ids of workflow runs started inside it. */
  public static final class Sink {
    private final String runId;
    private final Sink parent;
    private final List<LlmCallEvent> events = new CopyOnWriteArrayList<>();
    private final List<String> childRuns = new CopyOnWriteArrayList<>();

    Sink(String runId, Sink parent) {
      this.runId = runId;
      this.parent = parent;
    }

    public String runId() {
      return runId;
    }

    public List<LlmCallEvent> events() {
      return List.copyOf(events);
    }

    public int size() {
      return events.size();
    }

    /** Events from position {@code from} on whose node is {@code node}. */
    public List<LlmCallEvent> eventsSince(int from, String node) {
      List<LlmCallEvent> out = new ArrayList<>();
      List<LlmCallEvent> all = events();
      for (int i = from; i < all.size(); i++) {
        if (node.equals(all.get(i).node())) {
          out.add(all.get(i));
        }
      }
      return out;
    }

    /** Workflow runs started while this sink was the innermost open one on its thread. */
    public List<String> childRuns() {
      return List.copyOf(childRuns);
    }

    public int inputTokens() {
      return events.stream().mapToInt(LlmCallEvent::inputTokens).sum();
    }

    public int outputTokens() {
      return events.stream().mapToInt(LlmCallEvent::outputTokens).sum();
    }

    public BigDecimal cost() {
      return events.stream()
          .map(e -> e.cost() == null ? BigDecimal.ZERO : e.cost())
          .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    void add(LlmCallEvent e) {
      events.add(e);
      if (parent != null) {
        parent.add(e);
      }
    }
  }

  /** Opens a sink for {@code runId}, child of the innermost sink open on this thread. */
  public Sink open(String runId) {
    Sink parent = ambient.get().peek();
    Sink sink = new Sink(runId, parent);
    if (parent != null) {
      parent.childRuns.add(runId);
    }
    open.put(runId, sink);
    return sink;
  }

  /** Runs {@code body} with {@code sink} as the innermost open sink of this thread. */
  public <T> T within(Sink sink, Supplier<T> body) {
    Deque<Sink> stack = ambient.get();
    stack.push(sink);
    try {
      return body.get();
    } finally {
      stack.pop();
      if (stack.isEmpty()) {
        ambient.remove();
      }
    }
  }

  public void close(Sink sink) {
    open.remove(sink.runId(), sink);
  }

  @Override
  public void onCall(LlmCallEvent event) {
    if (event.runId() == null) {
      return;
    }
    Sink sink = open.get(event.runId());
    if (sink != null) {
      sink.add(event);
    }
  }
}
