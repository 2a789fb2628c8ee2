package com.carmutual.shared.web;

import com.carmutual.shared.problem.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteAttributes;

/** Answers 403 to a non-admin client calling an {@link AdminOnly} endpoint, before the controller runs. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class AdminFilter implements Ordered {
  private final AdminClients admins;

  AdminFilter(AdminClients admins) {
    this.admins = admins;
  }

  @Override
  public int getOrder() {
    // right after ApiKeyFilter has named the client
    return ServerFilterPhase.SECURITY.after();
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> check(HttpRequest<?> request) {
    var route = RouteAttributes.getRouteInfo(request).orElse(null);
    if (route == null || !route.getAnnotationMetadata().hasAnnotation(AdminOnly.class)) {
      return null;
    }
    String client = request.getAttribute(Caller.CLIENT_ATTRIBUTE, String.class).orElse(null);
    if (admins.isAdmin(client)) {
      return null;
    }
    String change = request.getMethodName() + " " + request.getPath();
    return ProblemResponses.of(request, HttpStatus.FORBIDDEN, AdminClients.PROBLEM_TYPE, admins.refusal(client, change));
  }
}
