package com.carmutual.shared.llmops.shadow;

import com.carmutual.shared.gateway.CallObserver;
import com.carmutual.shared.gateway.CallScope;
import com.carmutual.shared.gateway.GatewayOverrides;
import com.carmutual.shared.gateway.LlmGateway;
import com.carmutual.shared.gateway.ObservedCall;
import com.carmutual.shared.gateway.ShadowCalls;
import com.carmutual.shared.gateway.StructuredRequest;
import com.carmutual.shared.llmops.eval.EvalTarget;
import com.carmutual.shared.llmops.eval.Scorer;
import com.carmutual.shared.llmops.eval.score.Scorers;
import com.carmutual.shared.llmops.support.ExperimentScope;
import com.carmutual.shared.llmops.support.Jsons;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.tree.JsonNode;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a task's challenger on a sampled share of the champion's answered structured calls, after
 * the champion has answered and off the request path: the caller's thread only draws the sample
 * and offers the item to a bounded queue ({@code suite.llmops.shadow.queue-size}, default 1000)
 * served by {@code suite.llmops.shadow.threads} (default 2) threads; a full queue drops the item
 * and counts it. The challenger's answer is compared with the champion's and stored; it never
 * reaches a caller.
 */
@Singleton
@Requires(beans = DataSource.class)
final class ShadowRunner implements CallObserver {
  private static final Logger LOG = LoggerFactory.getLogger(ShadowRunner.class);

  private final Challengers challengers;
  private final BeanProvider<LlmGateway> gateway;
  private final Jsons jsons;
  private final Scorers scorers;
  private final Map<String, EvalTarget> targets = new HashMap<>();
  private final Clock clock;
  private final ThreadPoolExecutor executor;
  /** The shadow call's own figures, handed from {@link #observe} to the job on the same thread. */
  private final ThreadLocal<ObservedCall> lastShadowCall = new ThreadLocal<>();

  ShadowRunner(
      Challengers challengers,
      BeanProvider<LlmGateway> gateway,
      Jsons jsons,
      Scorers scorers,
      List<EvalTarget> evalTargets,
      Clock clock,
      @Value("${suite.llmops.shadow.queue-size:1000}") int queueSize,
      @Value("${suite.llmops.shadow.threads:2}") int threads) {
    this.challengers = challengers;
    this.gateway = gateway;
    this.jsons = jsons;
    this.scorers = scorers;
    this.clock = clock;
    evalTargets.forEach(t -> targets.put(t.task(), t));
    AtomicInteger n = new AtomicInteger();
    this.executor = new ThreadPoolExecutor(Math.max(1, threads), Math.max(1, threads), 30, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(Math.max(1, queueSize)), r -> {
          Thread t = new Thread(r, "llmops-shadow-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    executor.allowCoreThreadTimeOut(true);
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }

  @Override
  public void observe(ObservedCall call) {
    if (call.shadow()) {
      lastShadowCall.set(call);
      return;
    }
    if (call.request() == null || call.output() == null || !call.answered() || "answered_by_source".equals(call.outcome())
        || ExperimentScope.active() || GatewayOverrides.current(call.task()).isPresent()) {
      return;
    }
    Challengers.Live live = challengers.active(call.task());
    if (live == null || ThreadLocalRandom.current().nextDouble() >= live.entity.sampleRate()) {
      return;
    }
    live.sampled.incrementAndGet();
    try {
      executor.execute(() -> run(live, call));
    } catch (RejectedExecutionException full) {
      live.dropped.incrementAndGet();
    }
  }

  /** Items waiting for a shadow thread (for tests and the benchmark). */
  int queued() {
    return executor.getQueue().size() + executor.getActiveCount();
  }

  private void run(Challengers.Live live, ObservedCall champion) {
    String task = champion.task();
    StructuredRequest<?> request = champion.request();
    String id = UUID.randomUUID().toString();
    Object output = null;
    String error = null;
    lastShadowCall.remove();
    try {
      output = ShadowCalls.within(() -> ExperimentScope.within(() -> CallScope.within("shadow-" + id, "shadow:" + task,
          () -> GatewayOverrides.with(Map.of(task, live.version), () -> gateway.get().structured(request)))));
    } catch (RuntimeException e) {
      error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
    ObservedCall mine = lastShadowCall.get();
    lastShadowCall.remove();
    try {
      JsonNode championTree = jsons.tree(champion.output());
      JsonNode challengerTree = output == null ? null : jsons.tree(output);
      boolean agree = challengerTree != null && jsons.canonical(championTree).equals(jsons.canonical(challengerTree));
      Double score = challengerTree == null ? null : score(task, championTree, challengerTree, agree);
      challengers.stored(live, new ShadowResultEntity(
          id,
          live.entity.id(),
          task,
          Jsons.sha256(jsons.canonical(jsons.tree(request.input()))),
          jsons.writeForStorage(championTree),
          challengerTree == null ? null : jsons.writeForStorage(challengerTree),
          error,
          agree,
          score,
          champion.callId(),
          mine == null ? null : mine.callId(),
          champion.latencyMicros(),
          mine == null ? 0 : mine.latencyMicros(),
          champion.cost(),
          mine == null ? BigDecimal.ZERO : mine.cost(),
          clock.instant()));
    } catch (RuntimeException e) {
      live.failed.incrementAndGet();
      LOG.warn("shadow result of {} for task {} could not be stored: {}", live.entity.id(), task, e.toString());
    }
  }

  /** The task's evaluation scorer with the champion's output as the expected one; else agreement. */
  private Double score(String task, JsonNode champion, JsonNode challenger, boolean agree) {
    EvalTarget target = targets.get(task);
    if (target == null) {
      return agree ? 1.0 : 0.0;
    }
    try {
      Scorer scorer = scorers.resolve(target.defaultScorer());
      challengers.scoredWith(task, scorer);
      return Math.max(0, Math.min(1, scorer.score(champion, challenger).value()));
    } catch (RuntimeException e) {
      return agree ? 1.0 : 0.0;
    }
  }
}
