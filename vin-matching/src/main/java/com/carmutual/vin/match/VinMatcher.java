package com.carmutual.vin.match;

import com.carmutual.shared.gateway.LlmException;
import com.carmutual.shared.gateway.LlmGateway;
import com.carmutual.shared.gateway.local.LocalEmbeddings;
import com.carmutual.shared.llmops.NodeKind;
import com.carmutual.shared.llmops.Workflows;
import com.carmutual.vin.catalog.Catalog;
import com.carmutual.vin.catalog.CatalogRow;
import com.carmutual.vin.decode.DecodedVin;
import com.carmutual.vin.decode.VinDecoder;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches a VIN (and hint) to the catalog as workflow {@code vin.match}: nodes {@code decode},
 * {@code candidates} (make, year, model family), {@code score} (attributes) and, only when rows
 * remain tied, the LLM node {@code rerank} (task {@code vin.rerank}; its failure keeps the
 * deterministic order).
 */
@Singleton
public class VinMatcher {
  static final String RERANK_TASK = "vin.rerank";
  private static final Logger LOG = LoggerFactory.getLogger(VinMatcher.class);
  private static final double EMBEDDING_MIN_COSINE = 0.85;

  private final VinDecoder decoder;
  private final Catalog catalog;
  private final Workflows workflows;
  private final LlmGateway gateway;
  private final Map<String, float[]> modelVectors = new ConcurrentHashMap<>();

  VinMatcher(VinDecoder decoder, Catalog catalog, Workflows workflows, LlmGateway gateway) {
    this.decoder = decoder;
    this.catalog = catalog;
    this.workflows = workflows;
    this.gateway = gateway;
  }

  /** Candidate rows of the vehicle's make and year with their model-family scores. */
  @Serdeable
  record Family(VehicleFacts facts, List<String> catalogIds, List<Double> modelScores, List<String> reasons) {}

  public MatchResult match(MatchRequest request) {
    Workflows.RunResult<MatchResult> run = workflows.run("vin.match", request, r -> {
      DecodedVin decoded = r.node("decode", NodeKind.DETERMINISTIC, request.vin(), () -> decoder.decode(request.vin()));
      Hint hint = Hint.parse(request.hint());
      List<Scoring.Scored> family = r.node("candidates", NodeKind.DETERMINISTIC, request,
          () -> family(VehicleFacts.of(decoded, hint)));
      VehicleFacts facts = VehicleFacts.of(decoded, hint);
      List<Scoring.Scored> scored = r.node("score", NodeKind.DETERMINISTIC, request, () -> family.stream()
          .map(s -> Scoring.attributes(s, facts)).sorted(Scoring.ORDER).toList());
      List<Scoring.Scored> fits = fits(scored);
      List<String> notes = new ArrayList<>(facts.notes());
      List<Scoring.Scored> ordered = scored;
      if (fits.size() > 1) {
        ordered = r.node("rerank", NodeKind.LLM, request, () -> rerank(decoded, request.hint(), fits, scored, notes));
      }
      return decide(decoded, ordered, fits, notes);
    });
    MatchResult out = run.output();
    return new MatchResult(out.vin(), out.decision(), out.confidence(), out.candidates(), out.decoded(), out.notes(),
        run.runId());
  }

  /** Catalog rows by canonical make, rebuilt when the catalog changes. */
  private record MakeIndex(long version, Map<String, List<CatalogRow>> byMake) {}

  private volatile MakeIndex index = new MakeIndex(-1, Map.of());

  private Map<String, List<CatalogRow>> byMake() {
    // version first: the rows read after it are at least that new, so a stale index rebuilds next time
    long v = catalog.version();
    List<CatalogRow> rows = catalog.rows();
    MakeIndex i = index;
    if (i.version() != v) {
      Map<String, List<CatalogRow>> m = new java.util.HashMap<>();
      for (CatalogRow row : rows) {
        m.computeIfAbsent(Names.make(row.make()), k -> new ArrayList<>()).add(row);
      }
      i = new MakeIndex(v, m);
      index = i;
    }
    return i.byMake();
  }

  private List<Scoring.Scored> family(VehicleFacts f) {
    List<Scoring.Scored> all = new ArrayList<>();
    List<CatalogRow> sameMakeYear = new ArrayList<>();
    Map<String, List<CatalogRow>> byMake = byMake();
    for (String make : f.makes()) {
      for (CatalogRow row : byMake.getOrDefault(make, List.of())) {
        if (f.year() != null && row.modelYear() != f.year()) {
          continue;
        }
        sameMakeYear.add(row);
        all.add(Scoring.model(row, f));
      }
    }
    double best = all.stream().mapToDouble(Scoring.Scored::modelScore).max().orElse(0);
    if (best == 0 && !f.modelKeys().isEmpty() && !sameMakeYear.isEmpty()) {
      all = embeddingFallback(sameMakeYear, f);
      best = all.stream().mapToDouble(Scoring.Scored::modelScore).max().orElse(0);
    }
    if (best < Scoring.FAMILY_THRESHOLD) {
      return List.of();
    }
    double floor = best - 0.049;
    return all.stream().filter(s -> s.modelScore() >= floor).toList();
  }

