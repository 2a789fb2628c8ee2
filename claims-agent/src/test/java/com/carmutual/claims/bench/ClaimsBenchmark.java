package com.carmutual.claims.bench;

import com.carmutual.claims.damage.DamageInput;
import com.carmutual.claims.damage.Damages;
import com.carmutual.claims.damage.TextDamageReader;
import com.carmutual.claims.plan.Plan;
import com.carmutual.claims.plan.PlanInput;
import com.carmutual.claims.plan.RepairPlanner;
import com.carmutual.claims.pricing.PriceInput;
import com.carmutual.claims.pricing.Priced;
import com.carmutual.claims.pricing.Pricer;
import com.carmutual.claims.pricing.TotalLossCheck;
import com.carmutual.claims.testing.TestImages;
import com.carmutual.claims.testing.TestImages.Exif;
import com.carmutual.claims.vehicle.Vehicle;
import com.carmutual.claims.vehicle.VehicleClass;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Speed of claims-agent, run on demand (not part of the normal test run):
 *
 * <pre>mvn -B -o -pl claims-agent test -Dtest=ClaimsBenchmark -Dclaims.bench=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * <p>1. Intake over HTTP of a claim with 10 JPEG photos of about 3 MB each (type detection, header
 * size check, EXIF, SHA-256, dHash, photo checks, storage, the transaction, and the first estimate).
 * 2. The estimate pipeline without the model step (planning, pricing, total-loss check) per claim,
 * in-process, on the damages of the dev reports. Results are printed; copy them into
 * docs/benchmarks.md.
 */
@EnabledIfSystemProperty(named = "claims.bench", matches = "true")
class ClaimsBenchmark {

  static long[] percentiles(List<Long> nanos) {
    long[] s = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    return new long[] {s[(int) Math.floor(0.50 * (s.length - 1))], s[(int) Math.floor(0.99 * (s.length - 1))], s[s.length - 1]};
  }

  static io.micronaut.http.client.HttpClientConfiguration clientConfig() {
    var config = new io.micronaut.http.client.DefaultHttpClientConfiguration();
    config.setReadTimeout(java.time.Duration.ofSeconds(120));
    config.setMaxContentLength(300 * 1024 * 1024);
    return config;
  }

  @Test
  void intakeOfTenThreeMegabytePhotos() throws Exception {
    Map<String, Object> props = Map.of(
        "datasources.default.url", "jdbc:h2:mem:claims-bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "claims.photo-dir", "target/bench-photos-" + System.nanoTime());
    List<byte[]> base = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      byte[] jpeg = TestImages.jpeg(TestImages.noisy(TestImages.picture(100 + i, 2400, 1800), 100 + i, 40), 0.92f);
      base.add(jpeg);
    }
    System.out.printf("photo sizes: %s bytes%n", base.stream().map(b -> b.length).toList());
    try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props, "test");
        HttpClient http = HttpClient.create(server.getURL(), clientConfig())) {
      int warmup = 5;
      int measured = 30;
      List<Long> times = new ArrayList<>();
      for (int c = 0; c < warmup + measured; c++) {
        MultipartBody.Builder b = MultipartBody.builder().addPart("report", "report.json", MediaType.APPLICATION_JSON_TYPE, ("""
            {"memberId":"M-%d","vehicle":{"year":2020,"make":"Toyota","model":"Camry"},"lossDate":"2025-06-10","lossLocation":"Shanghai",
             "description":"Rear bumper cracked, trunk lid dented, left tail light smashed."}""".formatted(c)).getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 10; i++) {
          // unique bytes per claim (EXIF capture second), so every photo is really stored
          byte[] photo = TestImages.withExif(base.get(i), new Exif(LocalDateTime.of(2025, 6, 10, 12, 0).plusSeconds(c * 10L + i), null, null, "Apple", null));
          b.addPart("photos", "p" + i + ".jpg", MediaType.IMAGE_JPEG_TYPE, photo);
        }
        MultipartBody body = b.build();
        long t0 = System.nanoTime();
        var response = http.toBlocking().exchange(HttpRequest.POST("/v1/claims", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth("test-key"), String.class);
        long t = System.nanoTime() - t0;
        System.out.printf("claim %d: %.1f ms, Server-Timing %s%n", c, t / 1e6, response.header("Server-Timing"));
        if (c >= warmup) {
          times.add(t);
        }
      }
      long[] p = percentiles(times);
      System.out.printf("BENCH intake 10x3MB photos (HTTP, incl. first estimate): n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms%n",
          times.size(), p[0] / 1e6, p[1] / 1e6, p[2] / 1e6);
    }
  }

  @Test
  void estimatePipelineWithoutTheModelStep() throws Exception {
    try (ApplicationContext ctx = ApplicationContext.run(Map.of("datasources.default.url", "jdbc:h2:mem:claims-bench2;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1"), "test")) {
      TextDamageReader reader = ctx.getBean(TextDamageReader.class);
      RepairPlanner planner = ctx.getBean(RepairPlanner.class);
      Pricer pricer = ctx.getBean(Pricer.class);
      TotalLossCheck totalLoss = ctx.getBean(TotalLossCheck.class);
      List<String> descriptions = new ArrayList<>();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(getClass().getResourceAsStream("/claims/reports-dev.jsonl"), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          int i = line.indexOf("\"description\": \"");
          descriptions.add(line.substring(i + 16, line.indexOf('"', i + 16)));
        }
      }
      Vehicle v = new Vehicle(null, 2020, "Toyota", "Camry", null, null, null, VehicleClass.CAR.name(), "report", List.of());
      List<Damages> damages = descriptions.stream().map(d -> reader.read(new DamageInput(d, null, null, null))).toList();
      List<Long> pipeline = new ArrayList<>();
      List<Long> textReader = new ArrayList<>();
      for (int round = 0; round < 2000; round++) {
        for (int k = 0; k < damages.size(); k++) {
          long t0 = System.nanoTime();
          Plan plan = planner.plan(new PlanInput(v, LocalDate.of(2025, 6, 10), damages.get(k).damages()));
          Priced priced = pricer.price(new PriceInput(v, plan.lines(), null));
          totalLoss.check(v, LocalDate.of(2025, 6, 10), "Austin, TX", priced.totals().grossTotal(), null);
          long t1 = System.nanoTime();
          reader.read(new DamageInput(descriptions.get(k), null, null, null));
          long t2 = System.nanoTime();
          if (round >= 200) {
            pipeline.add(t1 - t0);
            textReader.add(t2 - t1);
          }
        }
      }
      long[] p = percentiles(pipeline);
      long[] q = percentiles(textReader);
      System.out.printf("BENCH estimate pipeline without model step (plan+price+total-loss): n=%d p50=%.1f us p99=%.1f us max=%.1f us%n",
          pipeline.size(), p[0] / 1e3, p[1] / 1e3, p[2] / 1e3);
      System.out.printf("BENCH offline damage reader (local claims.damage): n=%d p50=%.1f us p99=%.1f us max=%.1f us%n",
          textReader.size(), q[0] / 1e3, q[1] / 1e3, q[2] / 1e3);
      System.out.println(Arrays.toString(new int[] {descriptions.size()}));
    }
  }
}
