package com.carmutual.shared.gateway.provider;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Flow;
import java.util.function.Supplier;

/**
 * One streamed POST read line by line on the caller's thread, each wait bounded by a deadline the
 * caller names. The JDK client pushes lines into a queue; at most {@link #WINDOW} are requested
 * ahead of the reader, so memory stays bounded however fast the provider writes. Closing cancels
 * the response (the connection is dropped).
 */
final class LineStream implements AutoCloseable {
  static final int WINDOW = 64;
  private static final int MAX_ERROR_BODY = 8 * 1024;

  private sealed interface Item {}

  private record Line(String text) implements Item {}

  private record Headers(int status, HttpHeaders headers) implements Item {}

  private record End() implements Item {}

  private record Failed(Throwable error) implements Item {}

  private final String provider;
  private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
  private volatile Flow.Subscription subscription;
  private volatile boolean closed;
  private boolean ended;

  private LineStream(String provider) {
    this.provider = provider;
  }

  /**
   * Sends the request and waits for the response headers until {@code untilNanos}; an error status
   * becomes the same {@link ProviderFailure} as for a whole answer.
   */
  static LineStream open(
      HttpClient client, String provider, URI uri, Map<String, String> headers, byte[] body, Duration total,
      long untilNanos) throws ProviderFailure {
    LineStream s = new LineStream(provider);
    HttpRequest.Builder b = HttpRequest.newBuilder(uri)
        .timeout(total.isZero() ? Duration.ofMillis(1) : total)
        .header("Content-Type", "application/json")
        .header("Accept", "text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(b::header);
    client.sendAsync(b.build(), s::subscriber).whenComplete((r, e) -> {
      if (e != null) {
        s.queue.add(new Failed(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e));
      }
    });
    Item first = s.take(untilNanos, () -> provider + " sent no response headers in time");
    if (first instanceof Failed f) {
      throw failure(provider, f.error());
    }
    if (!(first instanceof Headers h)) {
      throw new ProviderFailure(ProviderFailure.Type.MALFORMED_RESPONSE, 0, null, provider + " sent a body before headers");
    }
    if (h.status() / 100 != 2) {
      String errorBody = s.drain(untilNanos);
      s.close();
      throw ErrorMapping.fromStatus(provider, h.status(), h.headers(), errorBody);
    }
    return s;
  }

  private HttpResponse.BodySubscriber<Void> subscriber(HttpResponse.ResponseInfo info) {
    queue.add(new Headers(info.statusCode(), info.headers()));
    return HttpResponse.BodySubscribers.fromLineSubscriber(new Flow.Subscriber<String>() {
      @Override
      public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (closed) {
          s.cancel();
        } else {
          s.request(WINDOW);
        }
      }

      @Override
      public void onNext(String line) {
        queue.add(new Line(line));
      }

      @Override
      public void onError(Throwable t) {
        queue.add(new Failed(t));
      }

      @Override
      public void onComplete() {
        queue.add(new End());
      }
    }, s -> null, StandardCharsets.UTF_8, null);
  }

  /**
   * The next line, or null at the end of the body. Throws a {@code TIMEOUT} failure with {@code
   * timeoutMessage} when nothing arrives before {@code untilNanos}.
   */
  String nextLine(long untilNanos, Supplier<String> timeoutMessage) throws ProviderFailure {
    if (ended) {
      return null;
    }
    Item item = take(untilNanos, timeoutMessage);
    if (item instanceof Line l) {
      Flow.Subscription s = subscription;
      if (s != null) {
        s.request(1);
      }
      return l.text();
    }
    if (item instanceof Failed f) {
      ended = true;
      throw failure(provider, f.error());
    }
    ended = true;
    return null;
  }

  private Item take(long untilNanos, Supplier<String> timeoutMessage) throws ProviderFailure {
    try {
      long wait = untilNanos - System.nanoTime();
      Item item = wait <= 0 ? queue.poll() : queue.poll(wait, TimeUnit.NANOSECONDS);
      if (item == null) {
        close();
        throw new ProviderFailure(ProviderFailure.Type.TIMEOUT, 0, null, timeoutMessage.get());
      }
      return item;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new ProviderFailure(ProviderFailure.Type.CONNECTION, 0, null, provider + " stream interrupted", e);
    }
  }

  /** The error body, up to a few kilobytes, for the failure's message. */
  private String drain(long untilNanos) {
    StringBuilder sb = new StringBuilder();
    try {
      String line;
      while (sb.length() < MAX_ERROR_BODY && (line = nextLine(untilNanos, () -> "")) != null) {
        sb.append(line).append('\n');
      }
    } catch (ProviderFailure ignored) {
      // the status alone classifies the failure
    }
    return sb.toString().strip();
  }

  private static ProviderFailure failure(String provider, Throwable t) {
    return t instanceof Exception e ? ErrorMapping.fromException(provider, e)
        : new ProviderFailure(ProviderFailure.Type.CONNECTION, 0, null, provider + " stream failed: " + t, t);
  }

  @Override
  public void close() {
    closed = true;
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
  }
}
