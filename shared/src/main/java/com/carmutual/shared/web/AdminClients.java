package com.carmutual.shared.web;

import com.carmutual.shared.problem.ProblemException;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clients allowed to change configuration, from {@code SUITE_ADMIN_CLIENTS} (client names of
 * {@code SUITE_API_KEYS}, comma separated). With none listed nobody may: configuration changes fail
 * closed. Endpoints say so with {@link AdminOnly}; a controller whose request is a change only in
 * some cases calls {@link #requireAdmin(String)}.
 */
@Singleton
public final class AdminClients {
  private static final Logger LOG = LoggerFactory.getLogger(AdminClients.class);
  static final String PROBLEM_TYPE = "admin-only";

  private final Set<String> admins;

  AdminClients(@Value("${suite.admin-clients:}") String configured, ApiKeys keys) {
    Set<String> names = new LinkedHashSet<>();
    for (String n : configured == null ? new String[0] : configured.split(",")) {
      if (!n.isBlank()) {
        names.add(n.trim());
      }
    }
    this.admins = Set.copyOf(names);
    List<String> unknown = names.stream().filter(n -> !keys.hasClient(n)).toList();
    if (!unknown.isEmpty()) {
      LOG.warn("SUITE_ADMIN_CLIENTS names clients without a key in SUITE_API_KEYS: {}", unknown);
    }
    if (admins.isEmpty()) {
      LOG.info("no admin clients (SUITE_ADMIN_CLIENTS): configuration changes over the API are refused");
    }
  }

  /** True when {@code client} may change configuration. */
  public boolean isAdmin(String client) {
    return client != null && admins.contains(client);
  }

  /**
   * Refuses (403 problem) a request whose client is not an admin; {@code change} names what it
   * tried, for the answer. Code running outside an HTTP request (start-up, the {@code eval}
   * command) is the service itself and may.
   */
  public void requireAdmin(String change) {
    if (ServerRequestContext.currentRequest().isEmpty()) {
      return;
    }
    String client = Caller.client().orElse(null);
    if (!isAdmin(client)) {
      throw new ProblemException(HttpStatus.FORBIDDEN, PROBLEM_TYPE, refusal(client, change));
    }
  }

  String refusal(String client, String change) {
    return (client == null ? "an anonymous caller" : "client '" + client + "'") + " may not " + change
        + ": configuration changes need a client listed in SUITE_ADMIN_CLIENTS"
        + (admins.isEmpty() ? " (none is listed, so nobody may)" : "");
  }
}
