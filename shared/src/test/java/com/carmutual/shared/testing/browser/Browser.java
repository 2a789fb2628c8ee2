package com.carmutual.shared.testing.browser;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium driven over the W3C WebDriver protocol: a {@code chromedriver} child process
 * and plain HTTP from the JDK client, so browser tests need no driver library. One instance is one
 * browser session with a fresh profile; {@link #close()} ends the session and the driver process.
 *
 * <p>Binaries come from {@code CHROMIUM_BIN} / {@code CHROMEDRIVER_BIN} or the Debian packages
 * {@code chromium} and {@code chromium-driver}. Tests call {@link #assumeAvailable()} first, which
 * skips them with a visible message where the browser is not installed.
 */
public final class Browser implements AutoCloseable {
  private static final String ELEMENT_KEY = "element-6066-11e4-a52e-4f735466cecf";
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final List<String> CHROMIUM_FLAGS =
      List.of(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-dev-shm-usage");

  private final Process driver;
  private final Path profile;
  private final String base;
  private final HttpClient http = HttpClient.newHttpClient();
  private final String session;

  private Browser(Process driver, Path profile, String base, String session) {
    this.driver = driver;
    this.profile = profile;
    this.base = base;
    this.session = session;
  }

  /** True when both Chromium and chromedriver are installed. */
  public static boolean available() {
    return chromium() != null && chromedriver() != null;
  }

  /** Skips the calling test, saying why, unless Chromium and chromedriver are installed. */
  public static void assumeAvailable() {
    boolean ok = available();
    if (!ok) {
      System.err.println(
          "SKIPPED: browser test needs Chromium and chromedriver"
              + " (apt-get install chromium chromium-driver); .ci/run installs them");
    }
    Assumptions.assumeTrue(
        ok, "Chromium/chromedriver not installed (apt-get install chromium chromium-driver)");
  }

  /** Starts chromedriver and a headless Chromium with a laptop-sized window. */
  public static Browser start() {
    String chromium = Objects.requireNonNull(chromium(), "Chromium not installed");
    String chromedriver = Objects.requireNonNull(chromedriver(), "chromedriver not installed");
    Process process = null;
    try {
      int port = freePort();
      Path profile = Files.createTempDirectory("suite-chromium-");
      process =
          new ProcessBuilder(chromedriver, "--port=" + port, "--allowed-ips=127.0.0.1")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      String base = "http://127.0.0.1:" + port;
      HttpClient http = HttpClient.newHttpClient();
      waitForDriver(http, base);
      List<String> args = new ArrayList<>(CHROMIUM_FLAGS);
      args.add("--user-data-dir=" + profile);
      args.add("--window-size=1366,900");
      args.add("--lang=en-US");
      Map<String, Object> options = new LinkedHashMap<>();
      options.put("binary", chromium);
      options.put("args", args);
      Map<String, Object> always = new LinkedHashMap<>();
      always.put("browserName", "chrome");
      always.put("goog:chromeOptions", options);
      always.put("goog:loggingPrefs", Map.of("browser", "ALL"));
      Object created =
          send(http, "POST", base + "/session", Map.of("capabilities", Map.of("alwaysMatch", always)));
      String session = (String) ((Map<?, ?>) created).get("sessionId");
      return new Browser(process, profile, base, session);
    } catch (IOException | RuntimeException e) {
      if (process != null) {
        process.destroyForcibly();
      }
      throw new IllegalStateException("could not start Chromium through chromedriver: " + e, e);
    }
  }

  /** Loads a page and waits until its document has loaded. */
  public Browser open(String url) {
    command("POST", "/url", Map.of("url", url));
    return this;
  }

  /** Resizes the window, e.g. to a tablet's 820x1180. */
  public Browser resize(int width, int height) {
    command("POST", "/window/rect", Map.of("width", width, "height", height));
    return this;
  }

  /** Runs JavaScript in the page ({@code arguments[i]} are the args) and returns its result. */
  public Object script(String js, Object... args) {
    return command("POST", "/execute/sync", Map.of("script", js, "args", List.of(args)));
  }

  /** Waits until {@code document.querySelector(css)} finds a visible element, and returns it. */
  public Element waitFor(String css) {
    waitUntil(
        "const e = document.querySelector(arguments[0]);"
            + " return !!e && !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length);",
        "visible " + css,
        css);
    return find(css);
  }

  /** Waits until the element's text contains {@code text}. */
  public void waitForText(String css, String text) {
    waitUntil(
        "const e = document.querySelector(arguments[0]);"
            + " return !!e && e.innerText.includes(arguments[1]);",
        "text '" + text + "' in " + css,
        css,
        text);
  }

  /** Polls a JavaScript condition (a function body returning truthy) until it holds. */
  public void waitUntil(String condition, String description, Object... args) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      Object ok = script(condition, args);
      if (ok instanceof Boolean b && b) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out waiting for " + description + "; page text: " + excerpt() + log());
      }
      sleep(100);
    }
  }

  /** The first element matching {@code css}; fails if there is none. */
  public Element find(String css) {
    Object found = command("POST", "/element", Map.of("using", "css selector", "value", css));
    return new Element((String) ((Map<?, ?>) found).get(ELEMENT_KEY));
  }

  /** Every element matching {@code css}. */
  public List<Element> findAll(String css) {
    Object found = command("POST", "/elements", Map.of("using", "css selector", "value", css));
    List<Element> out = new ArrayList<>();
    for (Object o : (List<?>) found) {
      out.add(new Element((String) ((Map<?, ?>) o).get(ELEMENT_KEY)));
    }
    return out;
  }

  /** Clicks the first element matching {@code css} once it is visible. */
  public void click(String css) {
    waitFor(css).click();
  }

  /** Replaces the text of the input matching {@code css}. */
  public void type(String css, String text) {
    Element e = waitFor(css);
    e.clear();
    e.type(text);
  }

  /** Chooses {@code value} in the select matching {@code css}, as a user would (fires change). */
  public void select(String css, String value) {
    waitFor(css);
    script(
        "const s = document.querySelector(arguments[0]); s.value = arguments[1];"
            + " s.dispatchEvent(new Event('input', {bubbles: true}));"
            + " s.dispatchEvent(new Event('change', {bubbles: true}));",
        css,
        value);
  }

  /** The visible text of the first element matching {@code css}. */
  public String text(String css) {
    return find(css).text();
  }

  /** Saves a PNG of the viewport (whole page height when {@code fullPage}) to {@code file}. */
  public Path screenshot(Path file) {
    try {
      Files.createDirectories(file.getParent());
      script("window.scrollTo(0, 0);");
      Object h = script("return Math.max(document.documentElement.scrollHeight, window.innerHeight);");
      Object w = script("return window.innerWidth;");
      Object original = command("GET", "/window/rect", null);
      int height = Math.min(((Number) h).intValue() + 120, 4000);
      command("POST", "/window/rect", Map.of("width", ((Number) w).intValue(), "height", height));
      String png = (String) command("GET", "/screenshot", null);
      Map<?, ?> rect = (Map<?, ?>) original;
      command(
          "POST",
          "/window/rect",
          Map.of("width", rect.get("width"), "height", rect.get("height")));
      Files.write(file, Base64.getDecoder().decode(png));
      return file;
    } catch (IOException e) {
      throw new IllegalStateException("could not save screenshot " + file, e);
    }
  }

  /** Browser console messages so far (errors help explain a failed wait). */
  public String log() {
    try {
      Object entries = command("POST", "/se/log", Map.of("type", "browser"));
      StringBuilder b = new StringBuilder();
      for (Object o : (List<?>) entries) {
        Map<?, ?> m = (Map<?, ?>) o;
        b.append("\n  console ").append(m.get("level")).append(": ").append(m.get("message"));
      }
      return b.toString();
    } catch (RuntimeException e) {
      return "";
    }
  }

  private String excerpt() {
    Object t = script("return document.body ? document.body.innerText : '';");
    String s = String.valueOf(t).replaceAll("\\s+", " ");
    return s.length() > 1500 ? s.substring(0, 1500) + "..." : s;
  }

  @Override
  public void close() {
    try {
      send(http, "DELETE", base + "/session/" + session, null);
    } catch (RuntimeException ignored) {
      // the driver is killed below either way
    }
    driver.destroy();
    try {
      if (!driver.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        driver.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deleteQuietly(profile);
  }

  /** One element found in the page. */
  public final class Element {
    private final String id;

    private Element(String id) {
      this.id = id;
    }

    public void click() {
      command("POST", "/element/" + id + "/click", Map.of());
    }

    public void clear() {
      command("POST", "/element/" + id + "/clear", Map.of());
    }

    public void type(String text) {
      command("POST", "/element/" + id + "/value", Map.of("text", text));
    }

    public String text() {
      return (String) command("GET", "/element/" + id + "/text", null);
    }

    public String attribute(String name) {
      Object v = command("GET", "/element/" + id + "/property/" + name, null);
      return v == null ? null : String.valueOf(v);
    }
  }

  private Object command(String method, String path, Object body) {
    return send(http, method, base + "/session/" + session + path, body);
  }

  private static Object send(HttpClient http, String method, String url, Object body) {
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(Json.write(body));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json; charset=utf-8")
            .method(method, publisher)
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      Object parsed = response.body().isEmpty() ? null : Json.parse(response.body());
      Object value = parsed instanceof Map<?, ?> m ? m.get("value") : parsed;
      if (response.statusCode() >= 400) {
        throw new IllegalStateException(
            "WebDriver " + method + " " + url + " failed: " + response.statusCode() + " " + value);
      }
      return value;
    } catch (IOException e) {
      throw new IllegalStateException("WebDriver " + method + " " + url + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void waitForDriver(HttpClient http, String base) {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        Object status = send(http, "GET", base + "/status", null);
        if (status instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("ready"))) {
          return;
        }
      } catch (RuntimeException notYet) {
        // still starting
      }
      sleep(100);
    }
    throw new IllegalStateException("chromedriver did not start at " + base);
  }

  private static String chromium() {
    return binary("CHROMIUM_BIN", "chromium", "chromium-browser", "google-chrome");
  }

  private static String chromedriver() {
    return binary("CHROMEDRIVER_BIN", "chromedriver");
  }

  private static String binary(String env, String... names) {
    String configured = System.getenv(env);
    if (configured != null && !configured.isBlank() && Files.isExecutable(Path.of(configured))) {
      return configured;
    }
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String name : names) {
      for (String dir : (path + ":/usr/bin:/usr/lib/chromium").split(":")) {
        Path p = Path.of(dir, name);
        if (!dir.isEmpty() && Files.isExecutable(p)) {
          return p.toString();
        }
      }
    }
    return null;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException ignored) {
      // a temp profile left behind is harmless
    }
  }
}
