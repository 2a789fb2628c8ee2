/*
 * Fills a running local suite with real content, so that every page has something to show
 * (JDK only, run as a single source file by deploy/local/demo.sh):
 *   java deploy/local/Demo.java            the whole demo against http://127.0.0.1:8081..8084
 *   java deploy/local/Demo.java calls ...  some steps only: vins claims calls questions experiments
 *   java deploy/local/Demo.java photos DIR only write the demo photos into DIR (used by the tests)
 *
 * Loopback only: it refuses any service URL whose host is not 127.0.0.1, ::1 or localhost.
 * Idempotent: claims carry fixed Idempotency-Keys and byte-identical photos (kept in
 * deploy/local/.run/demo-photos), calls fixed CallSids (a finished call is not replayed), questions
 * and experiments are skipped when the demo's client already made them. Running it twice leaves the
 * same claims, calls and experiments.
 *
 * Settings (environment): DEMO_API_KEY (a key of SUITE_API_KEYS; demo.sh reads run.sh's), TWILIO_AUTH_TOKEN,
 * PHONE_PUBLIC_BASE_URL (as phone-agent was started with), VIN_MATCHING_URL, CLAIMS_AGENT_URL,
 * TEXT2DATA_URL, PHONE_AGENT_URL, DEMO_PHOTO_DIR.
 */
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

