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
  private final MatchSettings settings;
  private final MatchProbability probability = MatchProbability.load();
  private final ModelVectors modelVectors;

  VinMatcher(VinDecoder decoder, Catalog catalog, Workflows workflows, LlmGateway gateway, MatchSettings settings) {
    this.decoder = decoder;
    this.catalog = catalog;
    this.workflows = workflows;
    this.gateway = gateway;
    this.settings = settings;
    this.modelVectors = new ModelVectors(ModelVectors.MAX_NAMES, gateway::embed);
  }

  /** Candidate rows of the vehicle's make and year with their model-family scores. */
  @Serdeable
  record Family(VehicleFacts facts, List<String> catalogIds, List<Double> modelScores, List<String> reasons) {}

  /** A scored row with the probability that the vehicle can be it. */
  @Serdeable
  record Weighed(Scoring.Scored scored, double probability) {}

  public MatchResult match(MatchRequest request) {
    Workflows.RunResult<MatchResult> run = workflows.run("vin.match", request, r -> {
      DecodedVin decoded = r.node("decode", NodeKind.DETERMINISTIC, request.vin(), () -> decoder.decode(request.vin()));
      Hint hint = Hint.parse(request.hint());
      VehicleFacts facts = VehicleFacts.of(decoded, hint);
      List<Scoring.Scored> family = r.node("candidates", NodeKind.DETERMINISTIC, request, () -> family(facts));
      List<Weighed> weighed = r.node("score", NodeKind.DETERMINISTIC, request, () -> weigh(family, facts, decoded));
      List<Weighed> remaining = weighed.stream().filter(w -> w.probability() >= settings.remainFloor()).toList();
      List<String> notes = new ArrayList<>(facts.notes());
      List<Weighed> ordered = weighed;
      if (remaining.size() > 1 && !autoPossible(remaining)) {
        ordered = r.node("rerank", NodeKind.LLM, request, () -> rerank(decoded, request.hint(), remaining, weighed, notes));
      }
      return decide(decoded, hint, ordered, remaining, notes);
    });
    MatchResult out = run.output();
    return new MatchResult(out.vin(), out.decision(), out.confidence(), out.candidates(), out.decoded(), out.notes(),
        out.tellApart(), run.runId());
  }

  /** Scores every family row and orders them by probability, then by the deterministic order. */
  List<Weighed> weigh(List<Scoring.Scored> family, VehicleFacts facts, DecodedVin decoded) {
    List<Scoring.Scored> scored = family.stream().map(s -> Scoring.attributes(s, facts)).sorted(Scoring.ORDER).toList();
    double[][] x = MatchProbability.features(scored, facts, "valid".equals(decoded.checkDigit()),
        decoded.modelYear() == null && facts.year() != null);
    // Neither the VIN nor the hint names the model: the labelled set has no such VIN to fit on, so
    // each row only shares the chance that the vehicle is its model, one model as likely as another
    // and as a model the catalog does not hold (never auto: the model must be named).
    long models = scored.stream().filter(s -> s.modelScore() <= Scoring.FAMILY_THRESHOLD)
        .map(s -> Names.key(s.row().model())).distinct().count();
    List<Weighed> out = new ArrayList<>();
    for (int i = 0; i < scored.size(); i++) {
      double p = probability.probability(x[i]);
      if (scored.get(i).modelScore() <= Scoring.FAMILY_THRESHOLD && models > 0) {
        p /= models + 1;
      }
      out.add(new Weighed(scored.get(i), Math.round(p * 10000) / 10000.0));
    }
    out.sort(java.util.Comparator.comparingDouble(Weighed::probability).reversed()
        .thenComparing(w -> w.scored(), Scoring.ORDER));
    return out;
  }

  /** Feature rows of the family of {@code request}, for fitting the probability model (test sources). */
  List<Map.Entry<String, double[]>> features(MatchRequest request) {
    DecodedVin decoded = decoder.decode(request.vin());
    VehicleFacts facts = VehicleFacts.of(decoded, Hint.parse(request.hint()));
    List<Scoring.Scored> scored = family(facts).stream().map(s -> Scoring.attributes(s, facts))
        .sorted(Scoring.ORDER).toList();
    double[][] x = MatchProbability.features(scored, facts, "valid".equals(decoded.checkDigit()),
        decoded.modelYear() == null && facts.year() != null);
    List<Map.Entry<String, double[]>> out = new ArrayList<>();
    for (int i = 0; i < scored.size(); i++) {
      out.add(Map.entry(scored.get(i).row().catalogId(), x[i]));
    }
    return out;
  }

  /**
   * The rows of the vehicle's make, year and model family when the VIN itself names the model
   * (family score at least 0.9), else empty; for building the labelled set (test sources).
   */
  List<CatalogRow> familyRows(MatchRequest request) {
    VehicleFacts facts = VehicleFacts.of(decoder.decode(request.vin()), Hint.parse(request.hint()));
    return family(facts).stream().filter(s -> s.modelScore() >= 0.9).map(Scoring.Scored::row).toList();
  }

  private boolean autoPossible(List<Weighed> remaining) {
    return remaining.get(0).probability() >= settings.autoThreshold()
        && (remaining.size() < 2 || remaining.get(1).probability() <= 1 - settings.autoThreshold());
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
    return modelVectors.of(name);
  }

  /** Warms the embedding cache with every catalog model name (one batch call). */
  public void cacheCatalogVectors() {
    Set<String> names = new HashSet<>();
    catalog.rows().forEach(r -> names.add(Names.key(r.model())));
    modelVectors.warm(names);
  }

  private List<Weighed> rerank(DecodedVin d, String hint, List<Weighed> remaining, List<Weighed> all,
      List<String> notes) {
    List<RerankInput.Option> options = remaining.stream()
        .map(w -> new RerankInput.Option(w.scored().row().catalogId(), describe(w.scored().row()))).toList();
    String vehicle = String.join(" ", nonNull(d.make(), d.model(), d.modelYear() == null ? null : d.modelYear().toString(),
        d.series(), d.trim(), d.displacementL() == null ? null : d.displacementL() + "L", d.bodyClass()));
    try {
      RerankOutput out = gateway.structured(RERANK_TASK, new RerankInput(vehicle, hint, options), RerankOutput.class);
      Map<String, Weighed> byId = new LinkedHashMap<>();
      remaining.forEach(w -> byId.put(w.scored().row().catalogId(), w));
      if (out == null || out.order() == null || out.order().size() != remaining.size()
          || !new HashSet<>(out.order()).equals(byId.keySet())) {
        notes.add("rerank answer ignored: not a permutation of the remaining rows");
        return all;
      }
      List<Weighed> ordered = new ArrayList<>();
      out.order().forEach(id -> ordered.add(byId.get(id)));
      all.stream().filter(w -> !byId.containsKey(w.scored().row().catalogId())).forEach(ordered::add);
      return ordered;
    } catch (LlmException e) {
      notes.add("rerank unavailable (" + e.kind() + "): deterministic order kept");
      return all;
    }
  }

  private MatchResult decide(DecodedVin d, Hint hint, List<Weighed> ordered, List<Weighed> remaining,
      List<String> notes) {
    Set<String> remainIds = new HashSet<>();
    remaining.forEach(w -> remainIds.add(w.scored().row().catalogId()));
    List<MatchResult.Candidate> candidates = new ArrayList<>();
    for (Weighed w : ordered) {
      Scoring.Scored s = w.scored();
      candidates.add(new MatchResult.Candidate(s.row().catalogId(), describe(s.row()), s.score(),
          Math.round(w.probability() * 1000) / 1000.0, remainIds.contains(s.row().catalogId()), s.reasons()));
      if (candidates.size() >= 10) {
        break;
      }
    }
    if (remaining.isEmpty()) {
      double best = ordered.isEmpty() ? 0 : ordered.get(0).probability();
      List<String> n = new ArrayList<>(notes);
      n.add(ordered.isEmpty() ? "no catalog row of this make, model family and year"
          : "no catalog row of this make, model family and year agrees with what the VIN and hint say;"
              + " the nearest rows are listed for a person");
      return new MatchResult(d.vin(), "no_match", round(1 - best), candidates, d, n, List.of(), null);
    }
    String doubt = decodeDoubt(d, hint);
    if (autoPossible(remaining) && doubt != null) {
      notes.add("not auto: " + doubt);
    } else if (autoPossible(remaining)) {
      return new MatchResult(d.vin(), "auto", round(remaining.get(0).probability()), candidates, d, notes, List.of(),
          null);
    }
    // the vehicle is among the remaining rows unless every one of them is wrong
    double none = 1;
    for (Weighed w : remaining) {
      none *= 1 - w.probability();
    }
    if (remaining.size() == 1 && doubt == null) {
      notes.add("one row remains but the evidence for it is below the auto threshold " + settings.autoThreshold());
    }
    List<CatalogRow> rows = remaining.stream().map(w -> w.scored().row()).toList();
    return new MatchResult(d.vin(), "review", round(1 - none), candidates, d, notes, TellApart.of(rows), null);
  }

  /**
   * Why the decode itself is in doubt, or null: a North American VIN whose check digit is wrong may
   * be mistyped into another vehicle, and a model year the VIN leaves open (and the hint does not
   * settle) may be the other one. The labelled set holds no such VIN to fit on, so these never go
   * to {@code auto}: a person confirms.
   */
  static String decodeDoubt(DecodedVin d, Hint hint) {
    if (!d.valid()) {
      return "the check digit is wrong, the VIN may be mistyped";
    }
    boolean yearOpen = d.warnings().stream().anyMatch(w -> w.startsWith("model year ambiguous")
        || w.startsWith("model year " + d.modelYear() + " taken from the position-7 rule"));
    if (yearOpen && (hint.year() == null || !hint.year().equals(d.modelYear()))) {
      return "the model year is one of " + d.modelYearCandidates() + " and the hint does not say which";
    }
    return null;
  }

  private static double round(double p) {
    return Math.round(p * 1000) / 1000.0;
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
