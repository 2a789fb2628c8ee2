package com.carmutual.shared.llmops.eval.score;

import com.carmutual.shared.llmops.eval.Scorer;
import com.carmutual.shared.llmops.support.Jsons;
import com.carmutual.shared.problem.ProblemException;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds a scorer by its spec: a bean's name ({@code exact}, {@code judge}, services' own such as
 * {@code sql-result}), or a built-in with a parameter after a colon: {@code fields:a,b}, {@code
 * numeric:0.05}, {@code set-f1:partCode,operation}.
 */
@Singleton
public class Scorers {
  private final Map<String, Scorer> byName = new TreeMap<>();
  private final Jsons jsons;
  private final double numericTolerance;
  private final List<String> setKeyFields;

  Scorers(
      List<Scorer> beans,
      Jsons jsons,
      @Value("${suite.llmops.scorers.numeric.tolerance:0.01}") double numericTolerance,
      @Value("${suite.llmops.scorers.set-f1.key-fields:}") List<String> setKeyFields) {
    this.jsons = jsons;
    this.numericTolerance = numericTolerance;
    this.setKeyFields = setKeyFields.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    byName.put("fields", new FieldsScorer(jsons, List.of()));
    byName.put("numeric", new NumericScorer(jsons, numericTolerance));
    byName.put("set-f1", new SetF1Scorer(jsons, this.setKeyFields));
    for (Scorer s : beans) {
      byName.put(s.name(), s);
    }
  }

  /** Every registered scorer name. */
  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  /** The scorer for {@code spec}, or a 400 problem naming the known ones. */
  public Scorer resolve(String spec) {
    if (spec == null || spec.isBlank()) {
      throw ProblemException.badRequest("unknown-scorer", "no scorer given; known: " + names());
    }
    Scorer s = byName.get(spec);
    if (s != null) {
      return s;
    }
    int colon = spec.indexOf(':');
    if (colon > 0) {
      String base = spec.substring(0, colon);
      String param = spec.substring(colon + 1);
      List<String> list = Arrays.stream(param.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
      switch (base) {
        case "fields":
          return new FieldsScorer(jsons, list);
        case "set-f1":
          return new SetF1Scorer(jsons, list);
        case "numeric":
          try {
            double t = Double.parseDouble(param);
            if (t >= 0) {
              return new NumericScorer(jsons, t);
            }
          } catch (NumberFormatException e) {
            // falls through to the problem below
          }
          throw ProblemException.badRequest("unknown-scorer", "numeric tolerance must be a number >= 0: " + param);
        default:
          break;
      }
    }
    throw ProblemException.badRequest("unknown-scorer", "unknown scorer '" + spec + "'; known: " + names());
  }
}
