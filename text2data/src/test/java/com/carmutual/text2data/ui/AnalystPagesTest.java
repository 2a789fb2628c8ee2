package com.carmutual.text2data.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.shared.gateway.ImageInput;
import com.carmutual.shared.gateway.LlmGateway;
import com.carmutual.shared.gateway.local.LocalTask;
import com.carmutual.shared.testing.browser.Browser;
import com.carmutual.shared.testing.browser.BrowserSession;
import com.carmutual.shared.testing.browser.SuitePages;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The analysts' pages in a real browser(), against the running service (one service start for all):
 * a Chinese question answered with the right numbers in the table and the chart ("right" is
 * checked against an independent count over the same shipped warehouse data, loaded into a
 * separate H2 database by this test), and the LLM operations view showing a gateway call.
 */
@MicronautTest(environments = "test")
class AnalystPagesTest {
  @RegisterExtension static final BrowserSession SESSION = new BrowserSession();

  @Inject EmbeddedServer server;
  @Inject LlmGateway gateway;

  @Inject
  @Client("/")
  HttpClient http;

  private static Browser browser() {
    return SESSION.browser();
  }

  @Test
  void chineseQuestionShowsTheRightNumbersInTableAndChart() throws Exception {
    String base = server.getURL().toString();
    Assumptions.assumeTrue(
        SuitePages.get(base + "/v1/semantic-model", "test-key").statusCode() == 200,
        "text2data API (/v1/semantic-model, /v1/ask) is not available yet");
    Map<String, Long> expected = claimsByProvinceFiledIn("2025-05-01", "2025-06-01");
    assertFalse(expected.isEmpty(), "the demo warehouse has claims in May 2025");

    SuitePages.openSignedIn(browser(), base + "/ui/", "test-key");
    browser().waitFor("#semantic-model .model-metrics li");
    browser().script("document.getElementById('as-of').value = '2025-06-18';");
    browser().type("#question", "上个月每个省份的理赔申请数量是多少？");
    browser().click("#ask");
    browser().waitFor("#result-table tbody tr td");

    @SuppressWarnings("unchecked")
    List<List<String>> rows =
        (List<List<String>>)
            browser().script(
                "return [...document.querySelectorAll('#result-table tbody tr')]"
                    + ".map(r => [...r.cells].map(c => c.dataset.raw));");
    Map<String, Long> shown = new LinkedHashMap<>();
    for (List<String> row : rows) {
      String province = row.stream().filter(v -> !v.matches("-?[0-9.]+")).findFirst().orElse("");
      String count = row.stream().filter(v -> v.matches("-?[0-9.]+")).findFirst().orElse("-1");
      shown.put(province, (long) Double.parseDouble(count));
    }
    assertEquals(expected, shown, "table rows: province -> claim count");

    @SuppressWarnings("unchecked")
    List<Number> charted =
        (List<Number>)
            browser().script(
                "const c = Chart.getChart(document.getElementById('chart'));"
                    + " return c ? c.data.datasets[0].data : null;");
    assertEquals(
        expected.values().stream().sorted().toList(),
        charted.stream().map(Number::longValue).sorted().toList(),
        "chart bars");
    assertTrue(browser().text("#explanation").codePoints().anyMatch(cp -> cp >= 0x4e00 && cp <= 0x9fff),
        "explanation in Chinese: " + browser().text("#explanation"));
    SuitePages.screenshot(browser(), "text2data-answer");

    browser().click("#toggle-sql");
    browser().waitFor("#sql");
    assertTrue(browser().text("#sql").toUpperCase().contains("SELECT"), browser().text("#sql"));
    assertTrue(browser().text("#semantic-query").contains("claim_count"), browser().text("#semantic-query"));
    browser().click("#mark-wrong");
    browser().waitFor("#corrected-query");
    browser().script(
        "const box = document.getElementById('corrected-query');"
            + " const q = JSON.parse(box.value); q.limit = 3; box.value = JSON.stringify(q, null, 2);");
    browser().click("#run-corrected");
    browser().waitUntil(
        "return document.querySelectorAll('#result-table tbody tr').length === 3;", "corrected query's 3 rows");
    browser().click("#save-correction");
    browser().waitForText("#toast", "Correction saved");
    JsonNode annotations =
        http.toBlocking()
            .retrieve(HttpRequest.GET("/v1/llmops/annotations").bearerAuth("test-key"), JsonNode.class);
    boolean stored = false;
    for (JsonNode a : annotations.values()) {
      stored |= a.get("correct") != null && a.get("correct").isBoolean() && !a.get("correct").getBooleanValue();
    }
    assertTrue(stored, "the correction is stored as an annotation: " + annotations);
    SuitePages.screenshot(browser(), "text2data-sql-and-correction");
    browser().waitForText("#history", "上个月每个省份");

    browser().resize(820, 1180);
    SuitePages.screenshot(browser(), "text2data-tablet");
    browser().resize(1366, 900);
  }

