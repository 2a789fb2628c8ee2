package com.carmutual.shared.llmops.suite;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The services of the suite view: {@code suite.llmops.peers.<name>} base URLs, or all at once in
 * {@code suite.llmops.peer-urls} ({@code SUITE_LLMOPS_PEER_URLS}: {@code name=url,name=url}; this
 * service may be one of them), the key sent to them ({@code suite.llmops.client-key}), and how long one peer may
 * take ({@code suite.llmops.peer-timeout}, 2 s). Read once at start; a URL that is not http(s)
 * stops the start with the property named.
 */
@Singleton
final class SuitePeers {
  private final Map<String, URI> peers;
  private final String clientKey;
  private final Duration timeout;

  // @Value placeholders, so deploy's manifest checks see the variables this reads
  SuitePeers(
      Environment env,
      @Value("${suite.llmops.peer-urls:}") String peerUrls,
      @Value("${suite.llmops.client-key:}") String clientKey,
      @Value("${suite.llmops.peer-timeout:2s}") Duration timeout) {
    Map<String, URI> found = new TreeMap<>();
    for (String pair : peerUrls.split(",")) {
      String p = pair.trim();
      int eq = p.indexOf('=');
      if (p.isEmpty()) {
        continue;
      }
      if (eq <= 0) {
        throw new IllegalStateException("suite.llmops.peer-urls entries must be name=url, got '" + p + "'");
      }
      found.put(p.substring(0, eq).trim(), uri("suite.llmops.peer-urls (" + p.substring(0, eq).trim() + ")",
          p.substring(eq + 1).trim()));
    }
    for (String name : env.getPropertyEntries("suite.llmops.peers")) {
      String key = "suite.llmops.peers." + name;
      String url = env.getProperty(key, String.class).orElse("").trim();
      if (!url.isEmpty()) {
        found.put(name, uri(key, url));
      }
    }
    this.peers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(found));
    this.clientKey = clientKey;
    this.timeout = timeout;
    if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofSeconds(30)) > 0) {
      throw new IllegalStateException("suite.llmops.peer-timeout must be between 1 ms and 30 s, got " + timeout);
    }
  }

  private static URI uri(String key, String url) {
    URI uri;
    try {
      uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(key + " is not a URL: " + url, e);
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalStateException(key + " must be an http(s) base URL such as http://127.0.0.1:8081, got " + url);
    }
    return uri;
  }

  Map<String, URI> peers() {
    return peers;
  }

  String clientKey() {
    return clientKey;
  }

  Duration timeout() {
    return timeout;
  }

  @Override
  public String toString() {
    return "SuitePeers" + peers.keySet(); // never the key
  }
}
