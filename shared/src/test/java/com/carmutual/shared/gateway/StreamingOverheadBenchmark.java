package com.carmutual.shared.gateway;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import java.io.OutputStream;
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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * What the gateway adds to the first streamed token (not a test): time to first token of {@code
 * LlmGateway.stream} against a loopback fake OpenAI server that streams, minus the time to first
 * token of the same streamed request sent straight to the same server with the JDK client, the two
 * interleaved call by call. The gateway path is all of it: routing, prompt, redaction, the request
 * written, server-sent events parsed, restoration, the listener, and after the answer the trace row
 * (H2, async), span (no-op) and listeners.
 *
 * <pre>
 * deploy/local/bench.sh gateway-stream [calls] [warm-up calls]
 * </pre>
 *
 * Arguments: measured calls of each path (default 3000) and warm-up calls (default 1000).
 */
public final class StreamingOverheadBenchmark {
  public static void main(String[] args) throws Exception {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    HttpServer upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
    upstream.createContext("/", ex -> {
      ex.getRequestBody().readAllBytes();
      ex.getResponseHeaders().set("Content-Type", "text/event-stream");
      ex.sendResponseHeaders(200, 0);
      try (OutputStream out = ex.getResponseBody()) {
        for (String piece : List.of("Hello", " there,", " how can I help?")) {
          out.write(("data: {\"id\":\"c1\",\"model\":\"fake-model\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\""
              + piece + "\"},\"finish_reason\":null}]}\n\n").getBytes(StandardCharsets.UTF_8));
          out.flush();
        }
        out.write(("data: {\"id\":\"c1\",\"choices\":[],\"usage\":{\"prompt_tokens\":30,\"completion_tokens\":8}}\n\n"
            + "data: [DONE]\n\n").getBytes(StandardCharsets.UTF_8));
      }
    });
    upstream.setExecutor(Executors.newFixedThreadPool(4));
    upstream.start();
    String base = "http://127.0.0.1:" + upstream.getAddress().getPort();

    Map<String, Object> p = new HashMap<>();
    p.put("datasources.default.url", "jdbc:h2:mem:stream-bench-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    p.put("datasources.default.username", "sa");
    p.put("datasources.default.password", "");
    p.put("flyway.datasources.default.enabled", true);
    p.put("flyway.datasources.default.locations", "classpath:db/migration/shared");
    p.put("llm.providers.fake.type", "openai");
    p.put("llm.providers.fake.base-url", base);
    p.put("llm.providers.fake.api-key", "bench-key");
    p.put("llm.routes.reply.task", "bench.reply");
    p.put("llm.routes.reply.targets", List.of(Map.of("provider", "fake", "model", "fake-model")));
    p.put("llm.routes.reply.max-retries", 0);
    p.put("micronaut.server.enabled", false);
    try (ApplicationContext ctx = ApplicationContext.builder().properties(p).start()) {
      LlmGateway gateway = ctx.getBean(LlmGateway.class);
      HttpClient direct = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      byte[] body = ("{\"model\":\"fake-model\",\"messages\":[{\"role\":\"user\",\"content\":\"Where is my claim?\"}],"
          + "\"stream\":true,\"stream_options\":{\"include_usage\":true}}").getBytes(StandardCharsets.UTF_8);
      HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/chat/completions"))
          .header("Content-Type", "application/json").header("Authorization", "Bearer bench-key")
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
      long[] viaDirect = new long[calls];
      long[] viaGateway = new long[calls];
      for (int i = -warmup; i < calls; i++) {
        long d = directFirstToken(direct, request);
        long g = gatewayFirstToken(gateway);
        if (i >= 0) {
          viaDirect[i] = d;
          viaGateway[i] = g;
        }
      }
      ctx.getBean(LlmCalls.class).flush(Duration.ofSeconds(30));
      Arrays.sort(viaDirect);
      Arrays.sort(viaGateway);
      System.out.printf("BENCH gateway-stream calls=%d warmup=%d (sequential, interleaved, loopback fake OpenAI SSE server)%n",
          calls, warmup);
      System.out.printf("BENCH time to first token, direct JDK client: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms%n",
          ms(viaDirect, 0.50), ms(viaDirect, 0.90), ms(viaDirect, 0.99));
      System.out.printf("BENCH time to first token, LlmGateway.stream: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms%n",
          ms(viaGateway, 0.50), ms(viaGateway, 0.90), ms(viaGateway, 0.99));
      System.out.printf("BENCH added by the gateway: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms (goal: under 1 ms)%n",
          ms(viaGateway, 0.50) - ms(viaDirect, 0.50), ms(viaGateway, 0.90) - ms(viaDirect, 0.90),
          ms(viaGateway, 0.99) - ms(viaDirect, 0.99));
    } finally {
      upstream.stop(0);
    }
    System.exit(0);
  }

  private static long directFirstToken(HttpClient client, HttpRequest request) throws Exception {
    long t0 = System.nanoTime();
    HttpResponse<Stream<String>> r = client.send(request, HttpResponse.BodyHandlers.ofLines());
    long first = 0;
    try (Stream<String> lines = r.body()) {
      Iterator<String> it = lines.iterator();
      while (it.hasNext()) {
        String line = it.next();
        if (first == 0 && line.startsWith("data: ") && line.contains("\"content\":\"")) {
          first = System.nanoTime() - t0;
        }
      }
    }
    return first;
  }

  private static long gatewayFirstToken(LlmGateway gateway) {
    long t0 = System.nanoTime();
    long[] first = {0};
    gateway.stream("bench.reply", "Where is my claim?", new StreamListener() {
      @Override
      public void onToken(String text) {
        if (first[0] == 0) {
          first[0] = System.nanoTime() - t0;
        }
      }

      @Override
      public void onComplete(StreamResult result) {}

      @Override
      public void onError(LlmException error) {
        throw new IllegalStateException(error);
      }
    });
    return first[0];
  }

  private static double ms(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
  }
}