  /** Counts claims per province in [from, to) over the shipped warehouse files, outside the service. */
  private static Map<String, Long> claimsByProvinceFiledIn(String from, String to) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:ask-page-check;DB_CLOSE_DELAY=-1");
        Statement s = c.createStatement()) {
      s.execute("RUNSCRIPT FROM 'classpath:/warehouse/schema.sql'");
      s.execute("SET REFERENTIAL_INTEGRITY FALSE"); // only two tables are loaded
      var in = AnalystPagesTest.class.getResourceAsStream("/warehouse/data.sql.gz");
      try (var reader =
          new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
        StringBuilder statement = new StringBuilder();
        String line;
        while ((line = reader.readLine()) != null) {
          if (statement.isEmpty() && line.startsWith("--")) {
            continue;
          }
          statement.append(line).append('\n');
          if (line.endsWith(";")) {
            String sql = statement.toString();
            if (sql.startsWith("INSERT INTO members ") || sql.startsWith("INSERT INTO claims ")) {
              s.execute(sql);
            }
            statement.setLength(0);
          }
        }
      }
      Map<String, Long> counts = new LinkedHashMap<>();
      try (ResultSet r =
          s.executeQuery(
              "select m.province, count(*) from claims c join members m on m.member_id = c.member_id"
                  + " where c.filed_at >= timestamp '" + from + " 00:00:00'"
                  + " and c.filed_at < timestamp '" + to + " 00:00:00'"
                  + " group by m.province order by count(*) desc, m.province")) {
        while (r.next()) {
          counts.put(r.getString(1), r.getLong(2));
        }
      }
      s.execute("DROP ALL OBJECTS");
      return counts;
    }
  }

  @Test
  void operationsViewAsksForTheKeyThenShowsWorkflowRuns() {
    String base = server.getURL().toString();
    browser().open(base + "/ui/llmops/");
    browser().script("sessionStorage.clear();");
    browser().open(base + "/ui/llmops/#runs");
    browser().waitFor("#login-key");
    SuitePages.screenshot(browser(), "llmops-login");
    SuitePages.openSignedIn(browser(), base + "/ui/llmops/#runs", "test-key");
    browser().waitUntil(
        "const b = document.getElementById('runs');"
            + " return !!b.querySelector('table, .empty') && !b.innerText.includes('Loading');",
        "runs tab loaded");
    assertTrue(!browser().text("#runs").startsWith("Error"), browser().text("#runs"));

    browser().click("#lang-toggle");
    browser().waitForText("header.topbar h1", "大模型运维");
    browser().click("#lang-toggle");
    browser().waitForText("header.topbar h1", "LLM operations");
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

    SuitePages.openSignedIn(browser(), base + "/ui/llmops/", "test-key");
    browser().waitFor("#calls-table tr[data-task='ui.echo']");
    SuitePages.screenshot(browser(), "llmops-calls");

    browser().select("#filter-outcome", "error");
    browser().click("#call-filter button[type=submit]");
    browser().waitUntil(
        "return !document.querySelector(\"#calls-table tr[data-task='ui.echo']\");",
        "the ok call filtered out by outcome=error");

    browser().select("#filter-outcome", "ok");
    browser().type("#filter-task", "ui.echo");
    browser().click("#call-filter button[type=submit]");
    browser().click("#calls-table tr[data-task='ui.echo']");
    browser().waitForText("#call-input", marker);
    assertTrue(browser().text("#call-fields").contains("local"), "provider shown");
    SuitePages.screenshot(browser(), "llmops-call-detail");

    browser().resize(820, 1180);
    SuitePages.screenshot(browser(), "llmops-tablet");
    browser().resize(1366, 900);
  }

  @Test
  void experimentRunsShowProgressAndCompareSideBySide() {
    String base = server.getURL().toString();
    JsonNode sets =
        http.toBlocking().retrieve(HttpRequest.GET("/v1/llmops/eval-sets").bearerAuth("test-key"), JsonNode.class);
    JsonNode set = null;
    for (JsonNode candidate : sets.values()) {
      if ("text2data.parse".equals(candidate.get("task").getStringValue())) {
        set = candidate;
      }
    }
    Assumptions.assumeTrue(set != null, "no text2data.parse evaluation set registered yet");
    JsonNode started =
        http.toBlocking()
            .retrieve(
                HttpRequest.POST(
                        "/v1/llmops/experiments",
                        Map.of(
                            "task", set.get("task").getStringValue(),
                            "set", set.get("name").getStringValue(),
                            "limit", 6,
                            "configurations", List.of(Map.of("name", "first"), Map.of("name", "second"))))
                    .bearerAuth("test-key"),
                JsonNode.class);
    String id = started.get("id").getStringValue();

    SuitePages.openSignedIn(browser(), base + "/ui/llmops/#experiments", "test-key");
    browser().waitFor("#experiments-table tr[data-experiment='" + id + "'][data-configuration='first']");
    browser().waitUntil(
        "return [...document.querySelectorAll(\"#experiments-table tr[data-experiment='\" + arguments[0] + \"']\")]"
            + ".every(r => r.querySelector('[role=progressbar]').getAttribute('aria-valuenow') === '100');",
        "experiment finished, progress at 100%",
        id);
    browser().click("#experiments-table tr[data-experiment='" + id + "'][data-configuration='first'] input");
    browser().click("#experiments-table tr[data-experiment='" + id + "'][data-configuration='second'] input");
    browser().click("#compare");
    browser().waitFor("#comparison-table tr[data-item]");
    JsonNode comparison =
        http.toBlocking()
            .retrieve(
                HttpRequest.GET("/v1/llmops/experiments/compare?a=" + id + ":first&b=" + id + ":second")
                    .bearerAuth("test-key"),
                JsonNode.class);
    assertEquals(
        comparison.get("items").size(),
        ((Number) browser().script("return document.querySelectorAll('#comparison-table tr[data-item]').length;"))
            .intValue(),
        "one row per compared item");
    SuitePages.screenshot(browser(), "llmops-experiments");
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
