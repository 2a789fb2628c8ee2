package com.carmutual.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Roles on a real server on loopback: admins change configuration, others and everyone-when-none-listed get 403. */
class AdminOnlyTest {
  private EmbeddedServer server;
  private HttpClient client;

  private void start(String adminClients) {
    server = ApplicationContext.run(EmbeddedServer.class, Map.of(
        "micronaut.server.port", -1,
        "suite.api-keys", "boss:boss-key,clerk:clerk-key",
        "suite.admin-clients", adminClients), "test");
    client = server.getApplicationContext().createBean(HttpClient.class, server.getURL());
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private HttpClientResponseException refused(HttpRequest<?> request) {
    return assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(request, String.class));
  }

  private static void assertForbiddenProblem(HttpClientResponseException e) {
    assertEquals(403, e.getStatus().getCode());
    assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
    String body = e.getResponse().getBody(String.class).orElseThrow();
    assertTrue(body.contains("/problems/admin-only") && body.contains("SUITE_ADMIN_CLIENTS"), body);
  }

  @Test
  void anAdminClientChangesConfiguration() {
    start("boss");
    int before = AdminEchoController.CHANGES.get();
    HttpResponse<Map> r = client.toBlocking().exchange(
        HttpRequest.PUT("/test-admin", Map.of("value", "v2")).bearerAuth("boss-key"), Map.class);
    assertEquals(200, r.code());
    assertEquals("boss", r.body().get("client"));
    assertEquals(before + 1, AdminEchoController.CHANGES.get());
  }

  @Test
  void aClientNotListedGets403AndNothingChanges() {
    start("boss");
    int before = AdminEchoController.CHANGES.get();
    var e = refused(HttpRequest.PUT("/test-admin", Map.of("value", "v2")).bearerAuth("clerk-key"));
    assertForbiddenProblem(e);
    assertTrue(e.getResponse().getBody(String.class).orElseThrow().contains("client 'clerk'"));
    assertEquals(before, AdminEchoController.CHANGES.get(), "the controller never ran");
  }

  @Test
  void withNoAdminListedEveryoneGets403() {
    start("");
    int before = AdminEchoController.CHANGES.get();
    for (String key : new String[] {"boss-key", "clerk-key"}) {
      var e = refused(HttpRequest.PUT("/test-admin", Map.of("value", "v2")).bearerAuth(key));
      assertForbiddenProblem(e);
      assertTrue(e.getResponse().getBody(String.class).orElseThrow().contains("nobody may"));
    }
    assertEquals(before, AdminEchoController.CHANGES.get());
  }

  @Test
  void aNameWithoutAKeyGrantsNothing() {
    start("ghost");
    assertForbiddenProblem(refused(HttpRequest.PUT("/test-admin", Map.of("value", "v2")).bearerAuth("boss-key")));
  }

  @Test
  void theHelperRefusesOnlyTheChangingFormOfARequest() {
    start("boss");
    assertEquals(200, client.toBlocking().exchange(
        HttpRequest.POST("/test-admin", Map.of("value", "note")).bearerAuth("clerk-key"), Map.class).code());
    assertForbiddenProblem(refused(HttpRequest.POST("/test-admin", Map.of("value", "serve")).bearerAuth("clerk-key")));
    assertEquals(200, client.toBlocking().exchange(
        HttpRequest.POST("/test-admin", Map.of("value", "serve")).bearerAuth("boss-key"), Map.class).code());
  }
}
