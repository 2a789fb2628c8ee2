package com.carmutual.text2data.parse;

import com.carmutual.text2data.model.SemanticModel;
import com.carmutual.text2data.model.SemanticModel.Dimension;
import com.carmutual.text2data.model.SemanticModel.Metric;
import java.util.List;

/** The semantic model and saved corrections as compact text for the {@code text2data.parse} prompt. */
final class PromptContext {
  private PromptContext() {}

  static String model(SemanticModel model) {
    StringBuilder sb = new StringBuilder("Metrics (name: what analysts call it):\n");
    for (Metric m : model.metrics().values()) {
      if (!m.hidden()) {
        sb.append("- ").append(m.name()).append(" [").append(m.type()).append(", ").append(String.join("+", model.metricEntities(m.name())))
            .append("]: ").append(String.join(", ", m.synonyms())).append('\n');
      }
    }
    sb.append("Dimensions (name: synonyms; values code=labels):\n");
    for (Dimension d : model.dimensions().values()) {
      sb.append("- ").append(d.name()).append(d.kind().isTime() ? " [time]" : "").append(": ").append(String.join(", ", d.synonyms()));
      if (!d.values().isEmpty()) {
        sb.append("; values ");
        d.values().forEach((k, v) -> sb.append(k).append('=').append(String.join("/", v)).append(' '));
      }
      if (!d.valueSets().isEmpty()) {
        d.valueSets().forEach((k, v) -> sb.append("; ").append(String.join("/", v.synonyms())).append(" = ").append(v.values()));
      }
      sb.append('\n');
    }
    sb.append("App events (event.event_name values): ");
    model.events().values().forEach(e -> sb.append(e.name()).append(" (").append(String.join(", ", e.synonyms())).append("); "));
    return sb.append('\n').toString();
  }

  static String examples(List<ParseRequest.Example> examples) {
    if (examples.isEmpty()) {
      return "(none yet)";
    }
    StringBuilder sb = new StringBuilder();
    for (ParseRequest.Example e : examples) {
      sb.append("Q: ").append(e.question()).append("\nA: ").append(e.query()).append("\n");
    }
    return sb.toString();
  }
}
