package com.carmutual.shared.gateway.provider;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Sends one JSON POST with the JDK client and maps transport errors and error statuses. */
final class HttpTransport {
  private final String provider;
  private final HttpClient client;

  HttpTransport(String provider, Duration connectTimeout) {
    this.provider = provider;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  byte[] post(URI uri, Map<String, String> headers, byte[] body, Duration timeout)
      throws ProviderFailure {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(b::header);
    HttpResponse<byte[]> response;
    try {
      response = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderFailure(ProviderFailure.Type.CONNECTION, 0, null, provider + " call interrupted", e);
    } catch (IOException e) {
      throw ErrorMapping.fromException(provider, e);
    }
    int status = response.statusCode();
    if (status / 100 != 2) {
      throw ErrorMapping.fromStatus(
          provider, status, response.headers(), new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
    }
    return response.body();
  }

  /** Opens a streamed POST (see {@link LineStream}), waiting for its headers until {@code untilNanos}. */
  LineStream stream(URI uri, Map<String, String> headers, byte[] body, Duration total, long untilNanos)
      throws ProviderFailure {
    return LineStream.open(client, provider, uri, headers, body, total, untilNanos);
  }

  static URI resolve(URI base, String path) {
    String b = base.toString();
    if (b.endsWith("/")) {
      b = b.substring(0, b.length() - 1);
    }
    // Base URLs are given either with or without the /v1 suffix.
    if (b.endsWith("/v1") && path.startsWith("/v1/")) {
      path = path.substring(3);
    }
    return URI.create(b + path);
  }
}
