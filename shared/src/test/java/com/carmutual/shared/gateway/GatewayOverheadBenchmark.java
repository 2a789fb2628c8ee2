package com.carmutual.shared.gateway;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway's own overhead (not a test): p50/p99 latency and calls/s of {@code
 * LlmGateway.structured} against a loopback fake OpenAI server, compared in the same run with
 * posting the same request to the same server directly with the JDK client. The gateway path
 * includes everything real: routing, prompt rendering, redaction, schema, JSON both ways, schema
 * validation, binding, tracing into H2 (async), spans (no-op) and listeners.
 *
 * <pre>
 * mvn -B -o -q -pl shared test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp \
 *     -Dmdep.includeScope=test &amp;&amp; java -cp shared/target/test-classes:shared/target/classes:$(cat shared/target/bench.cp) \
 *     com.carmutual.shared.gateway.GatewayOverheadBenchmark [rate] [seconds]
 * </pre>
 *
 * ({@code exec:java} does not work here: the Micronaut parent configures the exec plugin for {@code exec:exec}.)
 *
 * Arguments: target rate (calls/s, default 500) and seconds per measured phase (default 20).
 */
public final class GatewayOverheadBenchmark {
  private static final String OUTPUT =
      "{\"decision\":\"repair\",\"score\":7,\"level\":\"HIGH\",\"reasons\":[\"bumper\"],\"note\":null}";

