package com.carmutual.shared.llmops.eval.experiment;

import com.carmutual.shared.gateway.CallScope;
import com.carmutual.shared.gateway.GatewayOverrides;
import com.carmutual.shared.gateway.LlmCallRecord;
import com.carmutual.shared.gateway.LlmCalls;
import com.carmutual.shared.gateway.TaskVersion;
import com.carmutual.shared.llmops.eval.EvalTarget;
import com.carmutual.shared.llmops.eval.Scorer;
import com.carmutual.shared.llmops.eval.ScorerUnavailableException;
import com.carmutual.shared.llmops.eval.experiment.ExperimentViews.Comparison;
import com.carmutual.shared.llmops.eval.experiment.ExperimentViews.ConfigSummary;
import com.carmutual.shared.llmops.eval.experiment.ExperimentViews.Configuration;
import com.carmutual.shared.llmops.eval.experiment.ExperimentViews.ExperimentRequest;
import com.carmutual.shared.llmops.eval.experiment.ExperimentViews.ExperimentView;
import com.carmutual.shared.llmops.eval.experiment.ExperimentViews.ItemComparison;
import com.carmutual.shared.llmops.eval.experiment.ExperimentViews.ItemResult;
import com.carmutual.shared.llmops.eval.experiment.ExperimentViews.Side;
import com.carmutual.shared.llmops.eval.score.Scorers;
import com.carmutual.shared.llmops.eval.set.EvalSets;
import com.carmutual.shared.llmops.eval.set.EvalSets.EvalItem;
import com.carmutual.shared.llmops.eval.set.EvalSets.SetInfo;
import com.carmutual.shared.llmops.support.CallCollector;
import com.carmutual.shared.llmops.support.ExperimentScope;
import com.carmutual.shared.llmops.support.Jsons;
import com.carmutual.shared.problem.ProblemException;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.json.tree.JsonNode;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs experiments: every item of a set version through the task's {@link EvalTarget}, once per
 * configuration under {@link GatewayOverrides}, scoring each output and storing output, score,
 * latency, tokens and cost (from the item's traced gateway calls). Started experiments run one at a
 * time on a background thread and report progress; the command line runs them in the foreground.
 */
@Singleton
public class Experiments {
  private static final Logger LOG = LoggerFactory.getLogger(Experiments.class);

  /** Told after each item. */
  public interface Progress {
    void item(String configuration, int done, int total, ItemResult result);
  }

  private record Prepared(
      ExperimentEntity entity,
      SetInfo set,
      List<EvalItem> items,
      List<Configuration> configurations,
      EvalTarget target,
      Scorer scorer) {}

  private final ExperimentRepository experiments;
  private final ExperimentItemRepository results;
  private final EvalSets sets;
  private final Scorers scorers;
  private final Map<String, EvalTarget> targets = new HashMap<>();
  private final CallCollector calls;
  private final BeanProvider<LlmCalls> traces;
  private final Jsons jsons;
  private final Clock clock;
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "llmops-experiments");
            t.setDaemon(true);
            return t;
          });

  Experiments(
      ExperimentRepository experiments,
      ExperimentItemRepository results,
      EvalSets sets,
      Scorers scorers,
      List<EvalTarget> evalTargets,
      CallCollector calls,
      BeanProvider<LlmCalls> traces,
      Jsons jsons,
      Clock clock) {
    this.experiments = experiments;
    this.results = results;
    this.sets = sets;
    this.scorers = scorers;
    this.calls = calls;
    this.traces = traces;
    this.jsons = jsons;
    this.clock = clock;
    for (EvalTarget t : evalTargets) {
      targets.put(t.task(), t);
    }
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }

  /** The tasks that have an evaluation target in this service. */
  public List<String> targetTasks() {
    return targets.keySet().stream().sorted().toList();
  }

  /** Stores the experiment and queues it; returns at once with status {@code queued}. */
  public ExperimentView start(ExperimentRequest request, String actor) {
    Prepared p = prepare(request, actor);
    executor.submit(() -> execute(p, null));
    return view(p.entity().id()).orElseThrow();
  }

  /** Runs the experiment on this thread, telling {@code progress} after each item. */
  public ExperimentView runNow(ExperimentRequest request, String actor, @Nullable Progress progress) {
    Prepared p = prepare(request, actor);
    execute(p, progress);
    return view(p.entity().id()).orElseThrow();
  }

  private Prepared prepare(ExperimentRequest r, String actor) {
    if (r == null || r.task() == null || r.task().isBlank() || r.set() == null || r.set().isBlank()) {
      throw ProblemException.badRequest("invalid-experiment", "task and set are required");
    }
    EvalTarget target = targets.get(r.task());
    if (target == null) {
      throw ProblemException.badRequest(
          "no-eval-target",
          "task " + r.task() + " has no EvalTarget in this service; targets: " + targetTasks());
    }
    SetInfo set =
        sets.find(r.task(), r.set(), r.setVersion())
            .orElseThrow(
                () ->
                    ProblemException.notFound(
                        "evaluation set " + r.task() + "/" + r.set()
                            + (r.setVersion() == null ? "" : " v" + r.setVersion())));
    Scorer scorer = scorers.resolve(r.scorer() == null || r.scorer().isBlank() ? target.defaultScorer() : r.scorer());
    List<Configuration> configs = new ArrayList<>();
    if (r.configurations() == null || r.configurations().isEmpty()) {
      configs.add(new Configuration("active", Map.of()));
    } else {
      for (Configuration c : r.configurations()) {
        if (c.name() == null || !c.name().matches("[A-Za-z0-9._-]{1,100}")) {
          throw ProblemException.badRequest(
              "invalid-experiment", "configuration names must be 1-100 letters, digits, '.', '_' or '-'");
        }
        if (configs.stream().anyMatch(x -> x.name().equals(c.name()))) {
          throw ProblemException.badRequest("invalid-experiment", "configuration names must differ: " + c.name());
        }
        configs.add(new Configuration(c.name(), c.versions() == null ? Map.of() : Map.copyOf(c.versions())));
      }
    }
    List<EvalItem> items = sets.items(set.id());
    if (r.limit() != null && r.limit() > 0 && r.limit() < items.size()) {
      items = items.subList(0, r.limit());
    }
    ExperimentEntity e =
        new ExperimentEntity(
            UUID.randomUUID().toString(),
            set.id(),
            r.task(),
            scorer.name(),
            jsons.write(configs),
            "queued",
            items.size() * configs.size(),
            0,
            null,
            null,
            actor,
            clock.instant(),
            null);
    experiments.save(e);
    return new Prepared(e, set, List.copyOf(items), configs, target, scorer);
  }

  private void execute(Prepared p, @Nullable Progress progress) {
    String id = p.entity().id();
    int done = 0;
    List<ConfigSummary> summaries = new ArrayList<>();
    try {
      experiments.progress(id, "running", 0);
      for (Configuration c : p.configurations()) {
        List<ItemResult> mine = new ArrayList<>();
        int seq = 0;
        for (EvalItem item : p.items()) {
          ItemResult result = runItem(p, c, item, seq++);
          mine.add(result);
          done++;
          experiments.progress(id, "running", done);
          if (progress != null) {
            progress.item(c.name(), done, p.entity().total(), result);
          }
        }
        summaries.add(summarise(c.name(), mine));
      }
      experiments.finish(id, "done", done, jsons.write(summaries), null, clock.instant());
    } catch (RuntimeException e) {
      LOG.warn("experiment {} failed", id, e);
      experiments.finish(
          id, "failed", done, jsons.write(summaries), e.getClass().getSimpleName() + ": " + e.getMessage(),
          clock.instant());
    }
  }

  private ItemResult runItem(Prepared p, Configuration c, EvalItem item, int seq) {
    String runId = "exp-" + UUID.randomUUID();
    CallCollector.Sink sink = calls.open(runId);
    long t0 = System.nanoTime();
    Object output = null;
    String error = null;
    try {
      Map<String, TaskVersion> versions = c.versions() == null ? Map.of() : c.versions();
      output =
          ExperimentScope.within(
              () ->
                  GatewayOverrides.with(
                      versions,
                      () ->
                          calls.within(
                              sink,
                              () -> CallScope.within(runId, "eval:" + item.id(), () -> p.target().run(item.input())))));
    } catch (RuntimeException e) {
      error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    } finally {
      calls.close(sink);
    }
    long micros = (System.nanoTime() - t0) / 1000;
    JsonNode actual = jsons.tree(output);
    Double score;
    String detail;
    if (error != null) {
      score = 0.0;
      detail = "error";
    } else if (item.expected() == null || item.expected().isNull()) {
      score = null;
      detail = "no expected output";
    } else {
      try {
        Scorer.Score s = p.scorer().score(item.expected(), actual);
        score = Math.max(0, Math.min(1, s.value()));
        detail = s.detail();
      } catch (ScorerUnavailableException e) {
        score = null;
        detail = e.getMessage();
      } catch (RuntimeException e) {
        score = null;
        detail = "scorer failed: " + e.getMessage();
      }
    }
    List<String> runIds = new ArrayList<>();
    runIds.add(runId);
    runIds.addAll(sink.childRuns());
    Usage usage = usage(sink, runIds);
    ExperimentItemEntity row =
        new ExperimentItemEntity(
            UUID.randomUUID().toString(),
            p.entity().id(),
            c.name(),
            seq,
            item.id(),
            error == null ? jsons.writeForStorage(actual) : null,
            error,
            score,
            detail,
            micros,
            usage.inputTokens,
            usage.outputTokens,
            usage.cost,
            usage.calls,
            sink.childRuns().isEmpty() ? runId : sink.childRuns().get(0));
    results.save(row);
    return result(row);
  }

  private record Usage(int inputTokens, int outputTokens, BigDecimal cost, int calls) {}

  /** Tokens and cost from the trace store when it has the calls, else from the calls heard here. */
  private Usage usage(CallCollector.Sink sink, List<String> runIds) {
    if (traces.isPresent()) {
      try {
        LlmCalls store = traces.get();
        store.flush(Duration.ofSeconds(2));
        List<LlmCallRecord> records = new ArrayList<>();
        for (String r : runIds) {
          records.addAll(store.byRun(r));
        }
        if (!records.isEmpty() || sink.size() == 0) {
          return new Usage(
              records.stream().mapToInt(LlmCallRecord::inputTokens).sum(),
              records.stream().mapToInt(LlmCallRecord::outputTokens).sum(),
              records.stream().map(x -> x.cost() == null ? BigDecimal.ZERO : x.cost()).reduce(BigDecimal.ZERO, BigDecimal::add),
              records.size());
        }
      } catch (RuntimeException e) {
        LOG.debug("trace store not readable; using the calls heard by the listener", e);
      }
    }
    return new Usage(sink.inputTokens(), sink.outputTokens(), sink.cost(), sink.size());
  }

  private ConfigSummary summarise(String configuration, List<ItemResult> items) {
    List<Double> scored = items.stream().map(ItemResult::score).filter(s -> s != null).toList();
    double[] xs = scored.stream().mapToDouble(Double::doubleValue).toArray();
    double[] ci = Stats.bootstrapCi95(xs);
    List<Long> latencies = items.stream().map(ItemResult::latencyMicros).toList();
    return new ConfigSummary(
        configuration,
        items.size(),
        xs.length,
        (int) items.stream().filter(i -> i.error() != null).count(),
        finite(Stats.mean(xs)),
        finite(ci[0]),
        finite(ci[1]),
        finite(Stats.quantile(latencies, 0.5) / 1000.0),
        finite(Stats.quantile(latencies, 0.95) / 1000.0),
        items.stream().mapToLong(ItemResult::inputTokens).sum(),
        items.stream().mapToLong(ItemResult::outputTokens).sum(),
        items.stream().map(ItemResult::cost).reduce(BigDecimal.ZERO, BigDecimal::add),
        items.stream().mapToInt(ItemResult::calls).sum(),
        outcomes(items));
  }

  /** Items per outcome label: a score detail of the form "[label] ..." (scorers that tell right from wrong from not answered). */
  static java.util.Map<String, Integer> outcomes(List<ItemResult> items) {
    java.util.Map<String, Integer> out = new java.util.TreeMap<>();
    for (ItemResult i : items) {
      String d = i.scoreDetail();
      if (d != null && d.startsWith("[") && d.indexOf(']') > 1) {
        out.merge(d.substring(1, d.indexOf(']')), 1, Integer::sum);
      }
    }
    return out;
  }

  private static Double finite(double d) {
    return Double.isFinite(d) ? Math.round(d * 10000.0) / 10000.0 : null;
  }

  private ItemResult result(ExperimentItemEntity e) {
    return new ItemResult(
        e.configuration(),
        e.itemKey(),
        jsons.read(e.output()),
        e.error(),
        e.score(),
        e.scoreDetail(),
        e.latencyMicros(),
        e.inputTokens(),
        e.outputTokens(),
        e.cost(),
        e.calls(),
        e.runId());
  }

  /** An experiment with its progress and summary. */
  public Optional<ExperimentView> view(String id) {
    return experiments.findById(id).map(this::view);
  }

  private ExperimentView view(ExperimentEntity e) {
    SetInfo set = sets.byId(e.setId()).orElse(null);
    List<Configuration> configs = List.of(jsons.read(e.configurations(), Configuration[].class));
    List<ConfigSummary> summary =
        e.summary() == null ? List.of() : List.of(jsons.read(e.summary(), ConfigSummary[].class));
    return new ExperimentView(
        e.id(),
        e.task(),
        e.setId(),
        set == null ? "?" : set.name(),
        set == null ? 0 : set.version(),
        e.scorer(),
        configs,
        e.status(),
        e.done(),
        e.total(),
        summary,
        e.error(),
        e.createdBy(),
        e.createdAt(),
        e.finishedAt());
  }

  /** The newest experiments, of one task when given. */
  public List<ExperimentView> list(@Nullable String task, int limit) {
    Pageable page = Pageable.from(0, Math.max(1, Math.min(limit, 200)), Sort.of(Sort.Order.desc("createdAt")));
    return (task == null ? experiments.findAll(page) : experiments.findByTask(task, page)).stream()
        .map(this::view)
        .toList();
  }

  /** The per-item results of an experiment, of one configuration when given. */
  public List<ItemResult> items(String id, @Nullable String configuration) {
    if (experiments.findById(id).isEmpty()) {
      throw ProblemException.notFound("experiment " + id);
    }
    return (configuration == null
            ? results.findByExperimentIdOrderBySeq(id)
            : results.findByExperimentIdAndConfigurationOrderBySeq(id, configuration))
        .stream()
        .map(this::result)
        .toList();
  }

  /**
   * Compares two configurations item by item. Each side is {@code <experimentId>} (its first
   * configuration) or {@code <experimentId>:<configuration>}.
   */
  public Comparison compare(String a, String b) {
    ExperimentView ea = experiment(a);
    ExperimentView eb = experiment(b);
    String ca = configuration(ea, a);
    String cb = configuration(eb, b);
    Map<String, ItemResult> ra = byItem(items(ea.id(), ca));
    Map<String, ItemResult> rb = byItem(items(eb.id(), cb));
    Map<String, EvalItem> setItems = new LinkedHashMap<>();
    sets.items(ea.setId()).forEach(i -> setItems.put(i.id(), i));
    if (!eb.setId().equals(ea.setId())) {
      sets.items(eb.setId()).forEach(i -> setItems.putIfAbsent(i.id(), i));
    }
    List<ItemComparison> out = new ArrayList<>();
    int better = 0;
    int worse = 0;
    int same = 0;
    double deltaSum = 0;
    int deltas = 0;
    List<String> keys = new ArrayList<>(ra.keySet());
    rb.keySet().stream().filter(k -> !ra.containsKey(k)).forEach(keys::add);
    for (String k : keys) {
      ItemResult x = ra.get(k);
      ItemResult y = rb.get(k);
      EvalItem item = setItems.get(k);
      Double sa = x == null ? null : x.score();
      Double sb = y == null ? null : y.score();
      Double delta = sa != null && sb != null ? sb - sa : null;
      if (delta != null) {
        deltaSum += delta;
        deltas++;
        if (delta > 1e-9) {
          better++;
        } else if (delta < -1e-9) {
          worse++;
        } else {
          same++;
        }
      }
      JsonNode oa = x == null ? JsonNode.nullNode() : x.output();
      JsonNode ob = y == null ? JsonNode.nullNode() : y.output();
      out.add(
          new ItemComparison(
              k,
              item == null ? JsonNode.nullNode() : item.input(),
              item == null ? null : item.expected(),
              oa,
              ob,
              sa,
              sb,
              delta,
              x == null ? null : x.scoreDetail(),
              y == null ? null : y.scoreDetail(),
              x == null ? null : x.error(),
              y == null ? null : y.error(),
              jsons.canonical(oa).equals(jsons.canonical(ob))));
    }
    return new Comparison(
        side(ea, ca),
        side(eb, cb),
        deltas == 0 ? null : finite(deltaSum / deltas),
        better,
        worse,
        same,
        out);
  }

  private ExperimentView experiment(String ref) {
    String id = ref.contains(":") ? ref.substring(0, ref.indexOf(':')) : ref;
    return view(id).orElseThrow(() -> ProblemException.notFound("experiment " + id));
  }

  private static String configuration(ExperimentView e, String ref) {
    if (!ref.contains(":")) {
      return e.configurations().get(0).name();
    }
    String c = ref.substring(ref.indexOf(':') + 1);
    if (e.configurations().stream().noneMatch(x -> x.name().equals(c))) {
      throw ProblemException.badRequest(
          "unknown-configuration",
          "experiment " + e.id() + " has no configuration '" + c + "'; it has "
              + e.configurations().stream().map(Configuration::name).toList());
    }
    return c;
  }

  private static Side side(ExperimentView e, String configuration) {
    return new Side(
        e.id(),
        configuration,
        e.set(),
        e.setVersion(),
        e.summary().stream().filter(s -> s.configuration().equals(configuration)).findFirst().orElse(null));
  }

  private static Map<String, ItemResult> byItem(List<ItemResult> items) {
    Map<String, ItemResult> out = new LinkedHashMap<>();
    items.forEach(i -> out.put(i.itemId(), i));
    return out;
  }
}
