package com.carmutual.phone.twilio;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * In production (Micronaut environment {@code production}, set by the production overlay) the service
 * does not start unless {@code PHONE_PUBLIC_BASE_URL} is the https address Twilio calls: without it every
 * signature would be checked against {@code http://localhost:8084} and every action URL would point there.
 * The local run sets its loopback URL and runs without this environment.
 */
@Context
@Requires(env = "production")
final class PublicUrlCheck {
  PublicUrlCheck(TwilioSettings settings) {
    problem(settings.publicBaseUrl()).ifPresent(p -> {
      throw new ConfigurationException("PHONE_PUBLIC_BASE_URL " + p + " (environment production): set it to the https address"
          + " Twilio calls, e.g. https://voice.example.com (phone-agent/README.md, Twilio setup)");
    });
  }

  /** What is wrong with {@code url} as a production public base URL, if anything. */
  static Optional<String> problem(String url) {
    if (url == null || url.isBlank()) {
      return Optional.of("is missing");
    }
    URI uri;
    try {
      uri = URI.create(url.trim());
    } catch (IllegalArgumentException e) {
      return Optional.of("is not a URL: " + url);
    }
    if (!"https".equalsIgnoreCase(uri.getScheme())) {
      return Optional.of("must use https, not " + url);
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (host.isEmpty()) {
      return Optional.of("has no host: " + url);
    }
    if (host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.") || host.equals("[::1]")
        || host.equals("::1") || host.equals("0.0.0.0")) {
      return Optional.of("must be reachable by Twilio, not the loopback address " + url);
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      return Optional.of("must be a scheme, host and optional port and path only, not " + url);
    }
    return Optional.empty();
  }
}
