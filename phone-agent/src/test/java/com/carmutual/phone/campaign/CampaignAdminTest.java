package com.carmutual.phone.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.phone.twilio.TwilioSettings;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Starting a campaign is an admin's change; the Twilio token never shows in toString or an /env endpoint. */
class CampaignAdminTest {
  private static HttpClientResponseException create(EmbeddedServer server, String key) {
    try (HttpClient client = server.getApplicationContext().createBean(HttpClient.class, server.getURL())) {
      // an empty campaign: an admin passes the role check and meets validation (400), nothing is called
      return assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(
          HttpRequest.POST("/v1/campaigns", Map.of()).bearerAuth(key), String.class));
    }
  }

  private static EmbeddedServer start(String admins) {
    return ApplicationContext.run(EmbeddedServer.class, Map.of(
        "suite.api-keys", "tester:test-key,clerk:clerk-key", "suite.admin-clients", admins,
        "phone.twilio.auth-token", "twilio-secret-token-123"), "test");
  }

  @Test
  void onlyAdminsStartCampaignsAndNobodyWhenNoneIsListed() {
    try (EmbeddedServer server = start("tester")) {
      assertEquals(403, create(server, "clerk-key").getStatus().getCode());
      assertTrue(create(server, "test-key").getStatus().getCode() != 403);
      TwilioSettings settings = server.getApplicationContext().getBean(TwilioSettings.class);
      assertFalse(settings.toString().contains("twilio-secret-token-123"), settings.toString());
      try (HttpClient client = server.getApplicationContext().createBean(HttpClient.class, server.getURL())) {
        for (String path : new String[] {"/env", "/beans", "/loggers", "/configprops"}) {
          var e = assertThrows(HttpClientResponseException.class,
              () -> client.toBlocking().exchange(HttpRequest.GET(path).bearerAuth("test-key"), String.class));
          assertFalse(e.getResponse().getBody(String.class).orElse("").contains("twilio-secret-token-123"), path);
        }
      }
    }
    try (EmbeddedServer server = start("")) {
      assertEquals(403, create(server, "test-key").getStatus().getCode());
    }
  }
}
