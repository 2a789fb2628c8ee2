package com.carmutual.shared.web;

import com.carmutual.shared.problem.ProblemResponses;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets in only callers with {@code Authorization: Bearer <key>}, except on the public paths
 * (health, static pages and API documents, telephony webhooks that carry their own signature).
 * Records every request in the audit log with the client that made it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class ApiKeyFilter implements Ordered {
  private static final Logger AUDIT = LoggerFactory.getLogger("suite.audit");
  private static final String START_ATTRIBUTE = "suite.start-nanos";

  private final ApiKeys keys;
  private final List<String> publicPaths;

  ApiKeyFilter(
      ApiKeys keys,
      @Value("${suite.auth.public-paths:/health,/health/**,/swagger/**,/swagger-ui/**,/ui/**,/webjars/**,/favicon.ico}")
          List<String> publicPaths) {
    this.keys = keys;
    this.publicPaths = List.copyOf(publicPaths);
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.order();
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> authenticate(HttpRequest<?> request) {
    request.setAttribute(START_ATTRIBUTE, System.nanoTime());
    Caller.traceIdOf(request);
    if (isPublic(request.getPath())) {
      return null;
    }
    String header = request.getHeaders().getAuthorization().orElse(null);
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return unauthorized(request, "Missing Authorization: Bearer <api key> header");
    }
    var client = keys.clientFor(header.substring(7).trim());
    if (client.isEmpty()) {
      return unauthorized(request, "The API key is not valid");
    }
    request.setAttribute(Caller.CLIENT_ATTRIBUTE, client.get());
    return null;
  }

  @ResponseFilter
  void audit(HttpRequest<?> request, MutableHttpResponse<?> response) {
    if (!AUDIT.isInfoEnabled() || request.getPath().startsWith("/health")) {
      return;
    }
    long start = request.getAttribute(START_ATTRIBUTE, Long.class).orElse(System.nanoTime());
    AUDIT.info(
        "client={} method={} path={} status={} durationMs={} trace={}",
        request.getAttribute(Caller.CLIENT_ATTRIBUTE, String.class).orElse("-"),
        request.getMethodName(),
        request.getPath(),
        response.code(),
        (System.nanoTime() - start) / 1_000_000,
        request.getAttribute(Caller.TRACE_ATTRIBUTE, String.class).orElse("-"));
  }

  boolean isPublic(String path) {
    for (String p : publicPaths) {
      if (p.endsWith("/**")) {
        String prefix = p.substring(0, p.length() - 3);
        if (path.equals(prefix) || path.startsWith(prefix + "/")) {
          return true;
        }
      } else if (path.equals(p)) {
        return true;
      }
    }
    return false;
  }

  private static MutableHttpResponse<?> unauthorized(HttpRequest<?> request, String detail) {
    return ProblemResponses.of(request, HttpStatus.UNAUTHORIZED, "unauthorized", detail)
        .header("WWW-Authenticate", "Bearer");
  }
}
