package com.carmutual.vin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PUT /v1/catalog replaces what everyone matches against: admin clients only, none when none is listed. */
class CatalogAdminTest {
  private static int put(String adminClients, String key) {
    try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
            "suite.api-keys", "tester:test-key,clerk:clerk-key", "suite.admin-clients", adminClients), "test");
        HttpClient client = server.getApplicationContext().createBean(HttpClient.class, server.getURL())) {
      // a bad file: an admin gets past the role check to the 422 of the CSV check, and nothing changes either way
      HttpRequest<String> request = HttpRequest.PUT("/v1/catalog", "not,a,catalog\n").contentType(MediaType.TEXT_PLAIN_TYPE)
          .bearerAuth(key);
      HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
          () -> client.toBlocking().exchange(request, String.class));
      String body = e.getResponse().getBody(String.class).orElse("");
      if (e.getStatus().getCode() == 403) {
        assertTrue(body.contains("SUITE_ADMIN_CLIENTS"), body);
      }
      return e.getStatus().getCode();
    }
  }

  @Test
  void aNonAdminClientGets403() {
    assertEquals(403, put("tester", "clerk-key"));
  }

  @Test
  void withNoAdminListedEvenTheUsualClientGets403() {
    assertEquals(403, put("", "test-key"));
  }

  @Test
  void anAdminReachesTheCatalog() {
    assertTrue(put("tester", "test-key") != 403);
  }
}
