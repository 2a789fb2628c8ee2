package com.carmutual.shared.testing.browser;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One headless browser per test class, started before its first test and closed after its last;
 * skips the class with a visible message where Chromium is not installed. Register it with
 * {@code @RegisterExtension static final BrowserSession SESSION = new BrowserSession();}.
 */
public final class BrowserSession implements BeforeAllCallback, AfterAllCallback {
  private Browser browser;

  @Override
  public void beforeAll(ExtensionContext context) {
    Browser.assumeAvailable();
    browser = Browser.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (browser != null) {
      browser.close();
      browser = null;
    }
  }

  /** The running browser; only valid between the class's first and last test. */
  public Browser browser() {
    if (browser == null) {
      throw new IllegalStateException("the browser runs only while the test class runs");
    }
    return browser;
  }
}