public class Demo {
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).version(HttpClient.Version.HTTP_1_1).build();
  static final Pattern GATHER_ACTION = Pattern.compile("<Gather[^>]*\\baction=\"([^\"]+)\"");

  record Answer(int status, String body) {}

  // ---------------------------------------------------------------- content of the demo

  /** A photo: what it shows (seed of the drawing), its EXIF (null = none) and how it is altered. */
  record Photo(String file, long seed, Exif exif, String copyOf) {}

  /** EXIF tags the claims checks read; any may be null. Times are local "yyyy:MM:dd HH:mm:ss". */
  record Exif(String make, String model, String software, String captured, String modified, double[] gps) {}

  record DemoClaim(String key, String report, List<Photo> photos, String shows) {}

  static final double[] AUSTIN = {30.2690, -97.7405};
  static final double[] HOUSTON = {29.7590, -95.3650};
  static final double[] SHANGHAI = {31.2240, 121.4690};
  static final double[] GUANGZHOU = {23.1300, 113.2600};

  static final List<DemoClaim> CLAIMS = List.of(
      new DemoClaim("demo-claim-1",
          "{\"memberId\":\"M-204817\",\"vin\":\"1FTFW5L86RFB45612\",\"lossDate\":\"2025-06-10\",\"lossLocation\":\"Austin, TX\","
              + "\"description\":\"A pickup backed into me in a parking garage. The rear bumper is pushed in and the tailgate has a deep dent on the right side.\"}",
          List.of(
              new Photo("rear-bumper.jpg", 11, new Exif("Apple", "iPhone 14", "17.5.1", "2025:06:10 18:42:10", "2025:06:10 18:42:10", AUSTIN), null),
              new Photo("tailgate.jpg", 12, new Exif("Apple", "iPhone 14", "17.5.1", "2025:06:10 18:43:02", "2025:06:10 18:43:02", AUSTIN), null)),
          "clean photos: EXIF time and GPS agree with the loss"),
      new DemoClaim("demo-claim-2",
          "{\"memberId\":\"M-318250\",\"vehicle\":{\"year\":2020,\"make\":\"Toyota\",\"model\":\"Camry\"},\"lossDate\":\"2025-06-12\",\"lossLocation\":\"上海\","
              + "\"description\":\"在小区地库倒车时蹭到柱子，右后门凹陷，右后叶子板掉漆。\"}",
          List.of(
              new Photo("right-rear-door.jpg", 21, new Exif("HUAWEI", "P60", null, "2025:06:12 20:05:33", "2025:06:12 20:05:33", SHANGHAI), null),
              new Photo("quarter-panel.jpg", 22, new Exif("HUAWEI", "P60", "Adobe Photoshop 25.0", "2025:06:12 20:06:10", "2025:06:14 09:30:00", SHANGHAI), null)),
          "an edited photo (Software tag, ModifyDate after capture)"),
      new DemoClaim("demo-claim-3",
          "{\"memberId\":\"M-455109\",\"vehicle\":{\"year\":2019,\"make\":\"Honda\",\"model\":\"Accord\"},\"lossDate\":\"2025-06-14\",\"lossLocation\":\"Houston, TX\","
              + "\"description\":\"Hit a shopping cart corral while turning. The front bumper cover is scraped and the left headlamp is cracked.\"}",
          List.of(
              new Photo("front-bumper.jpg", 11, new Exif("Samsung", "Galaxy S23", null, "2025:06:14 11:20:00", "2025:06:14 11:20:00", HOUSTON), "rear-bumper.jpg"),
              new Photo("headlamp.jpg", 31, new Exif("Samsung", "Galaxy S23", null, "2025:05:19 16:02:45", "2025:05:19 16:02:45", HOUSTON), null)),
          "a near-duplicate of claim 1's photo, and a photo taken weeks before the loss"),
      new DemoClaim("demo-claim-4",
          "{\"memberId\":\"M-562740\",\"vehicle\":{\"year\":2021,\"make\":\"Volkswagen\",\"model\":\"Passat\"},\"lossDate\":\"2025-06-15\",\"lossLocation\":\"上海\","
              + "\"description\":\"路口被电动车从左侧剐蹭，左前门划伤，左后视镜外壳碎了。\"}",
          List.of(
              new Photo("left-door.jpg", 41, new Exif("Xiaomi", "14", null, "2025:06:15 08:12:40", "2025:06:15 08:12:40", GUANGZHOU), null),
              new Photo("mirror.jpg", 42, null, null)),
          "GPS far from the loss place, and a photo without EXIF (a messaging app stripped it)"),
      new DemoClaim("demo-claim-5",
          "{\"memberId\":\"M-690031\",\"vin\":\"1FTFW5L86RFB45612\",\"lossDate\":\"2025-06-16\",\"lossLocation\":\"Austin, TX\","
              + "\"description\":\"Hail storm on the highway: many small dents across the hood and the roof, and the windshield is chipped.\"}",
          List.of(
              new Photo("hood.jpg", 51, new Exif("Google", "Pixel 8", null, "2025:06:16 15:31:09", "2025:06:16 15:31:09", AUSTIN), null),
              new Photo("roof.jpg", 52, new Exif("Google", "Pixel 8", null, "2025:06:16 15:32:47", "2025:06:16 15:32:47", AUSTIN), null)),
          "hail damage over several panels"));

  record DemoCall(String sid, String script, String lang, List<String> said) {}

  /** Calls of each script in both languages, said in the demo's own words. */
  static final List<DemoCall> CALLS = List.of(
      new DemoCall("CAde300000000000000000000000000001", "fnol", "en", List.of(
          "my member number is M 4 0 7 2 1 9", "Priya Raman", "the day before yesterday", "around 7 pm",
          "the car park of the Riverside shopping centre", "a delivery van reversed into my front bumper and cracked the headlight",
          "no, nobody was hurt", "yes, I called the police", "yes, the van driver stopped", "yes, it still drives",
          "Kilo Lima Mike 4 8 2", "yes")),
      new DemoCall("CAde300000000000000000000000000002", "fnol", "zh", List.of(
          "会员号是M三八五五一零", "陈立伟", "前天", "下午三点左右", "浦东张江路和科苑路路口",
          "等红灯的时候被后面的车追尾了，后保险杠裂了", "人都没事", "报警了，交警来过", "有，是后面那辆车", "还能开", "车牌号是沪A52901", "对")),
      new DemoCall("CAde300000000000000000000000000003", "csat", "en", List.of(
          "four", "I'd give you a nine", "the adjuster called me back the same day, which I appreciated", "no thanks", "yes")),
      new DemoCall("CAde300000000000000000000000000004", "csat", "zh", List.of(
          "五分", "打十分", "定损员态度很好，修车也快", "不用了", "对")),
      new DemoCall("CAde300000000000000000000000000005", "screening", "en", List.of(
          "sure, go ahead", "yes I am", "yes, I have a valid licence", "three years", "the first of next month", "around sixty-five thousand per year", "yes")),
      new DemoCall("CAde300000000000000000000000000006", "screening", "zh", List.of(
          "可以，开始吧", "可以合法工作", "我有C1驾照", "大概五年", "下个月一号", "希望年薪十二万左右", "对")));

  /** Questions for text2data, English and Chinese, in the demo's own words; the demo data runs to 2025-06-17. */
  static final List<String> QUESTIONS = List.of(
      "How many claims were filed each month this year?",
      "Total claim amount by plan last quarter",
      "The 5 cities with the largest number of claims in May 2025",
      "What was the approval rate by claim type in 2024?",
      "How many new members joined per month in 2025?",
      "Average wait time of inbound calls by reason last month",
      "2025年每个月的理赔数量",
      "上个季度各套餐的理赔金额",
      "今年以来各省份的新增会员数",
      "最近30天各平台的活跃用户数",
      "2024年各理赔类型的通过率",
      "上个月每天的来电数量");

  static final List<String[]> EXPERIMENTS = List.of(
      new String[] {"vin-matching", "vin.match"},
      new String[] {"claims-agent", "claims.damage"},
      new String[] {"text2data", "text2data.parse"},
      new String[] {"phone-agent", "phone.extract"});

  // ---------------------------------------------------------------- the run

  static final Map<String, String> STEP_OF =
      Map.of("vin-matching", "vins", "claims-agent", "claims", "phone-agent", "calls", "text2data", "questions");

  static String key;
  static Map<String, String> base = new LinkedHashMap<>();

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("photos")) {
      Path dir = Path.of(args[1]);
      for (DemoClaim c : CLAIMS) {
        for (Photo p : c.photos()) {
          photo(dir, p);
        }
      }
      System.out.println("photos written to " + dir);
      return;
    }
    key = env("DEMO_API_KEY", null);
    String token = env("TWILIO_AUTH_TOKEN", null);
    if (key == null || token == null) {
      fail("DEMO_API_KEY and TWILIO_AUTH_TOKEN are needed (deploy/local/demo.sh reads the ones run.sh made)");
    }
    base.put("vin-matching", env("VIN_MATCHING_URL", "http://127.0.0.1:8081"));
    base.put("claims-agent", env("CLAIMS_AGENT_URL", "http://127.0.0.1:8082"));
    base.put("text2data", env("TEXT2DATA_URL", "http://127.0.0.1:8083"));
    base.put("phone-agent", env("PHONE_AGENT_URL", "http://127.0.0.1:8084"));
    List<String> steps = args.length == 0 ? List.of("vins", "claims", "calls", "questions", "experiments") : List.of(args);
    for (var e : base.entrySet()) {
      requireLoopback(e.getKey(), e.getValue());
      if (args.length > 0 && !steps.contains(STEP_OF.get(e.getKey())) && !steps.contains("experiments")) {
        continue;
      }
      Answer h = send(HttpRequest.newBuilder(URI.create(e.getValue() + "/health")).GET());
      if (h == null || h.status() != 200) {
        fail(e.getKey() + " does not answer at " + e.getValue() + "/health; start the suite first: deploy/local/run.sh");
      }
    }
    Path photos = Path.of(env("DEMO_PHOTO_DIR", "deploy/local/.run/demo-photos"));
    String publicBase = env("PHONE_PUBLIC_BASE_URL", base.get("phone-agent"));

    int problems = 0;
    for (String step : steps) {
      problems += switch (step) {
        case "vins" -> vins();
        case "claims" -> claims(photos);
        case "calls" -> calls(token, publicBase);
        case "questions" -> questions();
        case "experiments" -> experiments();
        default -> {
          fail("unknown step '" + step + "'; steps: vins claims calls questions experiments (default: all)");
          yield 1;
        }
      };
    }
    whereToLook();
    if (problems > 0) {
      System.out.println("\n" + problems + " step(s) did not go as expected; see the lines marked !! above.");
      System.exit(1);
    }
  }

  static int vins() {
    System.out.println("vin-matching: decode and match");
    int bad = 0;
    String[][] matches = {{"1FTFW5L86RFB45612", "2024 f150 lariat"}, {"1FTFW5L86RFB45612", ""}};
    for (String[] m : matches) {
      String body = "{\"vin\":\"" + m[0] + "\"" + (m[1].isEmpty() ? "" : ",\"hint\":\"" + m[1] + "\"") + "}";
      Answer a = post("vin-matching", "/v1/vins/match", body, Map.of());
      bad += check(a, 200, "match " + m[0] + (m[1].isEmpty() ? "" : " with hint '" + m[1] + "'"),
          "decision " + field(a, "decision"));
    }
    return bad;
  }

  static int claims(Path dir) throws IOException {
    System.out.println("claims-agent: " + CLAIMS.size() + " claims with photos");
    int bad = 0;
    for (DemoClaim c : CLAIMS) {
      List<Path> files = new ArrayList<>();
      for (Photo p : c.photos()) {
        files.add(photo(dir, p));
      }
      String boundary = "demo-" + c.key();
      byte[] body = multipart(boundary, c.report(), files);
      Answer a = send(request("claims-agent", "/v1/claims")
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .header("Idempotency-Key", c.key())
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
      if (a == null || a.status() != 201) {
        bad += check(a, 201, c.key(), "");
        continue;
      }
      String id = str(a.body(), "claimId");
      Answer claim = send(request("claims-agent", "/v1/claims/" + id).GET());
      List<String> flags = new ArrayList<>();
      Matcher f = Pattern.compile("\"code\"\\s*:\\s*\"(PHOTO_[A-Z_]+)\"").matcher(claim == null ? "" : claim.body());
      while (f.find()) {
        if (!flags.contains(f.group(1))) {
          flags.add(f.group(1));
        }
      }
      System.out.printf(Locale.ROOT, "  %s %s %s, estimate total %s; %s; photo flags %s%n", c.key(), id,
          "true".equals(raw(a.body(), "replayed")) ? "(already filed)" : "filed", raw(a.body(), "estimateTotal"), c.shows(), flags);
    }
    return bad;
  }

  static int calls(String token, String publicBase) {
    System.out.println("phone-agent: " + CALLS.size() + " calls over signed Twilio webhooks");
    int bad = 0;
    for (DemoCall call : CALLS) {
      Answer before = send(request("phone-agent", "/v1/calls/" + call.sid()).GET());
      if (before != null && before.status() == 200 && "completed".equals(str(before.body(), "status"))) {
        System.out.printf("  %s %s/%s already done: outcome %s%n", call.sid(), call.script(), call.lang(), str(before.body(), "outcome"));
        continue;
      }
      Map<String, String> params = new TreeMap<>();
      params.put("CallSid", call.sid());
      params.put("AccountSid", "AC" + "0".repeat(32));
      params.put("From", "+1512555" + call.sid().substring(call.sid().length() - 4));
      params.put("To", "+18005550100");
      params.put("CallStatus", "in-progress");
      params.put("Direction", "inbound");
      Answer a = webhook(token, publicBase, "/voice/" + call.script() + "?lang=" + call.lang(), params);
      int turn = 0;
      while (a != null && a.status() == 200 && turn < call.said().size()) {
        Matcher m = GATHER_ACTION.matcher(a.body());
        if (!m.find()) {
          break;
        }
        Map<String, String> p = new TreeMap<>(params);
        p.put("SpeechResult", call.said().get(turn));
        p.put("Confidence", "0.93");
        a = webhook(token, publicBase, relative(m.group(1).replace("&amp;", "&")), p);
        turn++;
      }
      if (a == null || a.status() != 200) {
        bad += check(a, 200, call.sid() + " turn " + turn, "");
        continue;
      }
      Map<String, String> status = new TreeMap<>(params);
      status.put("CallStatus", "completed");
      status.put("CallDuration", String.valueOf(20 + 9 * turn));
      Answer s = webhook(token, publicBase, "/voice/callbacks/status", status);
      Answer after = send(request("phone-agent", "/v1/calls/" + call.sid()).GET());
      String outcome = after == null ? "?" : str(after.body(), "outcome");
      boolean ok = s != null && s.status() / 100 == 2 && after != null && after.status() == 200 && "completed".equals(outcome);
      String filing = after == null ? "" : claimFilingStatus(after.body());
      System.out.printf("  %s%s %s/%s: %d turns, status %s, outcome %s%s%n", ok ? "" : "!! ", call.sid(), call.script(), call.lang(), turn,
          after == null ? "?" : str(after.body(), "status"), outcome, filing.isEmpty() ? "" : ", claim to claims-agent: " + filing);
      bad += ok ? 0 : 1;
    }
    return bad;
  }

  /** The status of a call's claim filing (pending, sending, filed, rejected), or "" for calls that file none. */
  static String claimFilingStatus(String callJson) {
    int at = callJson.indexOf("\"claimFiling\"");
    return at < 0 ? "" : str(callJson.substring(at), "status");
  }

  static int questions() {
    System.out.println("text2data: " + QUESTIONS.size() + " questions in English and Chinese");
    Answer runs = send(request("text2data", "/v1/llmops/runs?workflow=text2data.ask&limit=500").GET());
    int mine = runs == null || runs.status() != 200 ? 0 : count(runs.body(), "\"client\":\"" + client() + "\"");
    if (mine >= QUESTIONS.size()) {
      System.out.printf("  already asked (%d runs of text2data.ask by client '%s')%n", mine, client());
      return 0;
    }
    int bad = 0;
    for (String q : QUESTIONS) {
      Answer a = post("text2data", "/v1/ask", "{\"question\":\"" + json(q) + "\",\"asOf\":\"2025-06-18\"}", Map.of());
      if (a == null || a.status() != 200) {
        bad += check(a, 200, q, "");
        continue;
      }
      String status = str(a.body(), "status");
      String chart = a.body().contains("\"chart\":{") ? ", chart" : "";
      System.out.printf("  %s%s -> %s, %d rows%s%n", "answered".equals(status) ? "" : "!! ", q, status, count(a.body(), "],[") + 1, chart);
      bad += "answered".equals(status) ? 0 : 1;
    }
    return bad;
  }

  static int experiments() {
    System.out.println("LLM operations: one experiment per service on its dev eval set");
    int bad = 0;
    Map<String, String> started = new LinkedHashMap<>();
    for (String[] e : EXPERIMENTS) {
      Answer list = send(request(e[0], "/v1/llmops/experiments?task=" + e[1] + "&limit=50").GET());
      if (list != null && list.status() == 200 && list.body().contains("\"createdBy\":\"" + client() + "\"")) {
        System.out.printf("  %s: an experiment of %s by '%s' exists already%n", e[0], e[1], client());
        continue;
      }
      Answer a = post(e[0], "/v1/llmops/experiments", "{\"task\":\"" + e[1] + "\",\"set\":\"dev\"}", Map.of());
      if (a == null || a.status() != 202) {
        bad += check(a, 202, "experiment " + e[1], "");
        continue;
      }
      started.put(e[0], str(a.body(), "id"));
    }
    for (var s : started.entrySet()) {
      Answer a = null;
      for (int i = 0; i < 300; i++) {
        a = send(request(s.getKey(), "/v1/llmops/experiments/" + s.getValue()).GET());
        if (a == null || a.status() != 200 || !List.of("pending", "running").contains(str(a.body(), "status"))) {
          break;
        }
        sleep(1000);
      }
      String status = a == null ? "?" : str(a.body(), "status");
      System.out.printf("  %s%s: experiment %s %s, %s/%s items, mean score %s%n", "done".equals(status) ? "" : "!! ", s.getKey(), s.getValue(),
          status, a == null ? "?" : raw(a.body(), "done"), a == null ? "?" : raw(a.body(), "total"), a == null ? "?" : raw(a.body(), "meanScore"));
      bad += "done".equals(status) ? 0 : 1;
    }
    return bad;
  }

  static void whereToLook() {
    System.out.println("\nWhere to look (sign in with the API key deploy/local/run.sh printed):");
    String row = "  %-40s %s%n";
    System.out.printf(Locale.ROOT, row, "claims, photos and photo flags", base.get("claims-agent") + "/ui/");
    System.out.printf(Locale.ROOT, row, "calls and their transcripts", base.get("phone-agent") + "/ui/   (CallSid " + CALLS.get(0).sid() + ", ...)");
    System.out.printf(Locale.ROOT, row, "questions, answers and charts", base.get("text2data") + "/ui/");
    System.out.printf(Locale.ROOT, row, "VIN decoding and matching", base.get("vin-matching") + "/ui/");
    for (String s : base.keySet()) {
      System.out.printf(Locale.ROOT, row, "runs, traces and experiments of " + s, base.get(s) + "/ui/llmops/");
    }
  }

  // ---------------------------------------------------------------- photos

  /** Writes the photo into dir unless it is there already, so that a second run sends the same bytes. */
  static Path photo(Path dir, Photo p) throws IOException {
    Path file = dir.resolve(p.file());
    if (Files.isRegularFile(file)) {
      return file;
    }
    Files.createDirectories(dir);
    BufferedImage img = draw(p.seed());
    if (p.copyOf() != null) {
      img = brighter(img, 14); // the same picture re-encoded a little brighter: a near-duplicate, not a copy
    }
    byte[] jpeg = jpeg(img);
    if (p.exif() != null) {
      jpeg = withExif(jpeg, p.exif());
    }
    Path tmp = Files.createTempFile(dir, p.file(), ".tmp");
    Files.write(tmp, jpeg);
    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  /** A small picture of a damaged car: background, body, wheels and a damaged area, laid out by the seed. */
  static BufferedImage draw(long seed) {
    Random r = new Random(seed);
    int w = 480;
    int h = 360;
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    Color sky = new Color(90 + r.nextInt(120), 110 + r.nextInt(120), 140 + r.nextInt(110));
    Color ground = new Color(40 + r.nextInt(80), 40 + r.nextInt(80), 40 + r.nextInt(60));
    int horizon = 90 + r.nextInt(160);
    g.setPaint(new GradientPaint(0, 0, sky, 0, horizon, sky.darker()));
    g.fillRect(0, 0, w, horizon);
    g.setPaint(new GradientPaint(0, horizon, ground.brighter(), 0, h, ground));
    g.fillRect(0, horizon, w, h - horizon);
    for (int i = 0; i < 5; i++) { // buildings, poles, other cars in the background
      g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
      int bx = r.nextInt(w);
      int bw = 20 + r.nextInt(120);
      int bh = 20 + r.nextInt(horizon);
      g.fillRect(bx, horizon - bh, bw, bh);
    }
    Color paint = new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256));
    int cw = 200 + r.nextInt(200);
    int ch = cw / 3;
    int cx = r.nextInt(Math.max(1, w - cw));
    int cy = horizon - ch / 3 + r.nextInt(40);
    g.setColor(paint);
    g.fill(new RoundRectangle2D.Double(cx, cy, cw, ch, 30, 30));
    g.fill(new RoundRectangle2D.Double(cx + cw * 0.2, cy - ch * 0.55, cw * 0.55, ch * 0.7, 40, 40));
    g.setColor(new Color(170, 200, 230));
    g.fillRect((int) (cx + cw * 0.27), (int) (cy - ch * 0.42), (int) (cw * 0.4), (int) (ch * 0.4));
    g.setColor(Color.DARK_GRAY);
    g.fillOval(cx + cw / 8, cy + ch - ch / 3, ch / 2, ch / 2);
    g.fillOval(cx + cw - cw / 8 - ch / 2, cy + ch - ch / 3, ch / 2, ch / 2);
    g.setStroke(new BasicStroke(2f));
    g.setColor(paint.darker().darker());
    int dx = cx + r.nextInt(Math.max(1, cw - 60));
    int dy = cy + r.nextInt(Math.max(1, ch - 20));
    for (int i = 0; i < 12; i++) { // scratches and a dent
      g.drawLine(dx + r.nextInt(60), dy + r.nextInt(20), dx + r.nextInt(60), dy + r.nextInt(20));
    }
    g.fillOval(dx + 10, dy, 30, 16);
    g.dispose();
    for (int i = 0; i < w * h / 8; i++) { // sensor noise
      int x = r.nextInt(w);
      int y = r.nextInt(h);
      int c = img.getRGB(x, y);
      int d = r.nextInt(21) - 10;
      img.setRGB(x, y, (clamp(((c >> 16) & 255) + d) << 16) | (clamp(((c >> 8) & 255) + d) << 8) | clamp((c & 255) + d));
    }
    return img;
  }

  static BufferedImage brighter(BufferedImage src, int by) {
    BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < src.getHeight(); y++) {
      for (int x = 0; x < src.getWidth(); x++) {
        int c = src.getRGB(x, y);
        out.setRGB(x, y, (clamp(((c >> 16) & 255) + by) << 16) | (clamp(((c >> 8) & 255) + by) << 8) | clamp((c & 255) + by));
      }
    }
    return out;
  }

  static int clamp(int v) {
    return Math.max(0, Math.min(255, v));
  }

  static byte[] jpeg(BufferedImage img) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(ios);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.85f);
      writer.write(null, new IIOImage(img, null, null), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  /** The JPEG with an EXIF APP1 segment (big-endian TIFF: IFD0, Exif IFD, GPS IFD) right after SOI. */
  static byte[] withExif(byte[] jpeg, Exif e) {
    List<Object[]> ifd0 = new ArrayList<>();
    if (e.make() != null) ifd0.add(ascii(0x010F, e.make()));
    if (e.model() != null) ifd0.add(ascii(0x0110, e.model()));
    if (e.software() != null) ifd0.add(ascii(0x0131, e.software()));
    if (e.modified() != null) ifd0.add(ascii(0x0132, e.modified()));
    List<Object[]> exif = new ArrayList<>();
    if (e.captured() != null) exif.add(ascii(0x9003, e.captured()));
    List<Object[]> gps = new ArrayList<>();
    if (e.gps() != null) {
      gps.add(ascii(0x0001, e.gps()[0] >= 0 ? "N" : "S"));
      gps.add(new Object[] {0x0002, 5, 3, degrees(Math.abs(e.gps()[0]))});
      gps.add(ascii(0x0003, e.gps()[1] >= 0 ? "E" : "W"));
      gps.add(new Object[] {0x0004, 5, 3, degrees(Math.abs(e.gps()[1]))});
    }
    int ifd0At = 8;
    int exifAt = ifd0At + size(ifd0, 1 + (gps.isEmpty() ? 0 : 1));
    int gpsAt = exifAt + size(exif, 0);
    ifd0.add(new Object[] {0x8769, 4, 1, u32(exifAt)});
    if (!gps.isEmpty()) ifd0.add(new Object[] {0x8825, 4, 1, u32(gpsAt)});
    ByteBuffer tiff = ByteBuffer.allocate(gpsAt + size(gps, 0));
    tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(ifd0At);
    ifd(tiff, ifd0At, ifd0);
    ifd(tiff, exifAt, exif);
    if (!gps.isEmpty()) ifd(tiff, gpsAt, gps);
    byte[] header = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    int length = 2 + header.length + tiff.capacity();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2); // SOI
    out.write(0xFF);
    out.write(0xE1);
    out.write(length >> 8);
    out.write(length & 0xFF);
    out.writeBytes(header);
    out.writeBytes(tiff.array());
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  static Object[] ascii(int tag, String value) {
    byte[] b = (value + "\0").getBytes(StandardCharsets.US_ASCII);
    return new Object[] {tag, 2, b.length, b};
  }

  static byte[] degrees(double value) {
    int deg = (int) value;
    int min = (int) ((value - deg) * 60);
    long sec = Math.round(((value - deg) * 60 - min) * 60 * 100);
    return ByteBuffer.allocate(24).putInt(deg).putInt(1).putInt(min).putInt(1).putInt((int) sec).putInt(100).array();
  }

  static byte[] u32(int v) {
    return ByteBuffer.allocate(4).putInt(v).array();
  }

  /** Bytes of an IFD with {@code extra} entries still to add: count, entries, next-IFD offset, values over 4 bytes. */
  static int size(List<Object[]> entries, int extra) {
    int data = 0;
    for (Object[] e : entries) {
      int len = ((byte[]) e[3]).length;
      data += len > 4 ? len + (len & 1) : 0;
    }
    return 2 + 12 * (entries.size() + extra) + 4 + data;
  }

  static void ifd(ByteBuffer out, int at, List<Object[]> entries) {
    entries.sort((a, b) -> Integer.compare((int) a[0], (int) b[0]));
    int data = at + 2 + 12 * entries.size() + 4;
    out.position(at);
    out.putShort((short) entries.size());
    for (Object[] e : entries) {
      byte[] value = (byte[]) e[3];
      out.putShort((short) (int) e[0]).putShort((short) (int) e[1]).putInt((int) e[2]);
      if (value.length <= 4) {
        out.put(value).put(new byte[4 - value.length]);
      } else {
        out.putInt(data);
        int here = out.position();
        out.position(data).put(value);
        data += value.length + (value.length & 1);
        out.position(here);
      }
    }
    out.putInt(0);
  }

  static byte[] multipart(String boundary, String report, List<Path> photos) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"report\"\r\nContent-Type: application/json\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8));
    out.writeBytes(report.getBytes(StandardCharsets.UTF_8));
    for (Path p : photos) {
      out.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"" + p.getFileName()
          + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.writeBytes(Files.readAllBytes(p));
    }
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  // ---------------------------------------------------------------- HTTP

  /** Twilio's signature: Base64(HMAC-SHA1(auth token, public URL + each parameter name and value, sorted by name)). */
  static String twilioSignature(String token, String url, Map<String, String> params) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Answer webhook(String token, String publicBase, String pathAndQuery, Map<String, String> params) {
    StringBuilder form = new StringBuilder();
    for (var e : params.entrySet()) {
      form.append(form.length() == 0 ? "" : "&").append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return send(HttpRequest.newBuilder(URI.create(base.get("phone-agent") + pathAndQuery))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Twilio-Signature", twilioSignature(token, publicBase + pathAndQuery, params))
        .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
  }

  static HttpRequest.Builder request(String service, String path) {
    return HttpRequest.newBuilder(URI.create(base.get(service) + path)).header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(120));
  }

  static Answer post(String service, String path, String json, Map<String, String> headers) {
    HttpRequest.Builder b = request(service, path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    headers.forEach(b::header);
    return send(b);
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

  static int check(Answer a, int expected, String what, String detail) {
    if (a != null && a.status() == expected) {
      System.out.println("  " + what + ": " + detail);
      return 0;
    }
    System.out.println("  !! " + what + ": " + (a == null ? "no answer" : a.status() + " " + trim(a.body())));
    return 1;
  }

  static void requireLoopback(String service, String url) {
    String host = URI.create(url).getHost();
    try {
      if (host == null || !InetAddress.getByName(host).isLoopbackAddress()) {
        fail(service + " URL " + url + " is not on this machine; the demo only talks to a local suite");
      }
    } catch (IOException e) {
      fail(service + " URL " + url + ": " + e.getMessage());
    }
  }

  static String client() {
    return env("DEMO_CLIENT", "demo");
  }

  static String relative(String url) {
    if (url.startsWith("http")) {
      URI u = URI.create(url);
      return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }
    return url;
  }

  static String str(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json == null ? "" : json);
    return m.find() ? m.group(1) : "";
  }

  static String raw(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*([^,}\\]]+)").matcher(json == null ? "" : json);
    return m.find() ? m.group(1).trim() : "";
  }

  static String field(Answer a, String name) {
    return a == null ? "" : str(a.body(), name);
  }

  static int count(String haystack, String needle) {
    int n = 0;
    for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }

  static String json(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  static String trim(String s) {
    String one = s == null ? "" : s.replaceAll("\\s+", " ");
    return one.length() > 200 ? one.substring(0, 200) + "..." : one;
  }

  static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void fail(String message) {
    System.err.println("demo: " + message);
    System.exit(2);
  }
}
