package com.carmutual.shared.gateway.provider;

import java.util.concurrent.TimeUnit;

/**
 * Server-sent events over a {@link LineStream}, with the stream's clocks: until the first piece of
 * text (see {@link #textArrived()}) every wait ends at the first-token limit; after it, at the idle
 * limit from the last line received; always within the attempt's total.
 */
final class SseStream implements AutoCloseable {
  /** One event: its {@code event:} name (null when absent) and its {@code data:} lines joined. */
  record Event(String name, String data) {}

  private final LineStream lines;
  private final String provider;
  private final long firstTokenBy;
  private final long endBy;
  private final long idleNanos;
  private final StreamTimeouts timeouts;
  private boolean text;

  SseStream(LineStream lines, String provider, StreamTimeouts timeouts, long startNanos) {
    this.lines = lines;
    this.provider = provider;
    this.timeouts = timeouts;
    this.firstTokenBy = startNanos + timeouts.firstToken().toNanos();
    this.endBy = startNanos + timeouts.total().toNanos();
    this.idleNanos = timeouts.idle().toNanos();
  }

  /** The wait limit of the response headers: the first-token limit, within the total. */
  static long headersBy(StreamTimeouts timeouts, long startNanos) {
    return startNanos + Math.min(timeouts.firstToken().toNanos(), timeouts.total().toNanos());
  }

  /** Called by the translator when an event carried text: from now on the idle limit applies. */
  void textArrived() {
    text = true;
  }

  /** The next event, or null when the body ended. */
  Event next() throws ProviderFailure {
    String name = null;
    StringBuilder data = null;
    while (true) {
      long until = Math.min(endBy, text ? System.nanoTime() + idleNanos : firstTokenBy);
      String line = lines.nextLine(until, this::timeoutMessage);
      if (line == null) {
        return data == null ? null : new Event(name, data.toString());
      }
      if (line.isEmpty()) {
        if (data != null) {
          return new Event(name, data.toString());
        }
        name = null;
        continue;
      }
      if (line.startsWith(":")) {
        continue; // a comment (keep-alive)
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      if (field.equals("event")) {
        name = value;
      } else if (field.equals("data")) {
        if (data == null) {
          data = new StringBuilder(value);
        } else {
          data.append('\n').append(value);
        }
      }
    }
  }

  private String timeoutMessage() {
    long now = System.nanoTime();
    if (now >= endBy) {
      return provider + " stream took longer than the attempt's " + millis(timeouts.total().toNanos()) + " ms";
    }
    return text
        ? provider + " stream stalled: no data for " + millis(idleNanos) + " ms (idle timeout)"
        : provider + " sent no first token within " + millis(timeouts.firstToken().toNanos()) + " ms (first-token timeout)";
  }

  private static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  @Override
  public void close() {
    lines.close();
  }
}
