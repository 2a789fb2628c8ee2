package com.carmutual.shared.llmops.eval.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@MicronautTest(environments = {"test", "llmops"}, transactional = false)
class ExperimentsTest {
  @Inject
  @Client("/")
  HttpClient client;

  @Inject EvalCommand command;

  @SuppressWarnings("unchecked")
  private Map<String, Object> get(String path) {
    return client.toBlocking().retrieve(HttpRequest.GET(path).bearerAuth("test-key"), Map.class);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> awaitDone(String id) throws InterruptedException {
    Map<String, Object> e = get("/v1/llmops/experiments/" + id);
    for (int i = 0; i < 600 && !List.of("done", "failed").contains(e.get("status")); i++) {
      Thread.sleep(50);
      e = get("/v1/llmops/experiments/" + id);
    }
    return e;
  }

  @Test
  @SuppressWarnings("unchecked")
  void theClasspathSetIsLoadedAsVersionOneAndAnExperimentScoresEachItem() throws InterruptedException {
    Map<String, Object> set = get("/v1/llmops/eval-sets/test.echo/dev");
    assertEquals(1, ((Map<String, Object>) set.get("set")).get("version"));
    assertEquals(4, ((List<?>) set.get("items")).size());

    Map<String, Object> started =
        client.toBlocking()
            .retrieve(
                HttpRequest.POST(
                        "/v1/llmops/experiments",
                        Map.of(
                            "task", "test.echo",
                            "set", "dev",
                            "configurations",
                                List.of(
                                    Map.of("name", "local", "versions", Map.of("test.echo", Map.of("routeVersion", "local"))),
                                    Map.of("name", "active"))))
                    .bearerAuth("test-key"),
                Map.class);
    assertEquals(8, started.get("total"));
    Map<String, Object> done = awaitDone((String) started.get("id"));
    assertEquals("done", done.get("status"), done.toString());
    assertEquals(8, done.get("done"));
    List<Map<String, Object>> summary = (List<Map<String, Object>>) done.get("summary");
    assertEquals(2, summary.size());
    Map<String, Object> local = summary.get(0);
    assertEquals("local", local.get("configuration"));
    // e4 expects BONNET for "hood": the upper-casing task gets 3 of 4
    assertEquals(0.75, ((Number) local.get("meanScore")).doubleValue(), 1e-9);
    double low = ((Number) local.get("ci95Low")).doubleValue();
    double high = ((Number) local.get("ci95High")).doubleValue();
    assertTrue(low <= 0.75 && high >= 0.75 && low < high, local.toString());

    List<Map<String, Object>> items =
        client.toBlocking()
            .retrieve(
                HttpRequest.GET("/v1/llmops/experiments/" + started.get("id") + "/items?configuration=local")
                    .bearerAuth("test-key"),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
    assertEquals(4, items.size());
    Map<String, Object> e4 = items.stream().filter(i -> "e4".equals(i.get("itemId"))).findFirst().orElseThrow();
    assertEquals(0.0, ((Number) e4.get("score")).doubleValue());
    assertEquals(Map.of("text", "HOOD"), e4.get("output"));
    assertNotNull(e4.get("latencyMicros"));

    Map<String, Object> cmp =
        get("/v1/llmops/experiments/compare?a=" + started.get("id") + ":local&b=" + started.get("id") + ":active");
    assertEquals(4, ((List<?>) cmp.get("items")).size());
    assertEquals(4, cmp.get("same"));
  }

  @Test
  void anExperimentOnAnUnknownSetOrTaskIsRefused() {
    var e =
        assertThrows(
            HttpClientResponseException.class,
            () ->
                client.toBlocking()
                    .retrieve(
                        HttpRequest.POST("/v1/llmops/experiments", Map.of("task", "test.echo", "set", "nope"))
                            .bearerAuth("test-key"),
                        Map.class));
    assertEquals(404, e.getStatus().getCode());
    var f =
        assertThrows(
            HttpClientResponseException.class,
            () ->
                client.toBlocking()
                    .retrieve(
                        HttpRequest.POST("/v1/llmops/experiments", Map.of("task", "no.task", "set", "dev"))
                            .bearerAuth("test-key"),
                        Map.class));
    assertEquals(400, f.getStatus().getCode());
  }

  @Test
  void theCommandLineRunsASetPrintsTheSummaryAndWritesItsMarkdownSection(@TempDir Path dir)
      throws Exception {
    Path md = dir.resolve("evaluation.md");
    Files.writeString(md, "# Evaluation\n\nintro kept\n");
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    int code =
        command.run(
            new String[] {"--set", "test.echo/dev", "--config", "local=test.echo:local/-", "--markdown", md.toString()},
            new PrintStream(buf, true, StandardCharsets.UTF_8));
    String out = buf.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, out);
    assertTrue(out.contains("4/4"), out);
    assertTrue(out.contains("mean 0.750"), out);
    String text = Files.readString(md);
    assertTrue(text.startsWith("# Evaluation\n\nintro kept\n"), text);
    assertTrue(text.contains("| test.echo | dev v1 | 4 | exact | local | 0.750 |"), text);

    // a second run replaces the section instead of appending another
    command.run(new String[] {"--all", "--markdown", md.toString()}, new PrintStream(new ByteArrayOutputStream()));
    String again = Files.readString(md);
    assertEquals(1, again.split(":start -->", -1).length - 1, again);

    assertEquals(1, command.run(new String[] {"--set", "test.echo/dev", "--min-score", "0.9"}, new PrintStream(new ByteArrayOutputStream())));
    assertEquals(2, command.run(new String[] {"--set"}, new PrintStream(new ByteArrayOutputStream())));
  }
}
