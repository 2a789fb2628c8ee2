package com.carmutual.phone.relay;

import com.carmutual.phone.SignedTwilio;
import com.carmutual.phone.twilio.TwilioSignature;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark of the ConversationRelay path (see docs/benchmarks.md): starts the service on loopback
 * (offline, local parsers, in-memory H2), keeps {@code calls} relay calls open at once, each a real
 * WebSocket client playing callers' turns back to back (a new call after each ends), and prints the
 * time from sending a {@code prompt} to receiving the first {@code text} token. Run with
 * Each caller waits {@code bench.pauseMs} (default 1000 ms: the caller speaking) before each prompt, so
 * 100 calls send about 100 prompts a second, the rate of the webhook benchmark; {@code -Dbench.pauseMs=0}
 * sends back to back (a saturation test). Run with
 * {@code mvn -B -o -pl phone-agent test -Dtest=RelayLatencyBenchmark -Dbench=true [-Dbench.calls=100 -Dbench.seconds=30 -Dbench.pauseMs=1000]}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class RelayLatencyBenchmark {
  static final List<String> CSAT = List.of("Four, they were quick", "Nine out of ten", "The adjuster explained everything", "No thanks", "Yes");
  static final List<String> FNOL = List.of("M five five one nine zero three", "Dana Whitfield", "Tuesday evening around seven at the bowling alley",
      "A pickup reversed into my bumper, nobody was injured", "No", "Yes", "Yes", "Hotel Kilo four four two", "Yes");

  @Test
  void promptToFirstTokenWithConcurrentRelayCalls() throws Exception {
    int calls = Integer.getInteger("bench.calls", 100);
    int seconds = Integer.getInteger("bench.seconds", 30);
    long pauseMs = Long.getLong("bench.pauseMs", 1000);
    Map<String, Object> props = new HashMap<>();
    props.put("datasources.default.url", "jdbc:h2:mem:phone-relay-bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    props.put("micronaut.server.port", -1);
    props.put("suite.api-keys", "bench:bench-key");
    props.put("phone.twilio.auth-token", SignedTwilio.TOKEN);
    props.put("phone.twilio.public-base-url", SignedTwilio.PUBLIC_BASE);
    props.put("phone.workers.enabled", false);
    props.put("phone.transport.default", "relay");
    props.put("datasources.default.maximum-pool-size", 10);
    try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props)) {
      HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(32)).build();
      ConcurrentLinkedQueue<Long> warm = new ConcurrentLinkedQueue<>();
      for (int i = 0; i < 10; i++) {
        playCall(http, server.getPort(), "CArwarm" + i, i % 2 == 0 ? "csat" : "fnol", warm, 0);
      }
      ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
      AtomicInteger errors = new AtomicInteger();
      AtomicInteger callsDone = new AtomicInteger();
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      ExecutorService callers = Executors.newFixedThreadPool(calls);
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < calls; c++) {
        int id = c;
        running.add(callers.submit(() -> {
          for (int round = 0; System.nanoTime() < end; round++) {
            try {
              if (round == 0) {
                Thread.sleep((long) (Math.random() * pauseMs)); // callers do not all speak at once
              }
              playCall(http, server.getPort(), "CArbench" + id + "r" + round, id % 2 == 0 ? "csat" : "fnol", latencies, pauseMs);
              callsDone.incrementAndGet();
            } catch (Exception e) {
              errors.incrementAndGet();
            }
          }
        }));
      }
      for (Future<?> f : running) {
        f.get(seconds + 120L, TimeUnit.SECONDS);
      }
      callers.shutdown();
      long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
      System.out.printf("BENCH relay calls=%d seconds=%d pauseMs=%d prompts=%d (%.1f/s) callsCompleted=%d errors=%d%n",
          calls, seconds, pauseMs, sorted.length, sorted.length / (double) seconds, callsDone.get(), errors.get());
      System.out.printf("BENCH prompt->first token ms p50=%.2f p90=%.2f p99=%.2f max=%.2f mean=%.2f%n",
          pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted[sorted.length - 1] / 1e6,
          Arrays.stream(sorted).average().orElse(0) / 1e6);
    }
  }

  /** One whole call: the signed webhook that answers with ConversationRelay TwiML, then the WebSocket. */
  static void playCall(HttpClient http, int port, String callSid, String script, ConcurrentLinkedQueue<Long> latencies, long pauseMs)
      throws Exception {
    Map<String, String> p = SignedTwilio.callParams(callSid);
    String path = "/voice/" + script;
    String body = p.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    HttpResponse<String> twiml = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Twilio-Signature", TwilioSignature.sign(SignedTwilio.TOKEN, SignedTwilio.PUBLIC_BASE + path, p))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    Matcher m = Pattern.compile("url=\"wss://phone\\.example\\.test([^\"]+)\"").matcher(twiml.body());
    if (!m.find()) {
      throw new IllegalStateException(twiml.body());
    }
    try (RelayClient ws = new RelayClient(http, port, m.group(1).replace("&amp;", "&"), null)) {
      ws.setup(callSid);
      for (String turn : "csat".equals(script) ? CSAT : FNOL) {
        if (pauseMs > 0) {
          Thread.sleep(pauseMs);
        }
        long t0 = System.nanoTime();
        ws.prompt(turn, "en-US");
        JsonNode first = ws.received.poll(10, TimeUnit.SECONDS);
        if (first == null) {
          throw new IllegalStateException("no reply");
        }
        latencies.add(System.nanoTime() - t0);
        List<JsonNode> rest = new ArrayList<>(List.of(first));
        if (!(first.path("last").asBoolean())) {
          rest.addAll(ws.reply());
        } else {
          JsonNode end = ws.received.poll(300, TimeUnit.MILLISECONDS);
          if (end != null) {
            rest.add(end);
          }
        }
        if (RelayClient.ends(rest)) {
          return;
        }
      }
    }
  }

  static double pct(long[] sorted, double p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
