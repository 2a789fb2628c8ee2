package com.carmutual.shared.testing.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * What every service's browser tests share about the suite's pages: signing in through the login
 * form, where screenshots go, and polling the service's API until something has happened.
 */
public final class SuitePages {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private SuitePages() {}

  /** Opens {@code url}, signs in through the login form with {@code apiKey}, waits for the page. */
  public static void openSignedIn(Browser browser, String url, String apiKey) {
    browser.open(url);
    Object signedIn = browser.script("return sessionStorage.getItem('suite.apiKey') !== null;");
    if (!Boolean.TRUE.equals(signedIn)) {
      browser.type("#login-key", apiKey);
      browser.click("#login-submit");
    }
    browser.waitUntil(
        "return document.body.classList.contains('signed-in')"
            + " && !document.getElementById('login-overlay');",
        "signed in");
  }

  /** Saves a screenshot as {@code target/screenshots/<name>.png} (relative to the module). */
  public static Path screenshot(Browser browser, String name) {
    return browser.screenshot(Path.of("target", "screenshots", name + ".png"));
  }

  /** GETs {@code url} with the key; answers status and body. */
  public static HttpResponse<String> get(String url, String apiKey) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(url))
              .header("Authorization", "Bearer " + apiKey)
              .header("Accept", "application/json")
              .timeout(Duration.ofSeconds(30))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException("GET " + url + " failed: " + e, e);
    }
  }

  /** Polls a GET until the body satisfies {@code done} (10 s at most); answers the last body. */
  public static String pollGet(String url, String apiKey, Predicate<String> done) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    String body = "";
    while (System.nanoTime() < deadline) {
      HttpResponse<String> r = get(url, apiKey);
      body = r.body();
      if (r.statusCode() == 200 && done.test(body)) {
        return body;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("GET " + url + " never satisfied the condition; last body: " + body);
  }
}
