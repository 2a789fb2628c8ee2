/*
 * The load of deploy/local/hardening-load.sh (JDK only, run as a single source file):
 *   java deploy/local/HardeningLoad.java <claims-base> <text2data-base> <api-key> <health-base>...
 * Against a suite started by deploy/local/run.sh, on loopback only, with a bounded load:
 *   1. one claim with HARDENING_PHOTOS (20) camera-sized photos (a noisy 4000x3000 JPEG at
 *      quality 0.95, about 6 MB, made here; each copy differs by a JPEG comment), streamed;
 *   2. HARDENING_PHOTO_GETS (16) requests for that claim's photos at once, each checked by SHA-256;
 *   3. HARDENING_ASKS (200) questions to text2data's POST /v1/ask at once; an answer other than
 *      2xx counts as a failure unless it is 503 with Retry-After (the bounded queue said "later");
 *   4. /health of every service given.
 * Prints each phase's status codes and times; exits non-zero when the claim was not accepted, a
 * photo request or an ask failed, or a service is unhealthy afterwards.
 */
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

public class HardeningLoad {
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
  static final List<String> QUESTIONS = List.of(
      "Top 5 cities by number of claims in the last 90 days",
      "Show the monthly claim count for 2024.",
      "Compare total claimed amount in Q1 2025 vs Q1 2024.",
      "How many claims were opened last month?",
      "Average claim amount by vehicle make in 2024");

