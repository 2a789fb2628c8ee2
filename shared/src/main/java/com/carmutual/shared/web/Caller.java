package com.carmutual.shared.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Who is calling and under which trace, for the request being handled on this thread. Read by
 * audit and by the LLM gateway's traces; outside a request (batch jobs, CLI) both are absent.
 */
public final class Caller {
  static final String CLIENT_ATTRIBUTE = "suite.client";
  static final String TRACE_ATTRIBUTE = "suite.trace-id";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Caller() {}

  /** The authenticated client name of the current request. */
  public static Optional<String> client() {
    return ServerRequestContext.currentRequest()
        .flatMap(r -> r.getAttribute(CLIENT_ATTRIBUTE, String.class));
  }

  /** The W3C trace id of the current request: from {@code traceparent}, else one made for it. */
  public static Optional<String> traceId() {
    return ServerRequestContext.currentRequest().map(Caller::traceIdOf);
  }

  static String traceIdOf(HttpRequest<?> request) {
    Optional<String> known = request.getAttribute(TRACE_ATTRIBUTE, String.class);
    if (known.isPresent()) {
      return known.get();
    }
    String id = parseTraceparent(request.getHeaders().get("traceparent"));
    if (id == null) {
      byte[] bytes = new byte[16];
      RANDOM.nextBytes(bytes);
      id = HexFormat.of().formatHex(bytes);
    }
    request.setAttribute(TRACE_ATTRIBUTE, id);
    return id;
  }

  /** The trace id of a {@code traceparent} header ({@code 00-<32 hex>-<16 hex>-<2 hex>}). */
  static String parseTraceparent(String header) {
    if (header == null) {
      return null;
    }
    String[] parts = header.trim().split("-");
    if (parts.length < 4 || parts[1].length() != 32 || !parts[1].matches("[0-9a-f]{32}")) {
      return null;
    }
    return parts[1].equals("0".repeat(32)) ? null : parts[1];
  }
}
