package com.carmutual.text2data.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.shared.gateway.LlmGateway;
import com.carmutual.shared.gateway.local.LocalTask;
import com.carmutual.shared.gateway.ImageInput;
import com.carmutual.shared.testing.browser.Browser;
import com.carmutual.shared.testing.browser.SuitePages;
import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The LLM operations view served by the service shows a gateway call made a moment ago. */
@MicronautTest(environments = "test")
class LlmOpsPageTest {
  private static Browser browser;

  @Inject EmbeddedServer server;
  @Inject LlmGateway gateway;

  @BeforeAll
  static void startBrowser() {
    Browser.assumeAvailable();
    browser = Browser.start();
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void operationsViewAsksForTheKeyThenShowsWorkflowRuns() {
    String base = server.getURL().toString();
    browser.open(base + "/ui/llmops/");
    browser.script("sessionStorage.clear();");
    browser.open(base + "/ui/llmops/#runs");
    browser.waitFor("#login-key");
    SuitePages.screenshot(browser, "llmops-login");
    SuitePages.openSignedIn(browser, base + "/ui/llmops/#runs", "test-key");
    browser.waitUntil(
        "const b = document.getElementById('runs');"
            + " return !!b.querySelector('table, .empty') && !b.innerText.includes('Loading');",
        "runs tab loaded");
    assertTrue(!browser.text("#runs").startsWith("Error"), browser.text("#runs"));

    browser.click("#lang-toggle");
    browser.waitForText("header.topbar h1", "大模型运维");
    browser.click("#lang-toggle");
    browser.waitForText("header.topbar h1", "LLM operations");
  }

  @Test
  void aGatewayCallAppearsInTheOperationsViewAndOpensInFull() {
    String marker = "page-test-" + UUID.randomUUID();
    String base = server.getURL().toString();
    Assumptions.assumeTrue(
        SuitePages.get(base + "/v1/llmops/calls", "test-key").statusCode() != 404,
        "GET /v1/llmops/calls is not available yet");
    gateway.structured("ui.echo", new Echo(marker), Echo.class);
    SuitePages.pollGet(base + "/v1/llmops/calls?task=ui.echo", "test-key", b -> b.contains("ui.echo"));

    SuitePages.openSignedIn(browser, base + "/ui/llmops/", "test-key");
    browser.waitFor("#calls-table tr[data-task='ui.echo']");
    SuitePages.screenshot(browser, "llmops-calls");

    browser.select("#filter-outcome", "error");
    browser.click("#call-filter button[type=submit]");
    browser.waitUntil(
        "return !document.querySelector(\"#calls-table tr[data-task='ui.echo']\");",
        "the ok call filtered out by outcome=error");

    browser.select("#filter-outcome", "ok");
    browser.type("#filter-task", "ui.echo");
    browser.click("#call-filter button[type=submit]");
    browser.click("#calls-table tr[data-task='ui.echo']");
    browser.waitForText("#call-input", marker);
    assertTrue(browser.text("#call-fields").contains("local"), "provider shown");
    SuitePages.screenshot(browser, "llmops-call-detail");

    browser.resize(820, 1180);
    SuitePages.screenshot(browser, "llmops-tablet");
    browser.resize(1366, 900);
  }

  /** The value a test-only task echoes back. */
  @Serdeable
  record Echo(String text) {}

  /** A deterministic task so the gateway has something to trace. */
  @Singleton
  @Requires(env = "test")
  static class EchoTask implements LocalTask<Echo, Echo> {
    @Override
    public String task() {
      return "ui.echo";
    }

    @Override
    public Echo run(Echo input, List<ImageInput> images) {
      return input;
    }
  }
}
