package com.carmutual.text2data.parse;

import com.carmutual.text2data.model.SemanticModel;
import com.carmutual.text2data.model.SemanticModel.Dimension;
import com.carmutual.text2data.model.SemanticModel.Entity;
import com.carmutual.text2data.model.SemanticModel.Event;
import com.carmutual.text2data.model.SemanticModel.Metric;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every phrase the semantic model knows (metric, dimension, value and event synonyms in English
 * and Chinese, plus the warehouse's own values of open dimensions such as cities and brands), matched
 * longest first so "average approved amount" wins over "approved amount".
 */
final class Lexicon {
  enum Type {
    METRIC,
    DIMENSION,
    VALUE,
    EVENT,
    ENTITY
  }

  /** What a phrase may mean. VALUE: name is the dimension, values the codes. */
  record Target(Type type, String name, List<String> values, boolean weak) {}

  /** A phrase found at [from, to) with everything it may mean. */
  record Match(String phrase, int from, int to, List<Target> targets) {}

  /** Generic words that only count as a metric when nothing more specific was asked. */
  private static final Set<String> GENERIC = Set.of("users", "user", "people", "用户", "人数", "times", "次数", "events", "多少人");

  private final Map<String, List<Target>> byPhrase = new LinkedHashMap<>();
  private final List<String> phrases;

  Lexicon(SemanticModel model, Map<String, List<String>> openValues) {
    Set<String> entityWords = new HashSet<>();
    for (Entity e : model.entities().values()) {
      e.synonyms().forEach(s -> entityWords.add(Text.normalize(s)));
    }
    for (Metric m : model.metrics().values()) {
      if (m.hidden()) {
        continue;
      }
      add(m.name().replace('_', ' '), new Target(Type.METRIC, m.name(), List.of(), false));
      for (String s : m.synonyms()) {
        String n = Text.normalize(s);
        add(n, new Target(Type.METRIC, m.name(), List.of(), entityWords.contains(n) || GENERIC.contains(n) || n.startsWith("how many ")));
      }
    }
    for (Dimension d : model.dimensions().values()) {
      for (String s : d.synonyms()) {
        add(Text.normalize(s), new Target(Type.DIMENSION, d.name(), List.of(), false));
      }
      d.values().forEach((code, syns) -> {
        for (String s : syns) {
          add(Text.normalize(s), new Target(Type.VALUE, d.name(), List.of(code), false));
        }
      });
      d.aliases().forEach((code, syns) -> {
        for (String s : syns) {
          add(Text.normalize(s), new Target(Type.VALUE, d.name(), List.of(code), false));
        }
      });
      d.valueSets().forEach((name, set) -> {
        for (String s : set.synonyms()) {
          add(Text.normalize(s), new Target(Type.VALUE, d.name(), set.values(), false));
        }
      });
    }
    openValues.forEach((dim, values) -> {
      for (String v : values) {
        if (v != null && v.length() >= 2) {
          add(Text.normalize(v), new Target(Type.VALUE, dim, List.of(v), false));
        }
      }
    });
    for (Entity e : model.entities().values()) {
      for (String s : e.synonyms()) {
        add(Text.normalize(s), new Target(Type.ENTITY, e.name(), List.of(), true));
      }
    }
    for (Event e : model.events().values()) {
      for (String s : e.synonyms()) {
        add(Text.normalize(s), new Target(Type.EVENT, e.name(), List.of(), false));
      }
    }
    List<String> p = new ArrayList<>(byPhrase.keySet());
    p.sort(Comparator.comparingInt(String::length).reversed());
    this.phrases = List.copyOf(p);
  }

  private void add(String phrase, Target t) {
    if (phrase.isBlank()) {
      return;
    }
    List<Target> list = byPhrase.computeIfAbsent(phrase, k -> new ArrayList<>());
    if (!list.contains(t)) {
      list.add(t);
    }
  }

  /** Non-overlapping matches, longest phrases first; marks matched characters in {@code consumed}. */
  List<Match> match(String text, boolean[] consumed) {
    List<Match> out = new ArrayList<>();
    for (String phrase : phrases) {
      int from = 0;
      while (true) {
        int i = text.indexOf(phrase, from);
        if (i < 0) {
          break;
        }
        from = i + 1;
        int end = i + phrase.length();
        if (!Text.hasCjk(phrase)) {
          if (i > 0 && Text.wordChar(text.charAt(i - 1))) {
            continue;
          }
          if (end < text.length() && text.startsWith("es", end) && (end + 2 >= text.length() || !Text.wordChar(text.charAt(end + 2)))) {
            end += 2;
          } else if (end < text.length() && text.charAt(end) == 's' && (end + 1 >= text.length() || !Text.wordChar(text.charAt(end + 1)))) {
            end += 1;
          }
          if (end < text.length() && Text.wordChar(text.charAt(end))) {
            continue;
          }
        }
        if (free(consumed, i, end)) {
          for (int k = i; k < end; k++) {
            consumed[k] = true;
          }
          out.add(new Match(phrase, i, end, byPhrase.get(phrase)));
        }
      }
    }
    out.sort(Comparator.comparingInt(Match::from));
    return out;
  }

  static boolean free(boolean[] consumed, int from, int to) {
    for (int k = from; k < to; k++) {
      if (consumed[k]) {
        return false;
      }
    }
    return true;
  }

  /** All phrases (for suggestions). */
  Map<String, List<Target>> entries() {
    return byPhrase;
  }
}
