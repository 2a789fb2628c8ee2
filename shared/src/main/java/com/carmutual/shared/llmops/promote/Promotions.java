package com.carmutual.shared.llmops.promote;

import com.carmutual.shared.gateway.GatewayCatalog;
import com.carmutual.shared.gateway.TaskVersion;
import com.carmutual.shared.llmops.eval.experiment.ExperimentViews.ConfigSummary;
import com.carmutual.shared.llmops.eval.experiment.ExperimentViews.Configuration;
import com.carmutual.shared.llmops.eval.experiment.ExperimentViews.ExperimentRequest;
import com.carmutual.shared.llmops.eval.experiment.ExperimentViews.ExperimentView;
import com.carmutual.shared.llmops.eval.experiment.Experiments;
import com.carmutual.shared.llmops.eval.set.EvalSets;
import com.carmutual.shared.llmops.guard.Guardrails;
import com.carmutual.shared.llmops.promote.GateCheck.Measured;
import com.carmutual.shared.llmops.promote.PromotionViews.Candidate;
import com.carmutual.shared.llmops.promote.PromotionViews.Decision;
import com.carmutual.shared.llmops.promote.PromotionViews.GateResult;
import com.carmutual.shared.llmops.promote.PromotionViews.Gates;
import com.carmutual.shared.llmops.promote.PromotionViews.PromotionRequest;
import com.carmutual.shared.llmops.promote.PromotionViews.PromotionView;
import com.carmutual.shared.llmops.shadow.ChallengerViews.ChallengerView;
import com.carmutual.shared.llmops.shadow.Challengers;
import com.carmutual.shared.llmops.support.Jsons;
import com.carmutual.shared.llmops.version.TaskVersions;
import com.carmutual.shared.problem.ProblemException;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpStatus;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Promotes a candidate version of a task only if it passes every gate: runs the champion (the
 * versions in force when asked) and the candidate side by side on each evaluation set with {@link
 * Experiments}, adds the figures of a challenger that ran the candidate in shadow, decides each
 * gate with {@link GateCheck}, and switches the task's version when all pass. Promoted and rejected
 * alike go into the version audit; a promoted task is then watched by {@link Guardrails}.
 * Promotions run one at a time on a background thread.
 */
@Singleton
public class Promotions {
  private static final Logger LOG = LoggerFactory.getLogger(Promotions.class);
  static final String RUNNING = "running";
  static final String PROMOTED = "promoted";
  static final String REJECTED = "rejected";
  static final String CHAMPION = "champion";
  static final String CANDIDATE = "candidate";

