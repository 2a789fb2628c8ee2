package com.carmutual.shared.llmops.support;

import com.carmutual.shared.web.AdminClients;
import com.carmutual.shared.web.Caller;
import jakarta.inject.Singleton;

/**
 * Who is changing LLM operations state. Configuration changes (version switches, promotions,
 * answers served to everyone) are limited to the admin clients of {@code SUITE_ADMIN_CLIENTS}
 * ({@link AdminClients}); with none listed nobody may.
 */
@Singleton
public final class Actors {
  private final AdminClients admins;

  Actors(AdminClients admins) {
    this.admins = admins;
  }

  /** The current request's client, or {@code system} outside a request (start-up, CLI). */
  public String current() {
    return Caller.client().orElse("system");
  }

  /** The current client if it may change configuration, else a 403 problem. */
  public String requireAdmin() {
    admins.requireAdmin("change LLM operations configuration");
    return current();
  }
}
