/*
 * The load of deploy/local/scale-test.sh (JDK only, run as a single source file):
 *   java deploy/local/ScaleLoad.java <settings file>
 * A bounded load in three phases over two instances of each service on loopback: phase 1 with
 * everything up, then the kill command, phase 2 with one instance down, then the restart
 * command (which waits until the instance is healthy), phase 3. Clients behave as a load
 * balancer with retries would: a request that gets no answer or a 5xx goes to the other
 * instance, with the same Idempotency-Key or the same Twilio webhook. Some requests are sent
 * twice on purpose (a client retry after a lost answer, a Twilio re-delivery) to prove that
 * nothing is done twice. Prints what was sent, answered, failed, lost and duplicated, and exits
 * non-zero when anything was lost or done twice.
 */
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class ScaleLoad {
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).version(HttpClient.Version.HTTP_1_1).build();
  static final Pattern ID = Pattern.compile("\"(?:id|claimId)\"\\s*:\\s*\"([^\"]+)\"");
  static final Pattern GATHER_ACTION = Pattern.compile("<Gather[^>]*\\baction=\"([^\"]+)\"");
  /** A caller's entry in a call record's transcript: {"speaker":"caller","text":"..."}. */
  static final Pattern CALLER_TURN =
      Pattern.compile("\"speaker\"\\s*:\\s*\"caller\"\\s*,\\s*\"text\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** Counters for one kind of request. */
  static final class Tally {
    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger answered = new AtomicInteger();
    final AtomicInteger rejected = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger retried = new AtomicInteger();
    final AtomicInteger duplicated = new AtomicInteger();
    final AtomicInteger lost = new AtomicInteger();
    final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    void problem(String p) {
      if (problems.size() < 8) {
        problems.add(p);
      }
    }
  }

  record Answer(int status, String body) {}

  static Properties settings;
  static String apiKey;
  static final Map<String, Tally> TALLIES = new LinkedHashMap<>();

  public static void main(String[] args) throws Exception {
    settings = new Properties();
    try (var in = Files.newBufferedReader(Path.of(args[0]))) {
      settings.load(in);
    }
    apiKey = settings.getProperty("apiKey");
    List<String> vin = List.of(settings.getProperty("vin").split(","));
    List<String> claims = List.of(settings.getProperty("claims").split(","));
    List<String> phone = List.of(settings.getProperty("phone").split(","));
    List<String> text2data = List.of(settings.getProperty("text2data").split(","));
    int askCount = Integer.parseInt(settings.getProperty("asks", "30"));
    Path data = Path.of(settings.getProperty("data"));
    int vinRequests = Integer.parseInt(settings.getProperty("vinRequests", "300"));
    int claimCount = Integer.parseInt(settings.getProperty("claims.count", "90"));
    String run = settings.getProperty("run");

    List<String> vins = new ArrayList<>();
    List<String> vinLines = Files.readAllLines(data.resolve("vin/catalog-gold-dev.csv"));
    for (String line : vinLines.subList(1, Math.min(200, vinLines.size()))) {
      vins.add(line.split(",", 2)[0]);
    }
    List<String> reports = Files.readAllLines(data.resolve("claims/reports-dev.jsonl"));
    List<String> calls = Files.readAllLines(data.resolve("phone/conversations-dev.jsonl"));
    List<String> questions = Files.readAllLines(data.resolve("text2data/questions-dev.jsonl"));

    for (String k : List.of("vin", "text2data asks", "claims", "claims (second delivery)", "phone turns", "phone turns (Twilio re-delivery)", "call records",
        "claims filed by phone-agent")) {
      TALLIES.put(k, new Tally());
    }
    Map<String, Set<String>> claimIdsByKey = new ConcurrentHashMap<>();
    Map<String, String> callScripts = new ConcurrentHashMap<>();
    Map<String, List<String>> callTurns = new ConcurrentHashMap<>();

    ExecutorService pool = Executors.newFixedThreadPool(Integer.parseInt(settings.getProperty("threads", "8")));
    long start = System.nanoTime();
    for (int phase = 0; phase < 3; phase++) {
      List<Future<?>> work = new ArrayList<>();
      for (int i = phase; i < vinRequests; i += 3) {
        int n = i;
        work.add(pool.submit(() -> vinRequest(vin, vins.get(n % vins.size()), n)));
      }
      for (int i = phase; i < askCount; i += 3) {
        int n = i;
        work.add(pool.submit(() -> ask(text2data, questions.get(n % questions.size()), n)));
      }
      for (int i = phase; i < claimCount; i += 3) {
        int n = i;
        work.add(pool.submit(() -> fileClaim(claims, run, n, reports.get(n % reports.size()), claimIdsByKey)));
      }
      for (int i = phase; i < calls.size(); i += 3) {
        int n = i;
        work.add(pool.submit(() -> phoneCall(phone, run, n, calls.get(n), callScripts, callTurns)));
      }
      Thread killer = null;
      if (phase == 1) {
        // The kill lands while phase 2's requests are in flight, not between phases.
        long delay = Long.parseLong(settings.getProperty("killDelayMs", "400"));
        killer = new Thread(() -> {
          sleep(delay);
          command("[phase 2, " + delay + " ms in]", settings.getProperty("killCommand"));
        });
        killer.start();
      }
      for (Future<?> f : work) {
        f.get(10, TimeUnit.MINUTES);
      }
      if (killer != null) {
        killer.join();
        command("[phase 2 done]", settings.getProperty("restartCommand"));
      }
      System.out.printf("[phase %d done after %.1f s]%n", phase + 1, (System.nanoTime() - start) / 1e9);
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;

    // Claims: one id per key, readable from both instances.
    Tally c = TALLIES.get("claims");
    for (var e : claimIdsByKey.entrySet()) {
      if (e.getValue().size() > 1) {
        c.duplicated.incrementAndGet();
        c.problem("key " + e.getKey() + " filed as " + e.getValue());
      }
      for (String id : e.getValue()) {
        for (String base : claims) {
          Answer a = send(HttpRequest.newBuilder(URI.create(base + "/v1/claims/" + id)).header("Authorization", "Bearer " + apiKey).GET());
          if (a == null || a.status() != 200) {
            c.lost.incrementAndGet();
            c.problem("claim " + id + " not readable at " + base + ": " + (a == null ? "no answer" : a.status()));
          }
        }
      }
    }
    c.lost.addAndGet(claimCount - claimIdsByKey.size());

    // Call records: complete, and each caller turn recorded exactly once.
    Tally r = TALLIES.get("call records");
    int fnolCompleted = 0;
    List<String> fnolSids = new ArrayList<>();
    for (var e : callTurns.entrySet()) {
      r.sent.incrementAndGet();
      Answer a = send(HttpRequest.newBuilder(URI.create(phone.get(0) + "/v1/calls/" + e.getKey())).header("Authorization", "Bearer " + apiKey).GET());
      if (a == null || a.status() != 200) {
        r.lost.incrementAndGet();
        r.problem(e.getKey() + ": " + (a == null ? "no answer" : a.status() + " " + trim(a.body())));
        continue;
      }
      r.answered.incrementAndGet();
      String body = a.body();
      if ("fnol".equals(callScripts.get(e.getKey())) && body.contains("\"outcome\":\"completed\"")) {
        fnolCompleted++;
        fnolSids.add(e.getKey());
      }
      boolean complete = body.contains("\"fields\"") && body.contains("\"transcript\"") && body.contains("\"status\":\"completed\"");
      Map<String, Integer> expected = new HashMap<>();
      e.getValue().forEach(t -> expected.merge(t, 1, Integer::sum));
      Map<String, Integer> recorded = new HashMap<>();
      Matcher turn = CALLER_TURN.matcher(body);
      while (turn.find()) {
        recorded.merge(turn.group(1).replace("\\\"", "\"").replace("\\\\", "\\"), 1, Integer::sum);
      }
      for (var t : expected.entrySet()) {
        int seen = recorded.getOrDefault(t.getKey(), 0);
        if (seen > t.getValue()) {
          r.duplicated.incrementAndGet();
          r.problem(e.getKey() + ": turn '" + t.getKey() + "' recorded " + seen + " times, said " + t.getValue());
        } else if (seen < t.getValue()) {
          complete = false;
          r.problem(e.getKey() + ": turn '" + t.getKey() + "' recorded " + seen + " times, said " + t.getValue());
        }
      }
      if (!complete) {
        r.failed.incrementAndGet();
      }
    }

    // Every completed fnol call files exactly one claim, through phone-agent's outbox (retried
    // with backoff until claims-agent accepts it): wait until no filing is pending or sending
    // (outboxWaitSeconds, default 300: a row that met the killed instance waits 30 s, then 1 min),
    // then count all claims.
    Tally f = TALLIES.get("claims filed by phone-agent");
    f.sent.set(fnolCompleted);
    int total = -1;
    long deadline = System.nanoTime() + Long.parseLong(settings.getProperty("outboxWaitSeconds", "300")) * 1_000_000_000L;
    // A filing ends "filed" or "rejected" (claims-agent refused it for good, e.g. a call that gave no
    // VIN, vehicle or plate: by the filing contract not retried, reported as a 4xx, not as lost).
    Map<String, String> filings = new TreeMap<>();
    Map<String, String> errors = new TreeMap<>();
    while (true) {
      Answer list = send(HttpRequest.newBuilder(URI.create(claims.get(0) + "/v1/claims?limit=500")).header("Authorization", "Bearer " + apiKey).GET());
      total = list == null || list.status() != 200 ? -1 : count(list.body(), "\"id\":");
      for (String sid : fnolSids) {
        Answer call = send(HttpRequest.newBuilder(URI.create(phone.get(0) + "/v1/calls/" + sid)).header("Authorization", "Bearer " + apiKey).GET());
        int at = call == null ? -1 : call.body().indexOf("\"claimFiling\"");
        filings.put(sid, at < 0 ? "unknown" : field(call.body().substring(at), "status"));
        errors.put(sid, at < 0 ? "" : field(call.body().substring(at), "lastError"));
      }
      long filedSoFar = filings.values().stream().filter("filed"::equals).count();
      boolean settled = filings.values().stream().noneMatch(v -> v.equals("pending") || v.equals("sending"));
      if ((settled && total >= claimIdsByKey.size() + filedSoFar) || System.nanoTime() > deadline) {
        break;
      }
      sleep(1000);
    }
    int filed = (int) filings.values().stream().filter("filed"::equals).count();
    int rejected = (int) filings.values().stream().filter("rejected"::equals).count();
    filings.forEach((sid, status) -> {
      if (!status.equals("filed")) {
        f.problem(sid + ": claim filing " + status + (errors.get(sid).isEmpty() ? "" : ": " + trim(errors.get(sid))));
      }
    });
    int byPhone = Math.max(0, total - claimIdsByKey.size());
    f.answered.set(Math.min(byPhone, filed));
    f.rejected.set(rejected);
    f.lost.set(Math.max(0, filed - byPhone) + (fnolCompleted - filed - rejected));
    f.duplicated.set(Math.max(0, byPhone - filed));
    System.out.printf("claims in claims-agent: %d (expected %d = %d filed directly + %d filed by phone-agent; %d of its %d refused by claims-agent)%n",
        total, claimIdsByKey.size() + filed, claimIdsByKey.size(), filed, rejected, fnolCompleted);

    System.out.printf("%nScale test %s: %.1f s%n", run, seconds);
    System.out.println("| requests | sent | answered 2xx | answered 4xx | failed | retried on the other instance | lost | duplicated | statuses |");
    System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
    int bad = 0;
    for (var e : TALLIES.entrySet()) {
      Tally t = e.getValue();
      System.out.printf("| %s | %d | %d | %d | %d | %d | %d | %d | %s |%n", e.getKey(), t.sent.get(), t.answered.get(), t.rejected.get(),
          t.failed.get(), t.retried.get(), t.lost.get(), t.duplicated.get(), new TreeMap<>(t.statuses));
      bad += t.lost.get() + t.duplicated.get() + t.failed.get();
    }
    for (var e : TALLIES.entrySet()) {
      for (String p : e.getValue().problems) {
        System.out.println("  " + e.getKey() + ": " + p);
      }
    }
    System.out.println(bad == 0 ? "RESULT: nothing lost, nothing done twice" : "RESULT: " + bad + " requests lost, failed or done twice");
    System.exit(bad == 0 ? 0 : 1);
  }

  static void vinRequest(List<String> bases, String vin, int n) {
    Tally t = TALLIES.get("vin");
    HttpRequest.Builder req = n % 2 == 0
        ? HttpRequest.newBuilder().GET()
        : HttpRequest.newBuilder().header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"vin\":\"" + vin + "\"}"));
    String path = n % 2 == 0 ? "/v1/vins/" + vin : "/v1/vins/match";
    withFailover(t, bases, n, path, req);
  }

  static void ask(List<String> bases, String question, int n) {
    String body = "{\"question\":\"" + jsonEscape(field(question, "question")) + "\",\"asOf\":\"" + field(question, "as_of") + "\"}";
    withFailover(TALLIES.get("text2data asks"), bases, n, "/v1/ask",
        HttpRequest.newBuilder().header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  static void fileClaim(List<String> bases, String run, int n, String report, Map<String, Set<String>> ids) {
    String key = run + "-claim-" + n;
    String body = claimBody(report, n);
    Tally t = TALLIES.get("claims");
    Answer a = withFailover(t, bases, n, "/v1/claims", HttpRequest.newBuilder()
        .header("Content-Type", "application/json").header("Idempotency-Key", key)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
    record(ids, key, a, t);
    if (n % 3 == 0) {
      // The client lost the first answer and sends the same claim again, to the other instance.
      Tally again = TALLIES.get("claims (second delivery)");
      Answer b = withFailover(again, bases, n + 1, "/v1/claims", HttpRequest.newBuilder()
          .header("Content-Type", "application/json").header("Idempotency-Key", key)
          .POST(HttpRequest.BodyPublishers.ofString(body)));
      record(ids, key, b, again);
    }
  }

  static void record(Map<String, Set<String>> ids, String key, Answer a, Tally t) {
    if (a != null && a.status() / 100 == 2) {
      Matcher m = ID.matcher(a.body());
      if (m.find()) {
        ids.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(m.group(1));
      } else {
        t.problem("no id in " + trim(a.body()));
      }
    }
  }

  /** A claim from a labelled report: its vehicle, loss date and description, with a fixed VIN and place. */
  static String claimBody(String report, int n) {
    String description = field(report, "description");
    String lossDate = field(report, "lossDate");
    return "{\"memberId\":\"M" + (100000 + n) + "\",\"vin\":\"1FTFW5L86RFB45612\",\"lossDate\":\"" + lossDate
        + "\",\"lossPlace\":\"Austin, TX\",\"description\":\"" + jsonEscape(description) + "\"}";
  }

  static void phoneCall(List<String> bases, String run, int n, String conversation, Map<String, String> scripts, Map<String, List<String>> turns) {
    String script = field(conversation, "script");
    List<String> said = stringArray(conversation, "callerTurns");
    String sid = "CA" + sha(run + "-" + n).substring(0, 32);
    scripts.put(sid, script);
    turns.put(sid, said);
    Tally t = TALLIES.get("phone turns");
    Tally again = TALLIES.get("phone turns (Twilio re-delivery)");
    Map<String, String> params = new TreeMap<>();
    params.put("CallSid", sid);
    params.put("AccountSid", "AC" + "0".repeat(32));
    params.put("From", "+1415555" + String.format("%04d", n));
    params.put("To", "+18005550100");
    params.put("CallStatus", "in-progress");
    params.put("Direction", "inbound");
    String path = "/voice/" + script;
    Answer a = webhook(t, bases, n, path, params);
    int turn = 0;
    while (a != null && a.status() == 200 && turn < said.size()) {
      Matcher m = GATHER_ACTION.matcher(a.body());
      if (!m.find()) {
        t.problem(sid + ": no <Gather> after " + turn + " of " + said.size() + " turns: " + trim(a.body()));
        break;
      }
      String action = relative(m.group(1).replace("&amp;", "&"));
      Map<String, String> p = new TreeMap<>(params);
      p.put("SpeechResult", said.get(turn));
      p.put("Confidence", "0.92");
      a = webhook(t, bases, n + turn, action, p);
      if (turn % 4 == 1) {
        // Twilio did not get the answer in time and sends the same turn again, to the other instance.
        Answer b = webhook(again, bases, n + turn + 1, action, p);
        if (a != null && b != null && b.status() == 200 && !sameDialogue(a.body(), b.body())) {
          again.duplicated.incrementAndGet();
          again.problem(sid + " turn " + turn + ": re-delivery answered differently");
        }
      }
      turn++;
    }
    if (turn < said.size()) {
      t.lost.incrementAndGet();
    }
    Map<String, String> status = new TreeMap<>(params);
    status.put("CallStatus", "completed");
    status.put("CallDuration", "95");
    String statusPath = settings.getProperty("phone.statusPath", "/voice/callbacks/status");
    webhook(t, bases, n, statusPath, status);
  }

  static void command(String when, String cmd) {
    if (cmd == null || cmd.isBlank()) {
      return;
    }
    System.out.println(when + " running: " + cmd);
    try {
      Process p = new ProcessBuilder("bash", "-c", cmd).inheritIO().start();
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        System.out.println("command failed: " + cmd);
      }
    } catch (IOException | InterruptedException e) {
      System.out.println("command failed: " + cmd + ": " + e);
    }
  }

  static boolean sameDialogue(String a, String b) {
    return a.replaceAll("\\s+", " ").equals(b.replaceAll("\\s+", " "));
  }

  static String relative(String url) {
    if (url.startsWith("http")) {
      URI u = URI.create(url);
      return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }
    return url;
  }

  static Answer webhook(Tally t, List<String> bases, int n, String path, Map<String, String> params) {
    String url = settings.getProperty("phone.publicBaseUrl") + path;
    StringBuilder signed = new StringBuilder(url);
    StringBuilder form = new StringBuilder();
    for (var e : params.entrySet()) {
      signed.append(e.getKey()).append(e.getValue());
      if (form.length() > 0) {
        form.append('&');
      }
      form.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    String signature = hmacSha1(settings.getProperty("twilioAuthToken"), signed.toString());
    return withFailover(t, bases, n, path, HttpRequest.newBuilder()
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Twilio-Signature", signature)
        .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
  }

  /**
   * Sends to instance n % 2; on no answer or a 5xx, tries the other instance, up to five
   * attempts with a short backoff, as a load balancer with retries would.
   */
  static Answer withFailover(Tally t, List<String> bases, int n, String path, HttpRequest.Builder req) {
    t.sent.incrementAndGet();
    String auth = "Bearer " + apiKey;
    for (int attempt = 0; attempt < 5; attempt++) {
      String base = bases.get((n + attempt) % bases.size());
      Answer a = send(req.copy().uri(URI.create(base + path)).header("Authorization", auth).timeout(Duration.ofSeconds(20)));
      if (a != null) {
        t.statuses.computeIfAbsent(a.status(), s -> new AtomicInteger()).incrementAndGet();
      }
      if (a != null && a.status() < 500) {
        if (a.status() / 100 == 2) {
          t.answered.incrementAndGet();
        } else {
          t.rejected.incrementAndGet();
          t.problem(path + " -> " + a.status() + " " + trim(a.body()));
        }
        return a;
      }
      t.retried.incrementAndGet();
      sleep(100L * (attempt + 1));
    }
    t.failed.incrementAndGet();
    t.problem(path + ": no instance answered");
    return null;
  }

  static Answer send(HttpRequest.Builder req) {
    try {
      HttpResponse<String> r = HTTP.send(req.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(r.statusCode(), r.body());
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
    return m.find() ? m.group(1).replace("\\\"", "\"").replace("\\\\", "\\") : "";
  }

  static List<String> stringArray(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\\[(.*?)\\]").matcher(json);
    List<String> out = new ArrayList<>();
    if (m.find()) {
      Matcher s = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(m.group(1));
      while (s.find()) {
        out.add(s.group(1).replace("\\\"", "\"").replace("\\\\", "\\"));
      }
    }
    return out;
  }

  static int count(String haystack, String needle) {
    int n = 0;
    for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }

  static String jsonEscape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  static String trim(String s) {
    String one = s == null ? "" : s.replaceAll("\\s+", " ");
    return one.length() > 160 ? one.substring(0, 160) + "..." : one;
  }

  static String hmacSha1(String key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha(String s) {
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder();
      for (byte b : d) {
        sb.append(String.format("%02x", b));
      }
      return sb.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