  /** What one request ended in: its status (or -1 when no answer came) and its time. */
  record Outcome(int status, boolean retryAfter, long millis, String note) {}

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: java deploy/local/HardeningLoad.java <claims-base> <text2data-base> <api-key> <health-base>...");
      System.exit(2);
    }
    String claims = loopback(args[0]);
    String text2data = loopback(args[1]);
    String key = args[2];
    List<String> health = Arrays.stream(args).skip(3).map(HardeningLoad::loopback).toList();
    int photos = setting("HARDENING_PHOTOS", 20, 1, 20);
    int photoGets = setting("HARDENING_PHOTO_GETS", 16, 1, 64);
    int asks = setting("HARDENING_ASKS", 200, 1, 400);
    boolean ok = true;

    long t0 = System.nanoTime();
    byte[] photo = cameraPhoto();
    System.out.printf(Locale.ROOT, "photo: %dx%d JPEG of %.1f MB made in %d ms%n", 4000, 3000, photo.length / 1e6, ms(t0));

    // 1. one claim, every photo streamed
    String boundary = "----hardening" + System.nanoTime();
    List<String> hashes = new ArrayList<>();
    List<InputStream> parts = new ArrayList<>();
    parts.add(text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"report\"; filename=\"report.json\"\r\n"
        + "Content-Type: application/json\r\n\r\n{\"memberId\":\"M-LOAD\",\"vehicle\":{\"year\":2021,\"make\":\"Toyota\",\"model\":\"Camry\"},"
        + "\"lossDate\":\"2025-06-10\",\"lossLocation\":\"Shanghai\",\"description\":\"Rear bumper dented, tail lamp broken.\"}\r\n"));
    for (int i = 0; i < photos; i++) {
      byte[] comment = comment("hardening-load " + boundary + " photo " + i);
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(photo, 0, 2);
      sha.update(comment);
      sha.update(photo, 2, photo.length - 2);
      hashes.add(HexFormat.of().formatHex(sha.digest()));
      parts.add(text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"photo-" + i + ".jpg\"\r\n"
          + "Content-Type: image/jpeg\r\n\r\n"));
      parts.add(new ByteArrayInputStream(photo, 0, 2));
      parts.add(new ByteArrayInputStream(comment));
      parts.add(new ByteArrayInputStream(photo, 2, photo.length - 2));
      parts.add(text("\r\n"));
    }
    parts.add(text("--" + boundary + "--\r\n"));
    long bytes = (long) photos * (photo.length + 40);
    long t1 = System.nanoTime();
    HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(claims + "/v1/claims"))
            .timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + key)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(parts)))).build(),
        HttpResponse.BodyHandlers.ofString());
    Matcher id = Pattern.compile("\"claimId\"\\s*:\\s*\"([^\"]+)\"").matcher(created.body());
    boolean accepted = created.statusCode() == 201 && id.find();
    System.out.printf(Locale.ROOT, "claim with %d photos (%.0f MB): HTTP %d in %d ms (%s)%n", photos, bytes / 1e6, created.statusCode(), ms(t1),
        created.headers().firstValue("Server-Timing").orElse(accepted ? "" : abbreviate(created.body())));
    ok &= accepted;

    // 2. the claim's photos, all at once
    if (accepted) {
      String claimId = id.group(1);
      List<Callable<Outcome>> gets = new ArrayList<>();
      for (int i = 0; i < photoGets; i++) {
        int index = i % photos;
        gets.add(() -> photoGet(claims + "/v1/claims/" + claimId + "/photos/" + index, key, hashes.get(index)));
      }
      ok &= report("photo requests at once: " + photoGets, run(gets, photoGets), false);
    }

    // 3. text2data asks, all at once
    List<Callable<Outcome>> calls = new ArrayList<>();
    for (int i = 0; i < asks; i++) {
      String q = QUESTIONS.get(i % QUESTIONS.size());
      calls.add(() -> ask(text2data, key, q));
    }
    ok &= report("text2data asks at once: " + asks, run(calls, asks), true);

    // 4. every service still healthy
    for (String base : health) {
      Outcome h = timed(() -> HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health")).timeout(Duration.ofSeconds(10)).GET().build(),
          HttpResponse.BodyHandlers.ofString()));
      System.out.printf(Locale.ROOT, "health %s: %s%n", base, h.status() == 200 ? "UP" : "HTTP " + h.status() + " " + h.note());
      ok &= h.status() == 200;
    }
    System.out.println(ok ? "hardening load: all passed" : "hardening load: FAILED");
    System.exit(ok ? 0 : 1);
  }

  static String loopback(String base) {
    URI uri = URI.create(base);
    if (!"127.0.0.1".equals(uri.getHost()) && !"localhost".equals(uri.getHost())) {
      throw new IllegalArgumentException("loopback only: " + base);
    }
    return base.replaceAll("/+$", "");
  }

  static int setting(String name, int fallback, int min, int max) {
    String v = System.getenv(name);
    int n = v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    if (n < min || n > max) {
      throw new IllegalArgumentException(name + " must be " + min + ".." + max + ", not " + n);
    }
    return n;
  }

  static Outcome photoGet(String url, String key, String expected) throws Exception {
    long t = System.nanoTime();
    try {
      HttpResponse<InputStream> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
          .header("Authorization", "Bearer " + key).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (InputStream in = r.body()) {
        byte[] buffer = new byte[65536];
        for (int n; (n = in.read(buffer)) > 0; ) {
          sha.update(buffer, 0, n);
        }
      }
      boolean same = HexFormat.of().formatHex(sha.digest()).equals(expected);
      int status = r.statusCode() == 200 && !same ? -2 : r.statusCode();
      return new Outcome(status, r.headers().firstValue("Retry-After").isPresent(), ms(t), same ? "" : "bytes differ from the upload");
    } catch (IOException e) {
      return new Outcome(-1, false, ms(t), e.toString());
    }
  }

  static Outcome ask(String base, String key, String question) {
    String body = "{\"question\":\"" + question + "\",\"asOf\":\"2025-06-18\"}";
    return timed(() -> HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v1/ask")).timeout(Duration.ofMinutes(2))
        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
  }

  interface Call {
    HttpResponse<String> send() throws Exception;
  }

  static Outcome timed(Call call) {
    long t = System.nanoTime();
    try {
      HttpResponse<String> r = call.send();
      return new Outcome(r.statusCode(), r.headers().firstValue("Retry-After").isPresent(), ms(t), r.statusCode() >= 300 ? abbreviate(r.body()) : "");
    } catch (Exception e) {
      return new Outcome(-1, false, ms(t), e.toString());
    }
  }

  static List<Outcome> run(List<Callable<Outcome>> calls, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Outcome> out = new ArrayList<>();
      for (Future<Outcome> f : pool.invokeAll(calls)) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Prints status counts and latency; true when every answer was 2xx (or, where allowed, 503 with Retry-After). */
  static boolean report(String what, List<Outcome> outcomes, boolean busyAllowed) {
    Map<String, Integer> counts = new TreeMap<>();
    long[] times = outcomes.stream().mapToLong(Outcome::millis).sorted().toArray();
    boolean ok = true;
    String firstProblem = null;
    for (Outcome o : outcomes) {
      String label = o.status() == -1 ? "no answer" : o.status() == -2 ? "wrong bytes" : o.status() == 503 && o.retryAfter() ? "503+Retry-After" : "HTTP " + o.status();
      counts.merge(label, 1, Integer::sum);
      boolean good = (o.status() >= 200 && o.status() < 300) || (busyAllowed && o.status() == 503 && o.retryAfter());
      if (!good && firstProblem == null) {
        firstProblem = label + " " + o.note();
      }
      ok &= good;
    }
    System.out.printf(Locale.ROOT, "%s: %s; time p50 %d ms, p95 %d ms, max %d ms%s%n", what, counts, times[times.length / 2],
        times[(int) Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)], times[times.length - 1],
        firstProblem == null ? "" : " (first failure: " + firstProblem + ")");
    return ok;
  }

  /** A phone-camera-like photo: 4000x3000 gradient with per-pixel noise, JPEG quality 0.95 (about 6 MB). */
  static byte[] cameraPhoto() throws IOException {
    int w = 4000;
    int h = 3000;
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
    byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    long state = 0x9E3779B97F4A7C15L;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        state ^= state << 13;
        state ^= state >>> 7;
        state ^= state << 17;
        int i = (y * w + x) * 3;
        px[i] = (byte) clamp(x * 255 / w + (int) (state & 31) - 16);
        px[i + 1] = (byte) clamp(y * 255 / h + (int) ((state >>> 8) & 31) - 16);
        px[i + 2] = (byte) clamp(128 + (int) ((state >>> 16) & 31) - 16);
      }
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(0.95f);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(ios);
      writer.write(null, new IIOImage(img, null, null), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }

  /** A JPEG comment segment (FF FE), inserted after SOI so each copy has its own bytes. */
  static byte[] comment(String text) {
    byte[] t = text.getBytes(StandardCharsets.US_ASCII);
    return ByteBuffer.allocate(4 + t.length).put((byte) 0xFF).put((byte) 0xFE).putShort((short) (2 + t.length)).put(t).array();
  }

  static InputStream text(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  static long ms(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  static String abbreviate(String s) {
    String one = s == null ? "" : s.replaceAll("\\s+", " ");
    return one.length() > 200 ? one.substring(0, 200) + "..." : one;
  }
}
