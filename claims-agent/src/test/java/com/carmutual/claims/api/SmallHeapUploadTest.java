package com.carmutual.claims.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.claims.testing.TestImages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's report, reproduced: claims-agent in its own JVM with a heap smaller than the photos
 * ({@value #HEAP}, run.sh's other options) takes one claim with 20 camera photos of about 6 MB
 * each (120 MB, streamed to disk as they arrive), then answers 16 photo requests at once, and is
 * still healthy. Before streaming, the photos were held in the heap and intake ran out of memory.
 */
class SmallHeapUploadTest {
  private static final String HEAP = "-Xmx96m";
  private static final int PHOTOS = 20;

  @TempDir Path dir;
  private Process service;

  @AfterEach
  void stop() throws Exception {
    if (service != null) {
      service.destroy();
      if (!service.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        service.destroyForcibly();
      }
    }
  }

  @Test
  void twentySixMegabytePhotosInOneClaimAndSixteenPhotoRequestsAtOnceFitInASmallHeap() throws Exception {
    byte[] photo = TestImages.cameraPhoto();
    assertTrue(photo.length > 5_000_000, "a camera-sized photo: " + photo.length + " bytes");
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path log = dir.resolve("claims-agent.log");
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-Xms64m", HEAP, "-XX:MaxMetaspaceSize=128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Xss512k", "-XX:ReservedCodeCacheSize=48m", "-XX:+ExitOnOutOfMemoryError",
        "-Dmicronaut.server.port=" + port,
        "-Ddatasources.default.url=jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "-Dclaims.photo-dir=" + dir.resolve("photos"),
        "-Dclaims.vin-matching.url=http://127.0.0.1:9", "-Dclaims.vin-matching.timeout=500ms",
        "-cp", System.getProperty("java.class.path"), "com.carmutual.claims.Application"));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("SUITE_API_KEYS", "tester:test-key");
    service = pb.start();
    String base = "http://127.0.0.1:" + port;
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    awaitHealthy(http, base, log);

    String boundary = "----claims" + System.nanoTime();
    List<String> hashes = new ArrayList<>();
    List<InputStream> parts = new ArrayList<>();
    parts.add(text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"report\"; filename=\"report.json\"\r\nContent-Type: application/json\r\n\r\n"
        + "{\"memberId\":\"M-HEAP\",\"vehicle\":{\"year\":2021,\"make\":\"Toyota\",\"model\":\"Camry\"},\"lossDate\":\"2025-06-10\","
        + "\"lossLocation\":\"Shanghai\",\"description\":\"Rear bumper dented, tail lamp broken.\"}\r\n"));
    for (int i = 0; i < PHOTOS; i++) {
      byte[] comment = TestImages.commentSegment("photo " + i + " of the small-heap test");
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(photo, 0, 2);
      sha.update(comment);
      sha.update(photo, 2, photo.length - 2);
      hashes.add(HexFormat.of().formatHex(sha.digest()));
      parts.add(text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"p" + i + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"));
      parts.add(new ByteArrayInputStream(photo, 0, 2));
      parts.add(new ByteArrayInputStream(comment));
      parts.add(new ByteArrayInputStream(photo, 2, photo.length - 2));
      parts.add(text("\r\n"));
    }
    parts.add(text("--" + boundary + "--\r\n"));
    HttpRequest upload = HttpRequest.newBuilder(URI.create(base + "/v1/claims"))
        .timeout(Duration.ofMinutes(4))
        .header("Authorization", "Bearer test-key")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(parts))))
        .build();
    HttpResponse<String> created = http.send(upload, HttpResponse.BodyHandlers.ofString());
    assertEquals(201, created.statusCode(), created.body() + "\n" + tail(log));
    Matcher id = Pattern.compile("\"claimId\"\\s*:\\s*\"([^\"]+)\"").matcher(created.body());
    assertTrue(id.find(), created.body());
    String claim = get(http, base + "/v1/claims/" + id.group(1)).body();
    for (String h : hashes) {
      assertTrue(claim.contains(h), "photo with SHA-256 " + h + " stored");
    }

    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Callable<String>> requests = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String path = base + "/v1/claims/" + id.group(1) + "/photos/" + i;
        requests.add(() -> {
          HttpResponse<InputStream> r = http.send(authorized(path), HttpResponse.BodyHandlers.ofInputStream());
          try (InputStream in = r.body()) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
              sha.update(buffer, 0, n);
            }
            return r.statusCode() + " " + HexFormat.of().formatHex(sha.digest());
          }
        });
      }
      List<Future<String>> answers = pool.invokeAll(requests);
      for (int i = 0; i < 16; i++) {
        assertEquals("200 " + hashes.get(i), answers.get(i).get(), "photo " + i + " answered whole");
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(200, get(http, base + "/health").statusCode(), "healthy afterwards");
    assertTrue(service.isAlive());
    assertFalse(Files.readString(log).contains("OutOfMemoryError"), tail(log));
  }

  private static InputStream text(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  private static HttpRequest authorized(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer test-key").GET().build();
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
    return http.send(authorized(url), HttpResponse.BodyHandlers.ofString());
  }

  private void awaitHealthy(HttpClient http, String base, Path log) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      if (!service.isAlive()) {
        throw new AssertionError("claims-agent exited: " + tail(log));
      }
      try {
        if (get(http, base + "/health").statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("claims-agent did not become healthy: " + tail(log));
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}
