package com.carmutual.shared.gateway.local;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * The in-process embedding model (all-MiniLM-L6-v2, quantised, 384 dimensions) shipped in a Maven
 * artifact: works offline. Loaded on first use so services that never embed do not pay for it.
 */
@Singleton
public final class LocalEmbeddings {
  public static final String MODEL = "all-minilm-l6-v2-q";
  private volatile EmbeddingModel model;

  public List<float[]> embed(List<String> texts) {
    List<TextSegment> segments = new ArrayList<>(texts.size());
    for (String t : texts) {
      segments.add(TextSegment.from(t == null || t.isBlank() ? " " : t));
    }
    var embeddings = model().embedAll(segments).content();
    List<float[]> out = new ArrayList<>(embeddings.size());
    for (var e : embeddings) {
      out.add(e.vector());
    }
    return out;
  }

  /** Cosine similarity of two vectors of the same length. */
  public static double cosine(float[] a, float[] b) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
  }

  private EmbeddingModel model() {
    EmbeddingModel m = model;
    if (m == null) {
      synchronized (this) {
        m = model;
        if (m == null) {
          m = new AllMiniLmL6V2QuantizedEmbeddingModel();
          model = m;
        }
      }
    }
    return m;
  }
}