  private final PromotionRepository promotions;
  private final Experiments experiments;
  private final EvalSets sets;
  private final TaskVersions versions;
  private final BeanProvider<GatewayCatalog> catalog;
  private final Challengers challengers;
  private final BeanProvider<Guardrails> guardrails;
  private final Jsons jsons;
  private final Clock clock;
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "llmops-promotions");
            t.setDaemon(true);
            return t;
          });

  Promotions(
      PromotionRepository promotions,
      Experiments experiments,
      EvalSets sets,
      TaskVersions versions,
      BeanProvider<GatewayCatalog> catalog,
      Challengers challengers,
      BeanProvider<Guardrails> guardrails,
      Jsons jsons,
      Clock clock) {
    this.promotions = promotions;
    this.experiments = experiments;
    this.sets = sets;
    this.versions = versions;
    this.catalog = catalog;
    this.challengers = challengers;
    this.guardrails = guardrails;
    this.jsons = jsons;
    this.clock = clock;
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }

  /** Checks and stores the promotion, queues it, and returns it {@code running}. */
  public PromotionView start(String task, PromotionRequest request, String actor) {
    Candidate c = request == null ? null : request.candidate();
    if (c == null || (blank(c.route()) && blank(c.promptVersion()))) {
      throw ProblemException.badRequest("invalid-promotion", "candidate needs a route and/or a promptVersion");
    }
    TaskVersion candidate = new TaskVersion(blankToNull(c.route()), blankToNull(c.promptVersion()));
    versions.checkKnown(task, candidate);
    List<String> setNames = request.evalSets() == null ? List.of()
        : request.evalSets().stream().filter(s -> !blank(s)).distinct().toList();
    if (setNames.isEmpty()) {
      throw ProblemException.badRequest("invalid-promotion", "evalSets must name at least one evaluation set of " + task);
    }
    for (String s : setNames) {
      if (sets.find(task, s, null).isEmpty()) {
        throw ProblemException.notFound("evaluation set " + task + "/" + s);
      }
    }
    if (!experiments.targetTasks().contains(task)) {
      throw ProblemException.badRequest("no-eval-target",
          "task " + task + " has no EvalTarget in this service; targets: " + experiments.targetTasks());
    }
    Gates g = request.gates();
    if (g == null || (g.minScore() == null && g.maxRegression() == null && g.maxCostRatio() == null
        && g.maxP95LatencyMs() == null)) {
      throw ProblemException.badRequest("invalid-promotion",
          "gates must set at least one of minScore, maxRegression, maxCostRatio, maxP95LatencyMs");
    }
    checkGate("minScore", g.minScore(), 0, 1);
    checkGate("maxRegression", g.maxRegression(), -1, 1);
    checkGate("maxCostRatio", g.maxCostRatio(), 0, Double.MAX_VALUE);
    checkGate("maxP95LatencyMs", g.maxP95LatencyMs(), 0, Double.MAX_VALUE);
    boolean busy = promotions.findByTask(task, Pageable.from(0, 20, Sort.of(Sort.Order.desc("createdAt")))).stream()
        .anyMatch(p -> RUNNING.equals(p.status()));
    if (busy) {
      throw new ProblemException(HttpStatus.CONFLICT, "promotion-running", "task " + task + " has a promotion running");
    }
    TaskVersion champion = catalog.get().effective(task);
    PromotionEntity e = new PromotionEntity(UUID.randomUUID().toString(), task, candidate.routeVersion(),
        candidate.promptVersion(), champion.routeVersion(), champion.promptVersion(), jsons.write(setNames),
        jsons.write(g), RUNNING, null, null, null, actor, clock.instant(), null);
    promotions.save(e);
    executor.submit(() -> run(e, candidate, champion, setNames, g, actor));
    return view(e);
  }

  private void run(
      PromotionEntity e, TaskVersion candidate, TaskVersion champion, List<String> setNames, Gates gates, String actor) {
    String task = e.task();
    List<String> experimentIds = new ArrayList<>();
    try {
      List<ConfigSummary> championSummaries = new ArrayList<>();
      List<ConfigSummary> candidateSummaries = new ArrayList<>();
      for (String set : setNames) {
        ExperimentView x = experiments.runNow(new ExperimentRequest(task, set, null, List.of(
            new Configuration(CHAMPION, Map.of(task, champion)),
            new Configuration(CANDIDATE, Map.of(task, candidate))), null, null), actor, null);
        experimentIds.add(x.id());
        if (!"done".equals(x.status())) {
          throw new IllegalStateException("experiment " + x.id() + " on set " + set + " ended " + x.status()
              + (x.error() == null ? "" : ": " + x.error()));
        }
        x.summary().stream().filter(s -> s.configuration().equals(CHAMPION)).forEach(championSummaries::add);
        x.summary().stream().filter(s -> s.configuration().equals(CANDIDATE)).forEach(candidateSummaries::add);
      }
      Measured fromExperiments = measure(championSummaries, candidateSummaries);
      Optional<ChallengerView> shadow = challengers.resultsFor(task, candidate);
      List<GateResult> results = GateCheck.check(gates, fromExperiments, shadow.map(Promotions::measure).orElse(null));
      boolean pass = GateCheck.allPass(results);
      String summary = results.stream()
          .map(r -> r.gate() + " " + r.measured() + (r.passed() ? " passes " : " fails ") + r.threshold())
          .collect(Collectors.joining("; "));
      String reason = "promotion " + e.id() + ": " + summary + "; experiments " + experimentIds
          + shadow.map(s -> "; shadow challenger " + s.id()).orElse("");
      if (pass) {
        TaskVersion before = versions.task(task).map(t -> t.active()).orElse(null);
        versions.decide(task, "promote", candidate, actor, reason, true);
        guardrails.ifPresent(g -> g.watch(task, e.id(), candidate, before == null ? new TaskVersion(null, null) : before));
      } else {
        versions.decide(task, "promotion-rejected", candidate, actor, reason, false);
      }
      promotions.finish(e.id(), pass ? PROMOTED : REJECTED,
          jsons.write(new Decision(results, shadow.map(ChallengerView::id).orElse(null))), jsons.write(experimentIds),
          null, clock.instant());
    } catch (RuntimeException ex) {
      LOG.warn("promotion {} of {} failed", e.id(), task, ex);
      String error = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
      try {
        versions.decide(task, "promotion-rejected", candidate, actor, "promotion " + e.id() + " failed: " + error, false);
      } catch (RuntimeException auditFailure) {
        LOG.warn("promotion {} rejection could not be audited", e.id(), auditFailure);
      }
      promotions.finish(e.id(), REJECTED, null, jsons.write(experimentIds), error, clock.instant());
    }
  }

  /** Pooled over sets: mean scores weighted by scored items, costs summed, the worst p95. */
  static Measured measure(List<ConfigSummary> champion, List<ConfigSummary> candidate) {
    Double championScore = pooledMean(champion);
    Double candidateScore = pooledMean(candidate);
    BigDecimal championCost = champion.stream().map(ConfigSummary::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal candidateCost = candidate.stream().map(ConfigSummary::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
    Double p95 = candidate.stream().map(ConfigSummary::latencyP95Ms).filter(x -> x != null)
        .max(Double::compare).orElse(null);
    return new Measured(candidateScore,
        championScore == null || candidateScore == null ? null : championScore - candidateScore,
        ratio(candidateCost, championCost), p95);
  }

  /** Figures of live traffic: regression against annotations (when labelled), cost ratio, the challenger's p95. */
  static Measured measure(ChallengerView shadow) {
    var a = shadow.annotations();
    Double regression = a.items() > 0 && a.champion().value() != null && a.challenger().value() != null
        ? a.champion().value() - a.challenger().value() : null;
    return new Measured(a.items() > 0 ? a.challenger().value() : null, regression,
        ratio(shadow.challengerFigures().costUsd(), shadow.champion().costUsd()),
        shadow.challengerFigures().latencyP95Ms());
  }

  @Nullable
  private static Double ratio(BigDecimal candidate, BigDecimal champion) {
    if (champion.signum() == 0) {
      return candidate.signum() == 0 ? 1.0 : null;
    }
    return candidate.divide(champion, MathContext.DECIMAL64).doubleValue();
  }

  @Nullable
  private static Double pooledMean(List<ConfigSummary> summaries) {
    double sum = 0;
    int n = 0;
    for (ConfigSummary s : summaries) {
      if (s.meanScore() != null && s.scored() > 0) {
        sum += s.meanScore() * s.scored();
        n += s.scored();
      }
    }
    return n == 0 ? null : sum / n;
  }

  /** A promotion by id. */
  public Optional<PromotionView> find(String id) {
    return promotions.findById(id).map(this::view);
  }

  /** The newest promotions of a task. */
  public List<PromotionView> list(String task, int limit) {
    return promotions.findByTask(task, Pageable.from(0, Math.max(1, Math.min(limit, 200)),
        Sort.of(Sort.Order.desc("createdAt")))).stream().map(this::view).toList();
  }

  private PromotionView view(PromotionEntity e) {
    Decision d = e.results() == null ? new Decision(List.of(), null) : jsons.read(e.results(), Decision.class);
    return new PromotionView(e.id(), e.task(), new TaskVersion(e.candidateRoute(), e.candidatePrompt()),
        new TaskVersion(e.championRoute(), e.championPrompt()), List.of(jsons.read(e.evalSets(), String[].class)),
        jsons.read(e.gates(), Gates.class), e.status(), d.results(),
        e.experimentIds() == null ? List.of() : List.of(jsons.read(e.experimentIds(), String[].class)),
        d.shadowChallengerId(), e.error(), e.createdBy(), e.createdAt(), e.finishedAt());
  }

  private static void checkGate(String name, @Nullable Double value, double min, double max) {
    if (value != null && (value.isNaN() || value < min || value > max)) {
      throw ProblemException.badRequest("invalid-promotion", "gates." + name + " must be in [" + min + ", " + max
          + "]; got " + value);
    }
  }

  private static boolean blank(@Nullable String s) {
    return s == null || s.isBlank();
  }

  @Nullable
  private static String blankToNull(@Nullable String s) {
    return blank(s) ? null : s;
  }
}
