package com.carmutual.text2data.parse;

import com.carmutual.shared.gateway.local.LocalEmbeddings;
import com.carmutual.text2data.model.SemanticModel;
import com.carmutual.text2data.model.SemanticModel.Dimension;
import com.carmutual.text2data.model.SemanticModel.Metric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fuzzy look-ups with the gateway's embeddings: the metrics nearest a question the lexicon could
 * not place, and a dimension for a breakdown phrase the lexicon does not know ("by car make").
 * Only used off the fast path; any embedding failure just means no suggestion.
 */
final class Suggestions {
  private static final Logger LOG = LoggerFactory.getLogger(Suggestions.class);
  /** Cosine similarity above which an unknown breakdown phrase is taken to mean a dimension. */
  static final double DIMENSION_THRESHOLD = 0.82;

  private final SemanticModel model;
  private final Function<List<String>, List<float[]>> embed;
  private volatile List<float[]> metricVectors;
  private volatile List<String[]> dimensionPhrases;
  private volatile List<float[]> dimensionVectors;

  Suggestions(SemanticModel model, Function<List<String>, List<float[]>> embed) {
    this.model = model;
    this.embed = embed;
  }

  private List<Metric> visibleMetrics() {
    return model.metrics().values().stream().filter(m -> !m.hidden()).toList();
  }

  /** Up to five metric names nearest the text (or the commonest ones without embeddings). */
  List<String> metrics(String text) {
    List<Metric> metrics = visibleMetrics();
    if (text == null || embed == null) {
      return metrics.stream().limit(5).map(Metric::name).toList();
    }
    try {
      if (metricVectors == null) {
        metricVectors = embed.apply(metrics.stream().map(m -> m.name().replace('_', ' ') + ": " + String.join(", ", m.synonyms())).toList());
      }
      float[] q = embed.apply(List.of(text)).get(0);
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < metrics.size(); i++) {
        idx.add(i);
      }
      idx.sort(Comparator.comparingDouble((Integer i) -> -LocalEmbeddings.cosine(q, metricVectors.get(i))));
      return idx.stream().limit(5).map(i -> metrics.get(i).name()).toList();
    } catch (RuntimeException e) {
      LOG.debug("no embedding suggestions: {}", e.getMessage());
      return metrics.stream().limit(5).map(Metric::name).toList();
    }
  }

  /** The dimension a phrase most likely names, if close enough and usable with the entities. */
  Dimension dimension(String phrase, Set<String> entities) {
    if (embed == null) {
      return null;
    }
    try {
      if (dimensionVectors == null) {
        List<String[]> phrases = new ArrayList<>();
        for (Dimension d : model.dimensions().values()) {
          if (d.kind().isTime()) {
            continue;
          }
          phrases.add(new String[] {d.name(), d.name().substring(d.name().indexOf('.') + 1).replace('_', ' ').replace('.', ' ')});
          for (String s : d.synonyms()) {
            phrases.add(new String[] {d.name(), s});
          }
        }
        dimensionVectors = embed.apply(phrases.stream().map(p -> p[1]).toList());
        dimensionPhrases = phrases;
      }
      float[] q = embed.apply(List.of(phrase)).get(0);
      double best = 0;
      Dimension bestDim = null;
      for (int i = 0; i < dimensionPhrases.size(); i++) {
        Dimension d = model.dimensions().get(dimensionPhrases.get(i)[0]);
        if (!entities.stream().allMatch(e -> model.compatible(e, d))) {
          continue;
        }
        double c = LocalEmbeddings.cosine(q, dimensionVectors.get(i));
        if (c > best) {
          best = c;
          bestDim = d;
        }
      }
      return best >= DIMENSION_THRESHOLD ? bestDim : null;
    } catch (RuntimeException e) {
      LOG.debug("no embedding match for {}: {}", phrase, e.getMessage());
      return null;
    }
  }
}