  public static void main(String[] args) throws Exception {
    // without it the JDK server's separate header and body writes meet delayed ACKs: +40 ms per call
    System.setProperty("sun.net.httpserver.nodelay", "true");
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    byte[] answer = ("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"fake-model\","
        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + FakeProviderServer.quote(OUTPUT)
        + "},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":300,\"completion_tokens\":30,\"total_tokens\":330}}")
        .getBytes(StandardCharsets.UTF_8);
    HttpServer upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
    upstream.createContext("/", ex -> {
      ex.getRequestBody().readAllBytes();
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(200, answer.length);
      ex.getResponseBody().write(answer);
      ex.close();
    });
    upstream.setExecutor(Executors.newFixedThreadPool(8));
    upstream.start();
    String base = "http://127.0.0.1:" + upstream.getAddress().getPort();

    Map<String, Object> p = new HashMap<>();
    p.put("datasources.default.url", "jdbc:h2:mem:bench-" + UUID.randomUUID()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    p.put("datasources.default.username", "sa");
    p.put("datasources.default.password", "");
    p.put("datasources.default.dialect", "POSTGRES");
    p.put("flyway.datasources.default.enabled", true);
    p.put("flyway.datasources.default.locations", "classpath:db/migration/shared");
    p.put("llm.providers.fake.type", "openai");
    p.put("llm.providers.fake.base-url", base);
    p.put("llm.providers.fake.api-key", "k");
    p.put("llm.prices", List.of(Map.of("model", "fake-model", "input", "0.15", "output", "0.60")));
    p.put("llm.routes.verdict.task", "claims.verdict");
    p.put("llm.routes.verdict.targets", List.of(Map.of("provider", "fake", "model", "fake-model")));
    p.put("llm.routes.verdict.timeout", "5s");
    p.put("micronaut.server.port", -1);
    p.put("suite.api-keys", "bench:bench");
    try (ApplicationContext ctx = ApplicationContext.builder().properties(p).start()) {
      LlmGateway gateway = ctx.getBean(LlmGateway.class);
      JsonMapper json = ctx.getBean(JsonMapper.class);
      GatewayContract.Claim claim = new GatewayContract.Claim(
          "Rear-ended at a light on Ring Road, rear bumper cracked and trunk lid dented; member phone 13812345678",
          "M-100234");
      // the direct path sends the same bytes the gateway sends, so both do the same network work
      byte[] sameRequest = json.writeValueAsBytes(Map.of("model", "fake-model", "messages",
          List.of(Map.of("role", "user", "content", json.writeValueAsString(claim)))));
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpRequest direct = HttpRequest.newBuilder(URI.create(base + "/v1/chat/completions"))
          .header("Content-Type", "application/json").header("Authorization", "Bearer k")
          .POST(HttpRequest.BodyPublishers.ofByteArray(sameRequest)).build();
      Runnable directCall = () -> {
        try {
          client.send(direct, HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      };
      Runnable gatewayCall = () -> gateway.structured("claims.verdict", claim, GatewayContract.Verdict.class);

      String load = "";
      try {
        load = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
      } catch (Exception ignored) {
        // not Linux
      }
      System.out.printf("machine: %d cores, %s %s, load average %s%n", Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.vm.name"), System.getProperty("java.version"), load);
      if (System.getProperty("bench.serial") != null) {
        for (int round = 0; round < 3; round++) {
          serial("direct ", directCall, 3000);
          serial("gateway", gatewayCall, 3000);
        }
        return;
      }
      if (System.getProperty("bench.profile") != null) {
        closedLoop("profile gateway", gatewayCall, 2, Integer.getInteger("bench.profile"));
        return;
      }
      closedLoop("warm-up direct", directCall, 4, 5);
      closedLoop("warm-up gateway", gatewayCall, 4, 5);
      long[] d = openLoop("direct ", directCall, rate, seconds);
      long[] g = openLoop("gateway", gatewayCall, rate, seconds);
      System.out.printf("added by the gateway at %d calls/s: p50 %+.3f ms, p99 %+.3f ms%n", rate,
          (pct(g, 50) - pct(d, 50)) / 1e6, (pct(g, 99) - pct(d, 99)) / 1e6);
      closedLoop("max direct ", directCall, 8, 10);
      closedLoop("max gateway", gatewayCall, 8, 10);
      LlmCalls calls = ctx.getBean(LlmCalls.class);
      calls.flush(Duration.ofSeconds(30));
      System.out.printf("traces stored: %d (latest shown), dropped: %d%n",
          calls.list(LlmCallQuery.latest(1000)).size(),
          ((com.carmutual.shared.gateway.trace.CallTraces) calls).dropped());
    } catch (Throwable e) {
      e.printStackTrace();
    } finally {
      upstream.stop(0);
      System.exit(0);
    }
  }

  /** Calls at a fixed rate from a pool, measuring each call from its start; returns sorted nanos. */
  static long[] openLoop(String name, Runnable call, int rate, int seconds) throws InterruptedException {
    int total = rate * seconds;
    long[] latencies = new long[total];
    AtomicInteger next = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(total);
    ExecutorService workers = Executors.newFixedThreadPool(32);
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    long periodNanos = 1_000_000_000L / rate;
    long start = System.nanoTime();
    ticker.scheduleAtFixedRate(() -> {
      int i = next.getAndIncrement();
      if (i >= total) {
        return;
      }
      workers.execute(() -> {
        long t0 = System.nanoTime();
        call.run();
        latencies[i] = System.nanoTime() - t0;
        done.countDown();
      });
    }, 0, periodNanos, TimeUnit.NANOSECONDS);
    done.await();
    long elapsed = System.nanoTime() - start;
    ticker.shutdownNow();
    workers.shutdownNow();
    Arrays.sort(latencies);
    System.out.printf("%s open loop %d calls/s for %d s: %.0f calls/s done, p50 %.3f ms, p90 %.3f ms, p99 %.3f ms,"
            + " max %.3f ms%n", name, rate, seconds, total / (elapsed / 1e9),
        pct(latencies, 50) / 1e6, pct(latencies, 90) / 1e6, pct(latencies, 99) / 1e6,
        latencies[latencies.length - 1] / 1e6);
    return latencies;
  }

  /** One caller, one call after another: the latency of each call with no contention. */
  static long[] serial(String name, Runnable call, int n) {
    long[] latencies = new long[n];
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      call.run();
      latencies[i] = System.nanoTime() - t0;
    }
    Arrays.sort(latencies);
    System.out.printf("%s serial, %d calls: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms%n", name, n,
        pct(latencies, 50) / 1e6, pct(latencies, 90) / 1e6, pct(latencies, 99) / 1e6);
    return latencies;
  }

  /** As many calls as {@code threads} callers can make in {@code seconds}. */
  static void closedLoop(String name, Runnable call, int threads, int seconds) throws InterruptedException {
    AtomicLong count = new AtomicLong();
    long until = System.nanoTime() + seconds * 1_000_000_000L;
    Thread[] ts = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      ts[t] = new Thread(() -> {
        while (System.nanoTime() < until) {
          call.run();
          count.incrementAndGet();
        }
      });
      ts[t].start();
    }
    for (Thread t : ts) {
      t.join();
    }
    System.out.printf("%s closed loop, %d callers: %.0f calls/s%n", name, threads, count.get() / (double) seconds);
  }

  static double pct(long[] sorted, double p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
