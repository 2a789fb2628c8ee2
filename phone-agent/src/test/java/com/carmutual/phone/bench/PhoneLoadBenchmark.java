package com.carmutual.phone.bench;

import com.carmutual.phone.twilio.TwilioSignature;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Load program for the webhook path (see docs/benchmarks.md): starts the service on loopback
 * (offline, in-memory H2), then plays {@code calls} simultaneous simulated calls whose signed turns
 * arrive at {@code rate} turns per second in total, and prints the latency percentiles. Run with
 * {@code mvn -B -o -pl phone-agent test -Dtest=PhoneLoadBenchmark -Dbench=true [-Dbench.calls=500 -Dbench.rate=100 -Dbench.seconds=60]}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class PhoneLoadBenchmark {
  static final String TOKEN = "bench-token";
  static final String BASE = "https://phone.bench.test";
  static final List<String> CSAT = List.of("Four", "Nine out of ten", "The adjuster was quick", "No", "Yes");
  static final List<String> FNOL = List.of("M one two three four five six", "John Smith", "Last Friday around 9 in the morning at the mall parking lot",
      "Someone dented my door and drove off", "No", "No", "Yes", "Yes", "Seven Charlie Delta four five six", "Yes");

  @Test
  void webhookTurnLatencyUnderLoad() throws Exception {
    int calls = Integer.getInteger("bench.calls", 500);
    int rate = Integer.getInteger("bench.rate", 100);
    int seconds = Integer.getInteger("bench.seconds", 60);
    Map<String, Object> props = new HashMap<>();
    props.put("datasources.default.url", "jdbc:h2:mem:phone-bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    props.put("micronaut.server.port", -1);
    props.put("suite.api-keys", "bench:bench-key");
    props.put("phone.twilio.auth-token", TOKEN);
    props.put("phone.twilio.public-base-url", BASE);
    props.put("phone.workers.enabled", false);
    props.put("datasources.default.maximum-pool-size", 10);
    try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props)) {
      String local = "http://127.0.0.1:" + server.getPort();
      HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(64)).build();
      // warm-up: a few whole calls so that JIT and pools are ready
      for (int i = 0; i < 20; i++) {
        play(http, local, "CAwarm" + i, i % 2 == 0 ? "csat" : "fnol", i % 2 == 0 ? CSAT : FNOL, null);
      }
      ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
      AtomicInteger errors = new AtomicInteger();
      // every simulated call is a state machine; a scheduler releases one turn every 1/rate s round-robin
      List<SimCall> sims = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        sims.add(new SimCall("CAbench" + i, i % 2 == 0 ? "csat" : "fnol", i % 2 == 0 ? CSAT : FNOL));
      }
      ExecutorService workers = Executors.newFixedThreadPool(Math.min(calls, 256));
      long periodNanos = 1_000_000_000L / rate;
      long start = System.nanoTime();
      long total = (long) rate * seconds;
      CountDownLatch done = new CountDownLatch((int) total);
      AtomicInteger inFlightMax = new AtomicInteger();
      AtomicInteger inFlight = new AtomicInteger();
      int cursor = 0;
      for (long n = 0; n < total; n++) {
        long due = start + n * periodNanos;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        SimCall sim = sims.get(cursor);
        cursor = (cursor + 1) % sims.size();
        workers.submit(() -> {
          int now = inFlight.incrementAndGet();
          inFlightMax.accumulateAndGet(now, Math::max);
          try {
            long t0 = System.nanoTime();
            synchronized (sim) {
              sim.next(http, local);
            }
            latencies.add(System.nanoTime() - t0);
          } catch (Exception e) {
            errors.incrementAndGet();
          } finally {
            inFlight.decrementAndGet();
            done.countDown();
          }
        });
      }
      done.await(5, TimeUnit.MINUTES);
      double elapsed = (System.nanoTime() - start) / 1e9;
      workers.shutdown();
      long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
      System.out.printf("BENCH calls=%d rate=%d/s seconds=%d turns=%d errors=%d achieved=%.1f turns/s maxInFlight=%d%n",
          calls, rate, seconds, sorted.length, errors.get(), sorted.length / elapsed, inFlightMax.get());
      System.out.printf("BENCH latency ms p50=%.1f p90=%.1f p99=%.1f p999=%.1f max=%.1f mean=%.1f%n",
          pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), pct(sorted, 99.9), sorted[sorted.length - 1] / 1e6,
          Arrays.stream(sorted).average().orElse(0) / 1e6);
    }
  }

  static double pct(long[] sorted, double p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }

  /** One simulated caller: starts, answers each question in turn, and starts again after hanging up. */
  static final class SimCall {
    final String baseSid;
    final String script;
    final List<String> turns;
    int round;
    int index = -1;
    String action;

    SimCall(String sid, String script, List<String> turns) {
      this.baseSid = sid;
      this.script = script;
      this.turns = turns;
    }

    void next(HttpClient http, String local) throws Exception {
      String sid = baseSid + "r" + round;
      Map<String, String> p = params(sid);
      String body;
      if (index < 0 || action == null) {
        body = post(http, local, "/voice/" + script, p);
        index = 0;
      } else {
        p.put("SpeechResult", turns.get(Math.min(index, turns.size() - 1)));
        body = post(http, local, action, p);
        index++;
      }
      action = action(body);
      if (action == null) {
        round++;
        index = -1;
      }
    }
  }

  static void play(HttpClient http, String local, String sid, String script, List<String> turns, Object unused) throws Exception {
    String a = action(post(http, local, "/voice/" + script, params(sid)));
    for (String t : turns) {
      if (a == null) {
        return;
      }
      Map<String, String> p = params(sid);
      p.put("SpeechResult", t);
      a = action(post(http, local, a, p));
    }
  }

  static Map<String, String> params(String sid) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("CallSid", sid);
    p.put("AccountSid", "ACbench0000000000000000000000000");
    p.put("From", "+14155550100");
    p.put("To", "+15550001111");
    p.put("CallStatus", "in-progress");
    p.put("Direction", "inbound");
    return p;
  }

  static String post(HttpClient http, String local, String pathAndQuery, Map<String, String> params) throws Exception {
    String form = params.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    HttpRequest req = HttpRequest.newBuilder(URI.create(local + pathAndQuery))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Twilio-Signature", TwilioSignature.sign(TOKEN, BASE + pathAndQuery, params))
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
    HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() != 200) {
      throw new IllegalStateException(res.statusCode() + " " + res.body());
    }
    return res.body();
  }

  static String action(String twiml) {
    Matcher m = Pattern.compile("<Gather [^>]*action=\"([^\"]+)\"").matcher(twiml);
    return m.find() ? m.group(1).replace("&amp;", "&").substring(BASE.length()) : null;
  }
}
