package com.carmutual.vin.match;

import com.carmutual.shared.gateway.ImageInput;
import com.carmutual.shared.gateway.local.LocalTask;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The offline implementation of {@code vin.rerank}: orders tied rows by how many words of the
 * vehicle description and hint their description shares, then keeps the given order. Never
 * invents or drops a row.
 */
@Singleton
final class LocalRerank implements LocalTask<RerankInput, RerankOutput> {
  @Override
  public String task() {
    return VinMatcher.RERANK_TASK;
  }

  @Override
  public RerankOutput run(RerankInput input, List<ImageInput> images) {
    Set<String> words = Set.copyOf(words(input.vehicle() + " " + (input.hint() == null ? "" : input.hint())));
    List<RerankInput.Option> options = new ArrayList<>(input.candidates());
    List<Integer> overlap = new ArrayList<>();
    for (RerankInput.Option o : options) {
      overlap.add((int) words(o.description()).stream().filter(words::contains).count());
    }
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < options.size(); i++) {
      idx.add(i);
    }
    idx.sort(Comparator.comparingInt((Integer i) -> -overlap.get(i)).thenComparingInt(i -> i));
    List<String> order = idx.stream().map(i -> options.get(i).catalogId()).toList();
    return new RerankOutput(order, "local: word overlap with the vehicle and hint, then deterministic order");
  }

  private static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    for (String w : s.toUpperCase(Locale.ROOT).split("[^A-Z0-9.]+")) {
      if (w.length() > 1) {
        out.add(w);
      }
    }
    return out;
  }
}
