/**
 * One view of the suite: the LLM-operations lists of every configured service, fetched
 * server-side from each peer's own API with this service's client key, in parallel and within a
 * bounded time; a peer that is down or lacks an endpoint is shown as such.
 */
package com.carmutual.shared.llmops.suite;
