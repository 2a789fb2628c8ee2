package com.carmutual.phone.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.phone.SignedTwilio;
import com.carmutual.shared.testing.browser.Browser;
import com.carmutual.shared.testing.browser.BrowserSession;
import com.carmutual.shared.testing.browser.SuitePages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The phone page shows a call made over the signed webhooks with the fields and transcript the API
 * holds, and a campaign started from the page with its progress.
 */
@MicronautTest(environments = "test")
class PhonePageTest {
  @RegisterExtension static final BrowserSession SESSION = new BrowserSession();

  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient http;

  private static Browser browser() {
    return SESSION.browser();
  }

  @Test
  @SuppressWarnings("unchecked")
  void showsACallsFieldsAndTranscriptAndACampaignsProgress() {
    String callSid = "CA" + UUID.randomUUID().toString().replace("-", "");
    new SignedTwilio(http)
        .converse("csat", "lang=en", callSid, List.of("Four", "Nine out of ten", "Friendly staff", "No", "Yes"));
    Map<String, Object> call =
        http.toBlocking().retrieve(HttpRequest.GET("/v1/calls/" + callSid).bearerAuth("test-key"), Map.class);
    Map<String, Object> fields = (Map<String, Object>) call.get("fields");
    List<Object> transcript = (List<Object>) call.get("transcript");
    String base = server.getURL().toString();

    SuitePages.openSignedIn(browser(), base + "/ui/", "test-key");
    browser().type("#call-sid", callSid);
    browser().click("#open-call");
    browser().waitFor("#call-fields");
    for (var field : fields.entrySet()) {
      if (field.getValue() != null) {
        String shown = browser().text("#call-fields td[data-field='" + field.getKey() + "']");
        assertEquals(String.valueOf(field.getValue()), shown, "field " + field.getKey());
      }
    }
    assertEquals(
        transcript.size(),
        ((Number) browser().script("return document.querySelectorAll('#transcript li').length;")).intValue());
    assertTrue(browser().text("#transcript").contains("Friendly staff"), browser().text("#transcript"));
    browser().waitFor("#calls-table tr[data-call-sid='" + callSid + "']");
    SuitePages.screenshot(browser(), "phone-call");

    browser().click("#tabs button[data-tab='campaigns']");
    browser().type("#campaign-numbers", "+14155550123\n+14155550124");
    browser().type("#campaign-tz", "America/Los_Angeles");
    browser().click("#campaign-start");
    browser().waitFor("#campaigns-table tr[data-campaign]");
    String campaignId = (String) browser().script("return document.querySelector('#campaigns-table tr[data-campaign]').dataset.campaign;");
    Map<String, Object> campaign =
        http.toBlocking().retrieve(HttpRequest.GET("/v1/campaigns/" + campaignId).bearerAuth("test-key"), Map.class);
    Map<String, Object> progress = (Map<String, Object>) campaign.get("progress");
    assertEquals(2, ((Number) progress.get("total")).intValue());
    int open = ((Number) progress.getOrDefault("pending", 0)).intValue() + ((Number) progress.getOrDefault("calling", 0)).intValue();
    browser().waitForText("#campaigns-table tr[data-campaign='" + campaignId + "']", (2 - open) + "/2");
    SuitePages.screenshot(browser(), "phone-campaigns");
    browser().resize(820, 1180);
    SuitePages.screenshot(browser(), "phone-tablet");
    browser().resize(1366, 900);
  }
}
