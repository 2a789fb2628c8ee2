/**
 * Prometheus metrics that the framework does not give on its own: LLM calls, tokens and cost by
 * task and model. Request rates and latencies come from Micronaut's HTTP server metrics.
 */
package com.carmutual.shared.metrics;
