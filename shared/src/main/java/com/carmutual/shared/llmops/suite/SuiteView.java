package com.carmutual.shared.llmops.suite;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Asks every peer for one LLM-operations list at once and says, per service, what came back:
 * {@code up} with the items, {@code absent} (the service has no such endpoint, e.g. before it
 * ships challengers), {@code error} (another status) or {@code down} (no answer in time).
 */
@Singleton
final class SuiteView {
  /**
   * The lists the suite view shows, and where each service serves them; {@code {task}} paths are
   * asked once per task of the service's task list (a 404 there: nothing for that task).
   */
  enum Kind {
    CALLS("/v1/llmops/calls", true),
    RUNS("/v1/llmops/runs", true),
    TASKS("/v1/llmops/tasks", false),
    CHALLENGERS("/v1/llmops/tasks/{task}/challenger", false),
    PROMOTIONS("/v1/llmops/tasks/{task}/promotions", true);

    final String path;
    final boolean limited;

    Kind(String path, boolean limited) {
      this.path = path;
      this.limited = limited;
    }

    boolean perTask() {
      return path.contains("{task}");
    }
  }

  private static final int MAX_TASKS = 100;

  /** One service's part of the view. */
  @Serdeable
  record ServiceItems(
      String service, String baseUrl, String status, int httpStatus, long millis, @Nullable String error,
      @Nullable JsonNode items) {}

  /** The whole view. */
  @Serdeable
  record Suite(String view, List<ServiceItems> services) {}

  private final SuitePeers peers;
  private final PeerClient client;
  private final JsonMapper json;
  private final ExecutorService executor;

  SuiteView(SuitePeers peers, PeerClient client, JsonMapper json) {
    this.peers = peers;
    this.client = client;
    this.json = json;
    // one thread per peer at most: a handful of services, each call bounded by the peer timeout
    this.executor = Executors.newFixedThreadPool(Math.max(1, Math.min(8, peers.peers().size())), r -> {
      Thread t = new Thread(r, "suite-view");
      t.setDaemon(true);
      return t;
    });
  }

  Suite fetch(Kind kind, int limit) {
    List<CompletableFuture<ServiceItems>> pending = new ArrayList<>();
    for (Map.Entry<String, URI> peer : peers.peers().entrySet()) {
      pending.add(CompletableFuture.supplyAsync(() -> kind.perTask()
          ? perTask(peer.getKey(), peer.getValue(), kind, limit)
          : one(peer.getKey(), peer.getValue(), URI.create(peer.getValue() + kind.path + (kind.limited ? "?limit=" + limit : ""))),
          executor));
    }
    List<ServiceItems> out = new ArrayList<>(pending.size());
    for (CompletableFuture<ServiceItems> f : pending) {
      out.add(f.join());
    }
    return new Suite(kind.name().toLowerCase(java.util.Locale.ROOT), out);
  }

  /** The service's tasks, then the list of each, all within one peer timeout; items gain a {@code task} field. */
  private ServiceItems perTask(String name, URI base, Kind kind, int limit) {
    long t0 = System.nanoTime();
    ServiceItems tasks = one(name, base, URI.create(base + Kind.TASKS.path));
    if (!"up".equals(tasks.status()) || tasks.items() == null || !tasks.items().isArray()) {
      return tasks;
    }
    List<JsonNode> items = new ArrayList<>();
    int asked = 0;
    for (JsonNode task : tasks.items().values()) {
      JsonNode taskName = task.get("task");
      if (taskName == null || !taskName.isString() || asked++ >= MAX_TASKS) {
        continue;
      }
      long left = peers.timeout().toNanos() - (System.nanoTime() - t0);
      if (left <= 0) {
        return new ServiceItems(name, base.toString(), "error", 200, millis(t0),
            "only " + (asked - 1) + " tasks answered within " + peers.timeout().toMillis() + " ms", null);
      }
      String path = kind.path.replace("{task}",
          java.net.URLEncoder.encode(taskName.getStringValue(), java.nio.charset.StandardCharsets.UTF_8));
      PeerClient.PeerReply r = client.get(URI.create(base + path + (kind.limited ? "?limit=" + limit : "")),
          peers.clientKey(), java.time.Duration.ofNanos(left));
      if (r.status() == 404) {
        continue;
      }
      ServiceItems one = classify(name, base, URI.create(base + path), r);
      if (!"up".equals(one.status())) {
        return new ServiceItems(name, base.toString(), one.status(), one.httpStatus(), millis(t0), one.error(), null);
      }
      for (JsonNode item : one.items().isArray() ? one.items().values() : List.of(one.items())) {
        items.add(withTask(item, taskName));
      }
    }
    return new ServiceItems(name, base.toString(), "up", 200, millis(t0), null, JsonNode.createArrayNode(items));
  }

  private static JsonNode withTask(JsonNode item, JsonNode task) {
    if (!item.isObject() || item.get("task") != null) {
      return item;
    }
    java.util.Map<String, JsonNode> fields = new java.util.LinkedHashMap<>();
    fields.put("task", task);
    for (var e : item.entries()) {
      fields.put(e.getKey(), e.getValue());
    }
    return JsonNode.createObjectNode(fields);
  }

  private static long millis(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private ServiceItems one(String name, URI base, URI uri) {
    return classify(name, base, uri, client.get(uri, peers.clientKey(), peers.timeout()));
  }

  private ServiceItems classify(String name, URI base, URI uri, PeerClient.PeerReply r) {
    if (r.status() == 0) {
      return new ServiceItems(name, base.toString(), "down", 0, r.millis(), r.error(), null);
    }
    if (r.status() == 404) {
      return new ServiceItems(name, base.toString(), "absent", 404, r.millis(), "this service has no " + uri.getPath(), null);
    }
    if (r.status() / 100 != 2 || r.body() == null) {
      String error = r.error() != null ? r.error() : "answered " + r.status()
          + (r.status() == 401 ? " (is suite.llmops.client-key a key this service accepts?)" : "");
      return new ServiceItems(name, base.toString(), "error", r.status(), r.millis(), error, null);
    }
    try {
      return new ServiceItems(name, base.toString(), "up", r.status(), r.millis(), null, json.readValue(r.body(), JsonNode.class));
    } catch (Exception e) {
      return new ServiceItems(name, base.toString(), "error", r.status(), r.millis(), "the answer is not JSON", null);
    }
  }

  @jakarta.annotation.PreDestroy
  void close() {
    executor.shutdownNow();
  }
}
