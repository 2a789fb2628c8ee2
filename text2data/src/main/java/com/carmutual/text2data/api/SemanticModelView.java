package com.carmutual.text2data.api;

import com.carmutual.text2data.model.SemanticModel;
import com.carmutual.text2data.parse.DeterministicParser;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The analysts' view of the semantic model: what can be asked. */
@Singleton
class SemanticModelView {
  private final SemanticModel model;

  SemanticModelView(SemanticModel model) {
    this.model = model;
  }

  @Serdeable
  record MetricView(String name, String type, String entity, String labelEn, String labelZh, List<String> synonyms) {}

  @Serdeable
  record DimensionView(String name, String entity, String kind, List<String> synonyms, Map<String, List<String>> values) {}

  @Serdeable
  record EventView(String name, List<String> synonyms) {}

  @Serdeable
  record View(List<MetricView> metrics, List<DimensionView> dimensions, List<EventView> events, List<String> grains, int rowLimit) {}

  View view() {
    List<MetricView> metrics = new ArrayList<>();
    for (SemanticModel.Metric m : model.metrics().values()) {
      if (!m.hidden()) {
        metrics.add(new MetricView(m.name(), m.type(), String.join(",", model.metricEntities(m.name())),
            DeterministicParser.label(m, "en"), DeterministicParser.label(m, "zh"), m.synonyms()));
      }
    }
    List<DimensionView> dims = new ArrayList<>();
    for (SemanticModel.Dimension d : model.dimensions().values()) {
      dims.add(new DimensionView(d.name(), d.entity(), d.kind().name().toLowerCase(java.util.Locale.ROOT), d.synonyms(), d.values()));
    }
    List<EventView> events = model.events().values().stream().map(e -> new EventView(e.name(), e.synonyms())).toList();
    return new View(metrics, dims, events, List.of("day", "week", "month", "quarter", "half_year", "year"), model.rowLimit());
  }
}
