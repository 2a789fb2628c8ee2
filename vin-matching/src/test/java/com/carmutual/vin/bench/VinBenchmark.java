package com.carmutual.vin.bench;

import com.carmutual.vin.decode.VinDecoder;
import com.carmutual.vin.match.MatchRequest;
import com.carmutual.vin.match.VinMatcher;
import com.carmutual.vin.vpic.VpicData;
import com.carmutual.vin.vpic.VpicLoader;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Load program for docs/benchmarks.md (not a unit test: no timed assertions in the build).
 *
 * <pre>
 * mvn -B -o -pl vin-matching test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -Xmx512m -cp vin-matching/target/test-classes:vin-matching/target/classes:$(cat vin-matching/target/cp.txt) \
 *     com.carmutual.vin.bench.VinBenchmark
 * </pre>
 *
 * Measures: vPIC data load time and retained heap; in-process decode latency (p50/p99 over the
 * 1,100 unlabelled VINs, after warm-up); in-process match latency; 1,100 VINs through {@code POST
 * /v1/vins/batch} over loopback HTTP.
 */
public final class VinBenchmark {
  public static void main(String[] args) throws Exception {
    List<String> vins = unlabelled();
    System.out.println("VINs: " + vins.size());

    Runtime rt = Runtime.getRuntime();
    gc();
    long heapBefore = rt.totalMemory() - rt.freeMemory();
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpu0 = cpu.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    VpicData data = VpicLoader.loadResource();
    long t1 = System.nanoTime();
    VinDecoder decoder = new VinDecoder(data, Clock.systemUTC());
    long t2 = System.nanoTime();
    long cpu1 = cpu.getCurrentThreadCpuTime();
    gc();
    long heapAfter = rt.totalMemory() - rt.freeMemory();
    System.out.printf(Locale.ROOT, "load: read %d ms + index %d ms = %d ms wall, %d ms CPU of the loading thread; retained heap %d MB%n",
        (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t2 - t0) / 1_000_000, (cpu1 - cpu0) / 1_000_000,
        (heapAfter - heapBefore) >> 20);

    long c0 = System.nanoTime();
    decoder.precompile();
    long c1 = System.nanoTime();
    gc();
    long heapCompiled = rt.totalMemory() - rt.freeMemory();
    System.out.printf(Locale.ROOT, "precompile all schemas (background after start-up): %d ms; retained heap then %d MB (max heap %d MB)%n",
        (c1 - c0) / 1_000_000, (heapCompiled - heapBefore) >> 20, rt.maxMemory() >> 20);

    int errors = 0;
    for (int round = 0; round < 20; round++) {
      for (String v : vins) {
        try {
          decoder.decode(v);
        } catch (RuntimeException e) {
          errors++;
        }
      }
    }
    long[] ns = new long[vins.size() * 10];
    int k = 0;
    for (int round = 0; round < 10; round++) {
      for (String v : vins) {
        long s = System.nanoTime();
        try {
          decoder.decode(v);
        } catch (RuntimeException e) {
          // counted above
        }
        ns[k++] = System.nanoTime() - s;
      }
    }
    Arrays.sort(ns);
    System.out.printf(Locale.ROOT, "decode in-process: p50 %.1f us, p99 %.1f us, max %.1f us (%d decodes; %d rejected inputs in warm-up)%n",
        ns[ns.length / 2] / 1000.0, ns[(int) (ns.length * 0.99)] / 1000.0, ns[ns.length - 1] / 1000.0, ns.length, errors);

    try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
        Map.of("micronaut.server.port", "-1", "suite.api-keys", "bench:bench-key",
            "datasources.default.url", "jdbc:h2:mem:vin-bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
            "micronaut.server.max-request-size", "1MB"))) {
      VinMatcher matcher = server.getApplicationContext().getBean(VinMatcher.class);
      for (String v : vins.subList(0, 200)) {
        safeMatch(matcher, v);
      }
      // first pass: every model name not seen before is embedded once (fuzzy-name fallback)
      timeMatches(matcher, vins, cpu, "match in-process, first pass over the 1,100 (no hint)");
      for (int round = 0; round < 3; round++) {
        timeMatches(matcher, vins, cpu, "match in-process, warm pass " + (round + 1) + " (no hint)");
      }

      StringBuilder body = new StringBuilder("[");
      for (int i = 0; i < vins.size(); i++) {
        body.append(i == 0 ? "" : ",").append('"').append(vins.get(i)).append('"');
      }
      body.append(']');
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/v1/vins/batch"))
          .header("Authorization", "Bearer bench-key").header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
      List<Long> times = new ArrayList<>();
      int bytes = 0;
      for (int i = 0; i < 15; i++) {
        long s = System.nanoTime();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        long e = System.nanoTime() - s;
        if (r.statusCode() != 200) {
          throw new IllegalStateException("batch answered " + r.statusCode() + ": " + r.body());
        }
        bytes = r.body().length();
        if (i >= 5) {
          times.add(e);
        }
      }
      times.sort(Long::compare);
      System.out.printf(Locale.ROOT, "batch HTTP %d VINs: median %d ms, worst %d ms (after 5 warm-up requests; response %d KB)%n",
          vins.size(), times.get(times.size() / 2) / 1_000_000, times.get(times.size() - 1) / 1_000_000, bytes >> 10);
    }
  }

  /** Wall-clock and CPU time of the calling thread per match, p50 and p99. */
  private static void timeMatches(VinMatcher matcher, List<String> vins, java.lang.management.ThreadMXBean cpu,
      String what) {
    long[] wall = new long[vins.size()];
    long[] cpuNs = new long[vins.size()];
    for (int i = 0; i < vins.size(); i++) {
      long c = cpu.getCurrentThreadCpuTime();
      long s = System.nanoTime();
      safeMatch(matcher, vins.get(i));
      wall[i] = System.nanoTime() - s;
      cpuNs[i] = cpu.getCurrentThreadCpuTime() - c;
    }
    Arrays.sort(wall);
    Arrays.sort(cpuNs);
    System.out.printf(Locale.ROOT, "%s: wall p50 %.2f ms, p99 %.2f ms, max %.2f ms; CPU p50 %.2f ms, p99 %.2f ms%n", what,
        wall[wall.length / 2] / 1e6, wall[(int) (wall.length * 0.99)] / 1e6, wall[wall.length - 1] / 1e6,
        cpuNs[cpuNs.length / 2] / 1e6, cpuNs[(int) (cpuNs.length * 0.99)] / 1e6);
  }

  private static void safeMatch(VinMatcher matcher, String vin) {
    try {
      matcher.match(new MatchRequest(vin, null));
    } catch (RuntimeException e) {
      // malformed VINs are answered with 400; not part of the timing question
    }
  }

  private static List<String> unlabelled() throws Exception {
    try (InputStream in = VinBenchmark.class.getClassLoader().getResourceAsStream("vin/unlabelled-vins.txt")) {
      List<String> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          out.add(line.trim());
        }
      }
      return out;
    }
  }

  private static void gc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
  }
}
