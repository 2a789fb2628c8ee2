package com.carmutual.shared.llmops.guard;

import java.util.Arrays;

/**
 * The last calls of a watched task, in a ring of fixed size: outcome flags and latency per call,
 * and the rates over those no older than the window. Memory is the ring, whatever the traffic.
 */
final class Window {
  /** Rates and p95 latency over the calls in the window. */
  record Figures(int calls, double errorRate, double schemaFailureRate, double fallbackRate, long p95LatencyMs) {
    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT,
          "over the last %d calls: error rate %.3f, schema-failure rate %.3f, fallback rate %.3f, p95 latency %d ms",
          calls, errorRate, schemaFailureRate, fallbackRate, p95LatencyMs);
    }
  }

  private final long[] atMillis;
  private final byte[] flags;
  private final long[] latencyMicros;
  private int next;
  private int size;

  static final byte ERROR = 1;
  static final byte SCHEMA_FAILURE = 2;
  static final byte FALLBACK = 4;

  Window(int capacity) {
    atMillis = new long[capacity];
    flags = new byte[capacity];
    latencyMicros = new long[capacity];
  }

  synchronized void add(long nowMillis, byte flag, long micros) {
    atMillis[next] = nowMillis;
    flags[next] = flag;
    latencyMicros[next] = micros;
    next = (next + 1) % atMillis.length;
    size = Math.min(size + 1, atMillis.length);
  }

  synchronized Figures figures(long nowMillis, long windowMillis) {
    int n = 0;
    int errors = 0;
    int schema = 0;
    int fallbacks = 0;
    long[] latencies = new long[size];
    for (int i = 0; i < size; i++) {
      if (nowMillis - atMillis[i] > windowMillis) {
        continue;
      }
      latencies[n++] = latencyMicros[i];
      errors += (flags[i] & ERROR) != 0 ? 1 : 0;
      schema += (flags[i] & SCHEMA_FAILURE) != 0 ? 1 : 0;
      fallbacks += (flags[i] & FALLBACK) != 0 ? 1 : 0;
    }
    if (n == 0) {
      return new Figures(0, 0, 0, 0, 0);
    }
    long[] sorted = Arrays.copyOf(latencies, n);
    Arrays.sort(sorted);
    long p95 = sorted[Math.max(0, (int) Math.ceil(0.95 * n) - 1)];
    return new Figures(n, (double) errors / n, (double) schema / n, (double) fallbacks / n, p95 / 1000);
  }
}
