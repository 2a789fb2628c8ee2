package com.carmutual.shared.llmops.annotate;

import com.carmutual.shared.gateway.AnswerSource;
import com.carmutual.shared.gateway.local.LocalEmbeddings;
import com.carmutual.shared.llmops.support.ExperimentScope;
import com.carmutual.shared.llmops.support.Jsons;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.tree.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Annotation reply: for the tasks named in {@code suite.llmops.annotation-reply}, a call whose
 * input equals an annotated one, or is close enough to it (cosine of in-process embeddings of the
 * input's text at or above the task's threshold), is answered with the human-approved output (the
 * correction, else the output marked correct) without calling a model. The newest annotation of an
 * input wins. Every hit is counted on the annotation and logged. Experiments switch it off so they
 * measure the models, not the annotations.
 */
@Singleton
@Requires(beans = DataSource.class)
final class AnnotationReply implements AnswerSource {
  private static final Logger LOG = LoggerFactory.getLogger(AnnotationReply.class);

  private record Candidate(String id, String inputKey, float[] embedding, String answerJson) {}

  private record Index(List<Candidate> candidates, long loadedNanos) {}

  private final Map<String, ReplyRule> rules = new HashMap<>();
  private final AnnotationRepository repository;
  private final LocalEmbeddings embeddings;
  private final Jsons jsons;
  private final Clock clock;
  private final long refreshNanos;
  private final Map<String, Index> indexes = new ConcurrentHashMap<>();
  private final Map<String, float[]> embeddingById = new ConcurrentHashMap<>();
  /** Embeddings of recently asked inputs: a repeated question is not embedded again. */
  private final Cache<String, float[]> probes = Caffeine.newBuilder().maximumSize(2_000).build();
  /** Hit counts are written off the call path, in order, by one thread. */
  private final ExecutorService hitWriter =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "llmops-annotation-hits");
            t.setDaemon(true);
            return t;
          });

  AnnotationReply(
      List<ReplyRule> configured,
      AnnotationRepository repository,
      LocalEmbeddings embeddings,
      Jsons jsons,
      Clock clock,
      @Value("${suite.llmops.annotation-reply-refresh:2s}") Duration refresh) {
    for (ReplyRule r : configured) {
      rules.put(r.getTask(), r);
    }
    this.repository = repository;
    this.embeddings = embeddings;
    this.jsons = jsons;
    this.clock = clock;
    this.refreshNanos = refresh.toNanos();
  }

  @PreDestroy
  void stop() throws InterruptedException {
    hitWriter.shutdown();
    hitWriter.awaitTermination(5, TimeUnit.SECONDS);
  }

  /** Waits until every hit counted so far is stored (tests, shutdown). */
  void flushHits() {
    try {
      hitWriter.submit(() -> {}).get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("annotation hits not flushed", e);
    }
  }

  /** Forgets the cached annotations of a task (called when one is recorded here). */
  void invalidate(String task) {
    indexes.remove(task);
  }

  boolean enabledFor(String task) {
    return rules.containsKey(task);
  }

  @Override
  public Optional<PresetAnswer> answer(String task, String inputJson) {
    ReplyRule rule = rules.get(task);
    if (rule == null || ExperimentScope.active()) {
      return Optional.empty();
    }
    try {
      List<Candidate> candidates = index(task).candidates();
      if (candidates.isEmpty()) {
        return Optional.empty();
      }
      JsonNode input = jsons.read(inputJson);
      String key = Jsons.sha256(jsons.canonical(input));
      for (Candidate c : candidates) {
        if (c.inputKey().equals(key)) {
          return hit(task, c, 1.0, "exact");
        }
      }
      float[] probe = probes.get(key, k -> embeddings.embed(List.of(jsons.leafText(input))).get(0));
      Candidate best = null;
      double bestScore = -1;
      for (Candidate c : candidates) {
        double s = LocalEmbeddings.cosine(probe, c.embedding());
        if (s > bestScore) {
          bestScore = s;
          best = c;
        }
      }
      if (best != null && bestScore >= rule.getThreshold()) {
        return hit(task, best, bestScore, "similar");
      }
      return Optional.empty();
    } catch (RuntimeException e) {
      LOG.warn("annotation reply for {} failed; the call goes to the model", task, e);
      return Optional.empty();
    }
  }

  private Optional<PresetAnswer> hit(String task, Candidate c, double similarity, String how) {
    LOG.info(
        "annotation reply: task={} annotation={} match={} similarity={}",
        task,
        c.id(),
        how,
        String.format("%.4f", similarity));
    var at = clock.instant();
    hitWriter.execute(
        () -> {
          try {
            repository.recordHit(c.id(), at);
          } catch (RuntimeException e) {
            LOG.warn("hit on annotation {} could not be counted", c.id(), e);
          }
        });
    return Optional.of(new PresetAnswer(c.answerJson(), "annotation:" + c.id()));
  }

  private Index index(String task) {
    Index known = indexes.get(task);
    if (known != null && System.nanoTime() - known.loadedNanos() <= refreshNanos) {
      return known;
    }
    synchronized (this) {
      known = indexes.get(task);
      if (known != null && System.nanoTime() - known.loadedNanos() <= refreshNanos) {
        return known;
      }
      Map<String, AnnotationEntity> newestByInput = new LinkedHashMap<>();
      for (AnnotationEntity e : repository.findByTaskOrderByCreatedAt(task)) {
        newestByInput.remove(e.inputKey());
        newestByInput.put(e.inputKey(), e); // later rows replace earlier ones
      }
      List<AnnotationEntity> usable = new ArrayList<>();
      List<String> toEmbed = new ArrayList<>();
      for (AnnotationEntity e : newestByInput.values()) {
        if (answerOf(e) != null) {
          usable.add(e);
          if (!embeddingById.containsKey(e.id())) {
            toEmbed.add(e.id());
          }
        }
      }
      if (!toEmbed.isEmpty()) {
        List<String> texts = new ArrayList<>();
        for (AnnotationEntity e : usable) {
          if (toEmbed.contains(e.id())) {
            texts.add(jsons.leafText(jsons.read(e.input())));
          }
        }
        List<float[]> vectors = embeddings.embed(texts);
        for (int i = 0; i < toEmbed.size(); i++) {
          embeddingById.put(toEmbed.get(i), vectors.get(i));
        }
      }
      List<Candidate> candidates = new ArrayList<>();
      for (AnnotationEntity e : usable) {
        candidates.add(new Candidate(e.id(), e.inputKey(), embeddingById.get(e.id()), answerOf(e)));
      }
      Index fresh = new Index(List.copyOf(candidates), System.nanoTime());
      indexes.put(task, fresh);
      return fresh;
    }
  }

  /** The approved answer's JSON, or null when the annotation approves nothing. */
  private String answerOf(AnnotationEntity e) {
    if (e.correctedOutput() != null && !jsons.read(e.correctedOutput()).isNull()) {
      return e.correctedOutput();
    }
    if (Boolean.TRUE.equals(e.correct()) && e.output() != null && !jsons.read(e.output()).isNull()) {
      return e.output();
    }
    return null;
  }
}
