package com.carmutual.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A newcomer's first hour, for real: {@code deploy/local/run.sh} starts the four built jars (on ports
 * of their own, data in a temporary directory) and prints every page; {@code deploy/local/demo.sh}
 * fills them; a second demo run changes nothing. Starts the whole suite, so it runs only when asked
 * ({@code -Ddemo.e2e=true}; CI asks) and after the jars are built ({@code mvn -B -DskipTests install}).
 */
@EnabledIfSystemProperty(named = "demo.e2e", matches = "true")
class LocalDemoEndToEndTest {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private static final List<String> CALLS = List.of(
      "CAde300000000000000000000000000001", "CAde300000000000000000000000000002", "CAde300000000000000000000000000003",
      "CAde300000000000000000000000000004", "CAde300000000000000000000000000005", "CAde300000000000000000000000000006");
  private static final Map<String, String> TASKS = Map.of(
      "vin-matching", "vin.match", "claims-agent", "claims.damage", "text2data", "text2data.parse", "phone-agent", "phone.extract");

  private final String key = UUID.randomUUID().toString().replace("-", "");
  private final String demoKey = UUID.randomUUID().toString().replace("-", "");
  private final String token = UUID.randomUUID().toString().replace("-", "");
  private int base;

  @Test
  void runShowsEveryPageAndTheDemoFillsThemOnce() throws Exception {
    Path root = Repo.root();
    for (String s : Repo.SERVICES) {
      assertTrue(Files.isRegularFile(root.resolve(s).resolve("target").resolve(s + ".jar")), s + ".jar is built");
    }
    base = freePortBase();
    Path dir = Files.createTempDirectory("local-demo");
    ProcessBuilder run = new ProcessBuilder("bash", "deploy/local/run.sh").directory(root.toFile()).redirectErrorStream(true);
    run.environment().putAll(Map.of("SUITE_API_KEYS", "local:" + key + ",demo:" + demoKey, "TWILIO_AUTH_TOKEN", token,
        "LOCAL_PORT_BASE", String.valueOf(base), "LOCAL_RUN_DIR", dir.toString()));
    Process suite = run.start();
    try {
      String printed = readUntil(suite, "API key:", Duration.ofMinutes(6));
      for (String s : Repo.SERVICES) {
        String at = "http://127.0.0.1:" + port(s);
        for (String page : List.of(at + "/ui/", at + "/swagger-ui/index.html", at + "/swagger/" + s + ".yml", at + "/ui/llmops/")) {
          assertTrue(printed.contains(page), "run.sh prints " + page + ":\n" + printed);
          assertEquals(200, get(page, null).statusCode(), page);
        }
      }
      assertTrue(printed.contains("API key: " + key), printed);

      String first = demo(dir);
      for (String flag : List.of("PHOTO_NEAR_DUPLICATE", "PHOTO_CAPTURED_BEFORE_LOSS", "PHOTO_EDITED", "PHOTO_FAR_FROM_LOSS", "PHOTO_METADATA_MISSING")) {
        assertTrue(first.contains(flag), "the demo's claims show " + flag + ":\n" + first);
      }
      Map<String, String> before = state();
      String second = demo(dir);
      assertEquals(5, count(second, "(already filed)"), second);
      assertEquals(CALLS.size(), count(second, "already done"), second);
      assertTrue(second.contains("already asked"), second);
      assertEquals(TASKS.size(), count(second, "exists already"), second);
      assertEquals(before, state(), "a second demo run changes nothing");
    } finally {
      List<ProcessHandle> children = suite.descendants().toList();
      suite.destroy(); // run.sh stops its services on SIGTERM
      if (!suite.waitFor(60, TimeUnit.SECONDS)) {
        suite.destroyForcibly();
      }
      children.forEach(ProcessHandle::destroyForcibly);
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  /** What the pages show: claims, calls with their transcripts and claim filings, questions asked, experiments. */
  private Map<String, String> state() throws Exception {
    Map<String, String> state = new TreeMap<>();
    // phone-agent files each completed fnol call's claim through its outbox: wait for it first
    for (int i = 0; i < 120; i++) {
      String fnol = get(url("phone-agent", "/v1/calls/" + CALLS.get(0)), demoKey).body() + get(url("phone-agent", "/v1/calls/" + CALLS.get(1)), demoKey).body();
      if (count(fnol, "\"status\":\"filed\"") == 2) {
        break;
      }
      Thread.sleep(500);
    }
    String claims = get(url("claims-agent", "/v1/claims?limit=100"), demoKey).body();
    state.put("claims", String.join(",", sorted(all(claims, "\"id\"\\s*:\\s*\"([^\"]+)\""))));
    assertEquals(7, all(claims, "\"id\"\\s*:\\s*\"([^\"]+)\"").size(), "5 demo claims + 2 from fnol calls: " + claims);
    for (String sid : CALLS) {
      String call = get(url("phone-agent", "/v1/calls/" + sid), demoKey).body();
      assertTrue(call.contains("\"status\":\"completed\""), call);
      state.put(sid, count(call, "\"speaker\":\"caller\"") + " caller turns, " + count(call, "\"speaker\"") + " turns, filing " + call.contains("\"filed\""));
    }
    String asks = get(url("text2data", "/v1/llmops/runs?workflow=text2data.ask&limit=500"), demoKey).body();
    state.put("asks", String.valueOf(count(asks, "\"client\":\"demo\"")));
    assertTrue(count(asks, "\"client\":\"demo\"") >= 12, asks);
    for (var t : TASKS.entrySet()) {
      String experiments = get(url(t.getKey(), "/v1/llmops/experiments?task=" + t.getValue()), demoKey).body();
      assertTrue(experiments.contains("\"status\":\"done\""), t + ": " + experiments);
      state.put("experiments " + t.getValue(), String.join(",", sorted(all(experiments, "\"id\"\\s*:\\s*\"([^\"]+)\""))));
    }
    return state;
  }

  private String demo(Path dir) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("bash", "deploy/local/demo.sh").directory(Repo.root().toFile()).redirectErrorStream(true);
    pb.environment().putAll(Map.of("DEMO_API_KEY", demoKey, "TWILIO_AUTH_TOKEN", token,
        "PHONE_PUBLIC_BASE_URL", url("phone-agent", ""), "DEMO_PHOTO_DIR", dir.resolve("demo-photos").toString(),
        "VIN_MATCHING_URL", url("vin-matching", ""), "CLAIMS_AGENT_URL", url("claims-agent", ""),
        "TEXT2DATA_URL", url("text2data", ""), "PHONE_AGENT_URL", url("phone-agent", "")));
    Process p = pb.start();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> {
      try {
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return e.toString();
      }
    });
    assertTrue(p.waitFor(6, TimeUnit.MINUTES), "demo.sh finishes");
    String printed = out.get(10, TimeUnit.SECONDS);
    System.out.println(printed);
    assertEquals(0, p.exitValue(), printed);
    return printed;
  }

