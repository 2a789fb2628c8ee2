package com.carmutual.shared.llmops.suite;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * {@link PeerClient} with the JDK client: a GET with {@code Authorization: Bearer <key>}, a
 * deadline for the whole exchange, and at most {@link #MAX_BODY} bytes read.
 */
@Singleton
final class JdkPeerClient implements PeerClient {
  static final int MAX_BODY = 4 * 1024 * 1024;

  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2))
      .followRedirects(HttpClient.Redirect.NEVER)
      .build();

  @Override
  public PeerReply get(URI uri, String clientKey, Duration timeout) {
    long t0 = System.nanoTime();
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET();
    if (clientKey != null && !clientKey.isBlank()) {
      b.header("Authorization", "Bearer " + clientKey);
    }
    try {
      HttpResponse<InputStream> r = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = r.body()) {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
          return new PeerReply(r.statusCode(), null, millis(t0), "the answer is larger than " + MAX_BODY + " bytes");
        }
        return new PeerReply(r.statusCode(), new String(body, StandardCharsets.UTF_8), millis(t0), null);
      }
    } catch (HttpTimeoutException e) {
      return new PeerReply(0, null, millis(t0), "no answer within " + timeout.toMillis() + " ms");
    } catch (ConnectException e) {
      return new PeerReply(0, null, millis(t0), "connection refused");
    } catch (IOException e) {
      return new PeerReply(0, null, millis(t0), "connection failed: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new PeerReply(0, null, millis(t0), "interrupted");
    }
  }

  private static long millis(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
