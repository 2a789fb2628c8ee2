package com.carmutual.shared.llmops.shadow;

import com.carmutual.shared.gateway.TaskVersion;
import com.carmutual.shared.llmops.annotate.AnnotationView;
import com.carmutual.shared.llmops.annotate.StoredAnnotations;
import com.carmutual.shared.llmops.eval.Scorer;
import com.carmutual.shared.llmops.eval.experiment.Stats;
import com.carmutual.shared.llmops.shadow.ChallengerViews.AgainstAnnotations;
import com.carmutual.shared.llmops.shadow.ChallengerViews.ChallengerView;
import com.carmutual.shared.llmops.shadow.ChallengerViews.Counts;
import com.carmutual.shared.llmops.shadow.ChallengerViews.Estimate;
import com.carmutual.shared.llmops.shadow.ChallengerViews.SideFigures;
import com.carmutual.shared.llmops.support.Jsons;
import com.carmutual.shared.llmops.version.TaskVersions;
import com.carmutual.shared.problem.ProblemException;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The challenger of each task: started and ended through the API (stored, so every instance
 * sharing the database runs it within {@code suite.llmops.shadow.refresh}), sampled by {@link
 * ShadowRunner}, and summarised from its stored results: agreement with the champion, score
 * against it, scores of both against annotations, latency and cost.
 */
@Singleton
public class Challengers {
  static final String ACTIVE = "active";
  static final String ENDED = "ended";
  /** Results read for a summary: the newest this many. */
  static final int SUMMARY_ROWS = 10_000;

  /** A running challenger as the sampler sees it. */
  static final class Live {
    final ChallengerEntity entity;
    final TaskVersion version;
    final AtomicLong sampled;
    final AtomicLong dropped;
    final AtomicLong run = new AtomicLong();
    final AtomicLong failed = new AtomicLong();

    Live(ChallengerEntity entity) {
      this.entity = entity;
      this.version = new TaskVersion(entity.routeVersion(), entity.promptVersion());
      this.sampled = new AtomicLong(entity.sampled());
      this.dropped = new AtomicLong(entity.dropped());
    }
  }

  private final ChallengerRepository challengers;
  private final ShadowResultRepository results;
  private final TaskVersions versions;
  private final BeanProvider<StoredAnnotations> annotations;
  private final Jsons jsons;
  private final Clock clock;
  private final long refreshNanos;
  private final ReentrantLock reloading = new ReentrantLock();
  private final Map<String, Live> byTask = new ConcurrentHashMap<>();
  private volatile long loadedNanos = Long.MIN_VALUE;

  Challengers(
      ChallengerRepository challengers,
      ShadowResultRepository results,
      TaskVersions versions,
      BeanProvider<StoredAnnotations> annotations,
      Jsons jsons,
      Clock clock,
      @Value("${suite.llmops.shadow.refresh:5s}") Duration refresh) {
    this.challengers = challengers;
    this.results = results;
    this.versions = versions;
    this.annotations = annotations;
    this.jsons = jsons;
    this.clock = clock;
    this.refreshNanos = refresh.toNanos();
  }

  /** The running challenger of {@code task}, if any; cheap enough for every call. */
  @Nullable
  Live active(String task) {
    long loaded = loadedNanos;
    if (loaded == Long.MIN_VALUE || System.nanoTime() - loaded > refreshNanos) {
      reload();
    }
    return byTask.get(task);
  }

  private void reload() {
    if (!reloading.tryLock()) {
      return;
    }
    try {
      Map<String, ChallengerEntity> stored = new HashMap<>();
      challengers.findByStatus(ACTIVE).forEach(c -> stored.put(c.task(), c));
      byTask.keySet().removeIf(task -> !stored.containsKey(task) || !stored.get(task).id().equals(byTask.get(task).entity.id()));
      stored.forEach((task, c) -> byTask.computeIfAbsent(task, t -> new Live(c)));
      loadedNanos = System.nanoTime();
    } catch (RuntimeException e) {
      loadedNanos = System.nanoTime(); // keep what we have; try again after the refresh interval
    } finally {
      reloading.unlock();
    }
  }

  /** Starts a challenger of {@code task}, ending the one it replaces. */
  public ChallengerView start(String task, ChallengerViews.ChallengerRequest request, String actor) {
    if (request == null || request.sampleRate() == null || !(request.sampleRate() > 0 && request.sampleRate() <= 1)) {
      throw ProblemException.badRequest("invalid-challenger", "sampleRate must be a number in (0, 1]; got "
          + (request == null ? null : request.sampleRate()));
    }
    TaskVersion version = new TaskVersion(blankToNull(request.route()), blankToNull(request.promptVersion()));
    if (version.routeVersion() == null && version.promptVersion() == null) {
      throw ProblemException.badRequest("invalid-challenger", "a challenger needs a route and/or a promptVersion");
    }
    versions.checkKnown(task, version);
    endIfRunning(task);
    ChallengerEntity e = new ChallengerEntity(UUID.randomUUID().toString(), task, version.routeVersion(),
        version.promptVersion(), request.sampleRate(), ACTIVE, 0, 0, actor, clock.instant(), null);
    challengers.save(e);
    byTask.put(task, new Live(e));
    return view(e);
  }

  /** Ends the running challenger of {@code task}; its results stay. */
  public ChallengerView end(String task) {
    Optional<ChallengerEntity> ended = endIfRunning(task);
    return view(ended.orElseThrow(() -> ProblemException.notFound("a running challenger of task " + task)));
  }

