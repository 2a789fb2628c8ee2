package com.carmutual.shared.web;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A configuration endpoint that exists only in tests: counts the changes that got through. */
@Controller("/test-admin")
class AdminEchoController {
  static final AtomicInteger CHANGES = new AtomicInteger();

  @Serdeable
  record Change(String value) {}

  private final AdminClients admins;

  AdminEchoController(AdminClients admins) {
    this.admins = admins;
  }

  @Put
  @AdminOnly
  Map<String, String> change(@Body Change change) {
    CHANGES.incrementAndGet();
    return Map.of("value", change.value(), "client", Caller.client().orElse("-"));
  }

  /** Only a change when {@code value} is "serve": the helper form of the check. */
  @Post
  Map<String, String> maybe(@Body Change change) {
    if ("serve".equals(change.value())) {
      admins.requireAdmin("serve " + change.value());
    }
    CHANGES.incrementAndGet();
    return Map.of("value", change.value());
  }
}
