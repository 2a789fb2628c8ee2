package com.carmutual.shared.gateway.provider;

import java.net.ConnectException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The one place where HTTP statuses and transport errors become {@link ProviderFailure}s, for
 * every provider: 429 rate limited; 408, 409, 425, 5xx and 529 server side (retriable); 401/403
 * authentication and other 4xx invalid request (not retriable).
 */
public final class ErrorMapping {
  private ErrorMapping() {}

  public static ProviderFailure.Type typeOf(int status) {
    if (status == 429) {
      return ProviderFailure.Type.RATE_LIMITED;
    }
    if (status == 401 || status == 403) {
      return ProviderFailure.Type.AUTHENTICATION;
    }
    if (status == 408 || status == 409 || status == 425 || status >= 500) {
      return ProviderFailure.Type.SERVER_ERROR;
    }
    return ProviderFailure.Type.INVALID_REQUEST;
  }

  static ProviderFailure fromStatus(String provider, int status, HttpHeaders headers, String body) {
    String snippet = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
    return new ProviderFailure(
        typeOf(status), status, retryAfter(headers), provider + " answered " + status + ": " + snippet);
  }

  static ProviderFailure fromException(String provider, Exception e) {
    if (e instanceof HttpTimeoutException) {
      return new ProviderFailure(ProviderFailure.Type.TIMEOUT, 0, null, provider + " timed out", e);
    }
    String what = e instanceof ConnectException ? "connection refused" : "connection failed";
    return new ProviderFailure(
        ProviderFailure.Type.CONNECTION, 0, null, provider + " " + what + ": " + e, e);
  }

  /** {@code retry-after-ms}, else {@code Retry-After} in seconds or as an HTTP date. */
  static Duration retryAfter(HttpHeaders headers) {
    var ms = headers.firstValue("retry-after-ms");
    if (ms.isPresent()) {
      try {
        return Duration.ofMillis((long) Double.parseDouble(ms.get().trim()));
      } catch (NumberFormatException ignored) {
        // fall through to Retry-After
      }
    }
    var ra = headers.firstValue("retry-after");
    if (ra.isEmpty()) {
      return null;
    }
    String v = ra.get().trim();
    try {
      return Duration.ofMillis((long) (Double.parseDouble(v) * 1000));
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        // wall time on purpose: the provider's date is real time even when the business clock is fixed
        Duration d = Duration.between(java.time.Instant.now(), at.toInstant());
        return d.isNegative() ? Duration.ZERO : d;
      } catch (RuntimeException ignored) {
        return null;
      }
    }
  }
}