  private Optional<ChallengerEntity> endIfRunning(String task) {
    reload();
    Live live = byTask.remove(task);
    Optional<ChallengerEntity> running = live != null ? Optional.of(live.entity)
        : challengers.findByTaskOrderByStartedAtDesc(task).stream().filter(c -> ACTIVE.equals(c.status())).findFirst();
    running.ifPresent(c -> challengers.end(c.id(), ENDED, live == null ? c.sampled() : live.sampled.get(),
        live == null ? c.dropped() : live.dropped.get(), clock.instant()));
    return running.flatMap(c -> challengers.findById(c.id()));
  }

  /** The running challenger of {@code task}, else its last one. */
  public Optional<ChallengerView> current(String task) {
    reload();
    Live live = byTask.get(task);
    if (live != null) {
      challengers.counts(live.entity.id(), live.sampled.get(), live.dropped.get());
      return Optional.of(view(live.entity));
    }
    return challengers.findByTaskOrderByStartedAtDesc(task).stream().findFirst().map(this::view);
  }

  /** The newest challenger of {@code task} that ran {@code version} and has results. */
  public Optional<ChallengerView> resultsFor(String task, TaskVersion version) {
    return challengers.findByTaskOrderByStartedAtDesc(task).stream()
        .filter(c -> eq(c.routeVersion(), version.routeVersion()) && eq(c.promptVersion(), version.promptVersion()))
        .map(this::view)
        .filter(v -> v.counts().run() > 0)
        .findFirst();
  }

  void stored(Live live, ShadowResultEntity row) {
    results.save(row);
    if (row.challengerError() == null) {
      live.run.incrementAndGet();
    } else {
      live.failed.incrementAndGet();
    }
  }

  /** The name of the scorer results were scored with, set by the runner. */
  private final Map<String, String> scorerByTask = new ConcurrentHashMap<>();

  void scoredWith(String task, Scorer scorer) {
    scorerByTask.put(task, scorer.name());
  }

  private ChallengerView view(ChallengerEntity c) {
    Live live = byTask.get(c.task());
    boolean running = live != null && live.entity.id().equals(c.id());
    List<ShadowResultEntity> rows = results.findByChallengerId(c.id(),
        Pageable.from(0, SUMMARY_ROWS, Sort.of(Sort.Order.desc("createdAt"))));
    List<ShadowResultEntity> ok = rows.stream().filter(r -> r.challengerError() == null).toList();
    long agreeing = ok.stream().filter(ShadowResultEntity::agree).count();
    double[] scores = ok.stream().filter(r -> r.score() != null).mapToDouble(ShadowResultEntity::score).toArray();
    return new ChallengerView(
        c.id(),
        c.task(),
        new TaskVersion(c.routeVersion(), c.promptVersion()),
        c.sampleRate(),
        c.status(),
        new Counts(running ? live.sampled.get() : c.sampled(), ok.size(), running ? live.dropped.get() : c.dropped(),
            rows.size() - ok.size()),
        proportion(agreeing, ok.size()),
        scorerByTask.get(c.task()),
        mean(scores),
        againstAnnotations(c.task(), ok),
        figures(ok, true),
        figures(ok, false),
        c.startedBy(),
        c.startedAt(),
        c.endedAt());
  }

  private AgainstAnnotations againstAnnotations(String task, List<ShadowResultEntity> rows) {
    Map<String, JsonNode> labelled = new HashMap<>();
    // looked up when read: annotations need the single ActiveVersions, which the sampler must not
    for (AnnotationView a : annotations.get().list(task, null, 1000)) {
      JsonNode approved = a.approvedOutput();
      if (approved != null) {
        labelled.putIfAbsent(Jsons.sha256(jsons.canonical(a.input())), approved);
      }
    }
    List<Double> champion = new ArrayList<>();
    List<Double> challenger = new ArrayList<>();
    for (ShadowResultEntity r : rows) {
      JsonNode expected = labelled.get(r.inputKey());
      if (expected != null) {
        String want = jsons.canonical(expected);
        champion.add(want.equals(jsons.canonical(jsons.read(r.championOutput()))) ? 1.0 : 0.0);
        challenger.add(want.equals(jsons.canonical(jsons.read(r.challengerOutput()))) ? 1.0 : 0.0);
      }
    }
    return new AgainstAnnotations(champion.size(),
        mean(champion.stream().mapToDouble(Double::doubleValue).toArray()),
        mean(challenger.stream().mapToDouble(Double::doubleValue).toArray()));
  }

  private static SideFigures figures(List<ShadowResultEntity> rows, boolean champion) {
    List<Long> latencies = rows.stream()
        .map(r -> champion ? r.championLatencyMicros() : r.challengerLatencyMicros()).toList();
    BigDecimal cost = rows.stream().map(r -> champion ? r.championCost() : r.challengerCost())
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    return new SideFigures(ms(Stats.quantile(latencies, 0.5)), ms(Stats.quantile(latencies, 0.95)), cost);
  }

  static Estimate proportion(long successes, long n) {
    double[] ci = Stats.wilson95(successes, n);
    return new Estimate(n, n == 0 ? null : round((double) successes / n), finite(ci[0]), finite(ci[1]));
  }

  static Estimate mean(double[] xs) {
    double[] ci = Stats.bootstrapCi95(xs);
    return new Estimate(xs.length, finite(Stats.mean(xs)), finite(ci[0]), finite(ci[1]));
  }

  private static Double ms(double micros) {
    return Double.isFinite(micros) ? round(micros / 1000.0) : null;
  }

  private static Double finite(double d) {
    return Double.isFinite(d) ? round(d) : null;
  }

  private static double round(double d) {
    return Math.round(d * 10000.0) / 10000.0;
  }

  private static boolean eq(@Nullable String a, @Nullable String b) {
    return a == null ? b == null : a.equals(b);
  }

  private static String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