  private static String readUntil(Process p, String marker, Duration limit) throws Exception {
    StringBuilder seen = new StringBuilder();
    CompletableFuture<Boolean> found = CompletableFuture.supplyAsync(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          synchronized (seen) {
            seen.append(line).append('\n');
          }
          if (line.startsWith(marker)) {
            // keep draining run.sh's output in the background so it never blocks on a full pipe
            CompletableFuture.runAsync(() -> drain(r));
            return true;
          }
        }
      } catch (IOException e) {
        return false;
      }
      return false;
    });
    boolean ok;
    try {
      ok = found.get(limit.toSeconds(), TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      ok = false;
    }
    synchronized (seen) {
      assertTrue(ok, "run.sh printed '" + marker + "' within " + limit + ":\n" + seen);
      return seen.toString();
    }
  }

  private static void drain(BufferedReader r) {
    try {
      while (r.readLine() != null) {
        // discard
      }
    } catch (IOException e) {
      // the suite stopped
    }
  }

  private int port(String service) {
    return base + 1 + Repo.SERVICES.indexOf(service);
  }

  private String url(String service, String path) {
    return "http://127.0.0.1:" + port(service) + path;
  }

  private static HttpResponse<String> get(String url, String key) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The first of four consecutive free loopback ports, minus one (run.sh uses base+1..base+4). */
  private static int freePortBase() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int first;
      try (ServerSocket s = new ServerSocket(0)) {
        first = s.getLocalPort();
      }
      if (first + 4 > 65535) {
        continue;
      }
      boolean free = true;
      for (int p = first; p < first + 4 && free; p++) {
        try (ServerSocket s = new ServerSocket(p)) {
          s.setReuseAddress(true);
        } catch (IOException e) {
          free = false;
        }
      }
      if (free) {
        return first - 1;
      }
    }
    throw new IllegalStateException("no four consecutive free ports");
  }

  private static List<String> all(String text, String regex) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static List<String> sorted(List<String> values) {
    return values.stream().sorted().toList();
  }

  private static int count(String haystack, String needle) {
    int n = 0;
    for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }
}
