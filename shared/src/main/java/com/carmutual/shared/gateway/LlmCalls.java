package com.carmutual.shared.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Read access to the stored trace of every gateway call (the {@code llm_call} table, or the last
 * calls in memory when the service has no datasource). Traces are written off the request path,
 * so a call made a moment ago may need {@link #flush} before it can be read.
 */
public interface LlmCalls {

  /** One call by id. */
  Optional<LlmCallRecord> find(String id);

  /** Calls matching the query, newest first, at most {@code query.limit()}. */
  List<LlmCallRecord> list(LlmCallQuery query);

  /** Every call made within a workflow run (see {@link CallScope}), oldest first. */
  List<LlmCallRecord> byRun(String runId);

  /** Waits until every call finished before this one is stored; false if the wait timed out. */
  boolean flush(Duration timeout);
}