  /** Fuzzy model names with the in-process embeddings, only when no name relates deterministically. */
  private List<Scoring.Scored> embeddingFallback(List<CatalogRow> rows, VehicleFacts f) {
    List<Scoring.Scored> out = new ArrayList<>();
    try {
      String vin = f.modelKeys().get(f.modelKeys().size() - 1);
      float[] v = vector(vin);
      for (CatalogRow row : rows) {
        double cos = LocalEmbeddings.cosine(v, vector(Names.key(row.model())));
        double s = cos >= EMBEDDING_MIN_COSINE ? 0.5 + (cos - EMBEDDING_MIN_COSINE) : 0;
        out.add(new Scoring.Scored(row, s, s, 0, 0,
            List.of((s > 0 ? "+ " : "- ") + "model name similarity " + Math.round(cos * 100) / 100.0 + " (embeddings)")));
      }
    } catch (LlmException | IllegalStateException e) {
      LOG.warn("embeddings unavailable, fuzzy model names skipped: {}", e.getMessage());
    }
    return out;
  }

  private float[] vector(String name) {
    float[] v = modelVectors.get(name);
    if (v == null) {
      v = gateway.embed(List.of(name)).get(0);
      modelVectors.put(name, v);
    }
    return v;
  }

  /** Warms the embedding cache with every catalog model name (one batch call). */
  public void cacheCatalogVectors() {
    Set<String> names = new HashSet<>();
    catalog.rows().forEach(r -> names.add(Names.key(r.model())));
    names.removeAll(modelVectors.keySet());
    if (names.isEmpty()) {
      return;
    }
    List<String> list = new ArrayList<>(names);
    List<float[]> vectors = gateway.embed(list);
    for (int i = 0; i < list.size(); i++) {
      modelVectors.put(list.get(i), vectors.get(i));
    }
  }

  /** Rows that agree with everything known: fewest conflicts, then most trim words. */
  static List<Scoring.Scored> fits(List<Scoring.Scored> scored) {
    if (scored.isEmpty()) {
      return List.of();
    }
    int minConflicts = scored.get(0).conflicts();
    int maxTrim = scored.get(0).trimMatches();
    return scored.stream().filter(s -> s.conflicts() == minConflicts && s.trimMatches() == maxTrim).toList();
  }

  private List<Scoring.Scored> rerank(DecodedVin d, String hint, List<Scoring.Scored> fits, List<Scoring.Scored> all,
      List<String> notes) {
    List<RerankInput.Option> options = fits.stream()
        .map(s -> new RerankInput.Option(s.row().catalogId(), describe(s.row()))).toList();
    String vehicle = String.join(" ", nonNull(d.make(), d.model(), d.modelYear() == null ? null : d.modelYear().toString(),
        d.series(), d.trim(), d.displacementL() == null ? null : d.displacementL() + "L", d.bodyClass()));
    try {
      RerankOutput out = gateway.structured(RERANK_TASK, new RerankInput(vehicle, hint, options), RerankOutput.class);
      Map<String, Scoring.Scored> byId = new LinkedHashMap<>();
      fits.forEach(s -> byId.put(s.row().catalogId(), s));
      if (out == null || out.order() == null || out.order().size() != fits.size()
          || !new HashSet<>(out.order()).equals(byId.keySet())) {
        notes.add("rerank answer ignored: not a permutation of the tied rows");
        return all;
      }
      List<Scoring.Scored> ordered = new ArrayList<>();
      out.order().forEach(id -> ordered.add(byId.get(id)));
      all.stream().filter(s -> !byId.containsKey(s.row().catalogId())).forEach(ordered::add);
      return ordered;
    } catch (LlmException e) {
      notes.add("rerank unavailable (" + e.kind() + "): deterministic order kept");
      return all;
    }
  }

  private static MatchResult decide(DecodedVin d, List<Scoring.Scored> ordered, List<Scoring.Scored> fits,
      List<String> notes) {
    if (ordered.isEmpty()) {
      return new MatchResult(d.vin(), "no_match", d.make() == null ? 0.5 : 0.8, List.of(), d,
          withNote(notes, "no catalog row of this make, model family and year"), null);
    }
    boolean clean = fits.get(0).conflicts() == 0;
    String decision = fits.size() == 1 && clean && d.valid() ? "auto" : "review";
    double confidence = Confidence.of(decision, fits, d);
    if (!clean) {
      confidence = Math.round(confidence * 50) / 100.0;
    }
    Set<String> fitIds = new HashSet<>();
    fits.forEach(s -> fitIds.add(s.row().catalogId()));
    List<MatchResult.Candidate> candidates = new ArrayList<>();
    for (Scoring.Scored s : ordered) {
      // a row that conflicts with the VIN never "fits", even when it is the least bad
      boolean fit = clean && fitIds.contains(s.row().catalogId());
      double c = fit ? confidence / (decision.equals("auto") ? 1 : fits.size()) : 0.05 / (1 + s.conflicts());
      candidates.add(new MatchResult.Candidate(s.row().catalogId(), describe(s.row()), s.score(),
          Math.round(c * 1000) / 1000.0, fit, s.reasons()));
      if (candidates.size() >= 10) {
        break;
      }
    }
    if (!clean) {
      notes.add("every candidate conflicts with something the VIN or hint says: no row fits, a person must choose");
    }
    return new MatchResult(d.vin(), decision, confidence, candidates, d, notes, null);
  }

  private static List<String> withNote(List<String> notes, String note) {
    List<String> out = new ArrayList<>(notes);
    out.add(note);
    return out;
  }

  static String describe(CatalogRow r) {
    return r.modelYear() + " " + r.make() + " " + r.model() + " " + r.trim() + ", " + r.bodyStyle() + ", "
        + (r.engine() == null ? "" : r.engine() + ", ") + r.fuel();
  }

  private static List<String> nonNull(String... parts) {
    List<String> out = new ArrayList<>();
    for (String p : parts) {
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }
}
