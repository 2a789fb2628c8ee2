package com.carmutual.vin.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.carmutual.shared.testing.browser.Browser;
import com.carmutual.shared.testing.browser.BrowserSession;
import com.carmutual.shared.testing.browser.SuitePages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The VIN page matches a pasted list with progress, showing the decisions the API gives. */
@MicronautTest(environments = "test")
class VinPageTest {
  @RegisterExtension static final BrowserSession SESSION = new BrowserSession();

  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient http;

  private static Browser browser() {
    return SESSION.browser();
  }

  @Test
  void batchMatchingShowsProgressAndTheApisDecisionPerVin() throws IOException {
    List<String> vins = firstLabelledVins(8);
    String base = server.getURL().toString();
    SuitePages.openSignedIn(browser(), base + "/ui/", "test-key");

    browser().type("#vin-input", vins.get(0));
    browser().click("#match");
    browser().waitFor("#candidates");

    browser().type("#batch-vins", String.join("\n", vins));
    browser().click("#batch-start");
    browser().waitForText("#batch-progress", vins.size() + " of " + vins.size());
    browser().waitUntil(
        "return document.querySelectorAll('#batch-table tbody tr').length === arguments[0];",
        "one row per VIN",
        vins.size());
    @SuppressWarnings("unchecked")
    List<List<String>> rows =
        (List<List<String>>)
            browser().script(
                "return [...document.querySelectorAll('#batch-table tbody tr')]"
                    + ".map(r => [r.cells[0].innerText, r.cells[1].innerText]);");
    for (List<String> row : rows) {
      @SuppressWarnings("unchecked")
      Map<String, Object> api =
          http.toBlocking()
              .retrieve(
                  HttpRequest.POST("/v1/vins/match", Map.of("vin", row.get(0))).bearerAuth("test-key"),
                  Map.class);
      assertEquals(api.get("decision"), row.get(1).trim(), "decision shown for " + row.get(0));
    }
    SuitePages.screenshot(browser(), "vin-batch");
    browser().resize(820, 1180);
    SuitePages.screenshot(browser(), "vin-tablet");
    browser().resize(1366, 900);
  }

  private static List<String> firstLabelledVins(int n) throws IOException {
    try (InputStream in = VinPageTest.class.getClassLoader().getResourceAsStream("vin/vins-dev.csv")) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      List<String> out = new ArrayList<>();
      for (int i = 1; i < lines.length && out.size() < n; i++) {
        String[] cols = lines[i].split(",", -1);
        if (cols.length > 5 && cols[5].trim().equals("true")) {
          out.add(cols[0].trim());
        }
      }
      return out;
    }
  }
}
