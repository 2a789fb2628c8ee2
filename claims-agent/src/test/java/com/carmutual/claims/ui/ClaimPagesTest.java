package com.carmutual.claims.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.claims.testing.TestImages;
import com.carmutual.shared.testing.browser.Browser;
import com.carmutual.shared.testing.browser.BrowserSession;
import com.carmutual.shared.testing.browser.SuitePages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An adjuster works a claim in the browser: finds it in the queue, looks at the photos and their
 * flags, edits an estimate line, adds and deletes a line, approves, and the API then shows the new, approved version.
 */
@MicronautTest(environments = "test")
class ClaimPagesTest {
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
  void adjusterEditsALineAndApprovesAndTheApiShowsTheNewVersion() {
    String claimId = fileClaimWithOnePhoto();
    Map<String, Object> before = estimate(claimId);
    Map<String, Object> line = ((List<Map<String, Object>>) before.get("lines")).get(0);
    String lineId = (String) line.get("lineId");
    BigDecimal newHours = new BigDecimal(String.valueOf(line.get("laborHours"))).add(new BigDecimal("1.5"));
    int version = ((Number) before.get("version")).intValue();
    String base = server.getURL().toString();

    SuitePages.openSignedIn(browser(), base + "/ui/", "test-key");
    browser().waitFor("#queue-table tr[data-claim-id='" + claimId + "']");
    SuitePages.screenshot(browser(), "claims-queue");
    browser().click("#queue-table tr[data-claim-id='" + claimId + "'] a");

    browser().waitFor("#lines tbody tr[data-line='" + lineId + "']");
    browser().waitFor("#photos img");
    browser().waitForText("#flags", "Evidence");
    SuitePages.screenshot(browser(), "claims-claim");
    browser().click("#photos button");
    browser().waitFor("#viewer img");
    SuitePages.screenshot(browser(), "claims-photo-viewer");
    browser().click("#viewer button");

    String row = "#lines tbody tr[data-line='" + lineId + "']";
    browser().click(row + " .edit-line");
    browser().type(row + " input[data-field='laborHours']", newHours.toPlainString());
    browser().click(row + " .save-line");
    browser().waitForText("#estimate-version", String.valueOf(version + 1));
    browser().waitForText(row + " td[data-field='source']", "adjuster");
    Map<String, Object> edited = estimate(claimId);
    Object grossShown = browser().script("return document.getElementById('total-grossTotal').dataset.raw;");
    assertEquals(
        new BigDecimal(String.valueOf(((Map<String, Object>) edited.get("totals")).get("grossTotal"))),
        new BigDecimal(String.valueOf(grossShown)),
        "the total shown is the new version's total");
    assertNotEquals(
        ((Map<String, Object>) before.get("totals")).get("grossTotal"),
        ((Map<String, Object>) edited.get("totals")).get("grossTotal"),
        "more labour hours changed the total");

    browser().type("#new-part", "HOOD");
    browser().select("#new-operation", "repair");
    browser().type("#new-labor", "1.0");
    browser().click("#add-line-button");
    browser().waitForText("#estimate-version", String.valueOf(version + 2));
    Object addedLine =
        browser().script(
            "const td = [...document.querySelectorAll(\"#lines td[data-field='partCode']\")]"
                + ".find(td => td.innerText.startsWith('HOOD'));"
                + " return td ? td.closest('tr').dataset.line : null;");
    assertTrue(addedLine != null, "the added HOOD line is shown");
    browser().script("window.confirm = () => true;");
    browser().click("#lines tr[data-line='" + addedLine + "'] .delete-line");
    browser().waitForText("#estimate-version", String.valueOf(version + 3));
    browser().waitUntil(
        "return !document.querySelector(\"#lines tr[data-line='\" + arguments[0] + \"']\");",
        "deleted line gone",
        addedLine);

    browser().click("#approve");
    browser().waitForText("#estimate-version", String.valueOf(version + 4));
    browser().waitUntil("return document.getElementById('approve').disabled;", "approve button disabled");
    browser().waitUntil(
        "return document.querySelectorAll('#history > li').length === arguments[0];",
        "one history entry per version",
        version + 4);
    SuitePages.screenshot(browser(), "claims-approved");

    Map<String, Object> after = estimate(claimId);
    assertEquals(version + 4, ((Number) after.get("version")).intValue());
    assertTrue(String.valueOf(after.get("status")).toLowerCase().contains("approved"), "status " + after.get("status"));
    Map<String, Object> afterLine =
        ((List<Map<String, Object>>) after.get("lines"))
            .stream().filter(l -> lineId.equals(l.get("lineId"))).findFirst().orElseThrow();
    assertEquals(0, newHours.compareTo(new BigDecimal(String.valueOf(afterLine.get("laborHours")))));
    assertEquals("adjuster", afterLine.get("source"));

    browser().open(base + "/ui/print.html?id=" + claimId);
    browser().waitFor("#printable");
    SuitePages.screenshot(browser(), "claims-print");
    browser().open(base + "/ui/claim.html?id=" + claimId);
    browser().resize(820, 1180);
    browser().waitFor("#lines tbody tr");
    SuitePages.screenshot(browser(), "claims-claim-tablet");
    browser().resize(1366, 900);
  }

  private String fileClaimWithOnePhoto() {
    byte[] photo =
        TestImages.withExif(
            TestImages.jpeg(TestImages.picture(7, 800, 600), 0.85f),
            new TestImages.Exif(LocalDateTime.of(2025, 5, 2, 14, 30), 31.23, 121.47, "Canon", null));
    String report =
        "{\"memberId\": \"M-100234\", \"vehicle\": {\"year\": 2019, \"make\": \"Toyota\", \"model\": \"Camry\"},"
            + " \"lossDate\": \"2025-05-03\", \"lossLocation\": \"Shanghai\","
            + " \"description\": \"Rear-ended in traffic: rear bumper dented, trunk lid bent.\"}";
    MultipartBody body =
        MultipartBody.builder()
            .addPart("report", "report.json", MediaType.APPLICATION_JSON_TYPE, report.getBytes())
            .addPart("photos", "rear.jpg", MediaType.IMAGE_JPEG_TYPE, photo)
            .build();
    Map<?, ?> created =
        http.toBlocking()
            .retrieve(
                HttpRequest.POST("/v1/claims", body)
                    .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                    .bearerAuth("test-key"),
                Map.class);
    return String.valueOf(created.get("claimId"));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> estimate(String claimId) {
    return http.toBlocking()
        .retrieve(HttpRequest.GET("/v1/claims/" + claimId + "/estimate").bearerAuth("test-key"), Map.class);
  }
}
