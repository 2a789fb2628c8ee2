package com.carmutual.text2data.model;

import com.carmutual.text2data.model.SemanticModel.Active;
import com.carmutual.text2data.model.SemanticModel.Condition;
import com.carmutual.text2data.model.SemanticModel.Dimension;
import com.carmutual.text2data.model.SemanticModel.Entity;
import com.carmutual.text2data.model.SemanticModel.Event;
import com.carmutual.text2data.model.SemanticModel.Kind;
import com.carmutual.text2data.model.SemanticModel.Measure;
import com.carmutual.text2data.model.SemanticModel.Metric;
import com.carmutual.text2data.model.SemanticModel.ValueSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads the semantic model YAML (classpath: or file path) into a {@link SemanticModel}. */
public final class SemanticModelLoader {
  private SemanticModelLoader() {}

  /** Loads {@code location}: a file path, else a classpath resource ({@code classpath:} prefix optional); fails with the reason. */
  public static SemanticModel load(String location) {
    try (InputStream in = open(location)) {
      return parse(in, location);
    } catch (IOException e) {
      throw new SemanticModelException("cannot read semantic model " + location + ": " + e.getMessage());
    }
  }

  static InputStream open(String location) throws IOException {
    if (location.startsWith("classpath:")) {
      String path = location.substring("classpath:".length()).replaceFirst("^/", "");
      InputStream in = SemanticModelLoader.class.getClassLoader().getResourceAsStream(path);
      if (in == null) {
        throw new IOException("not on the classpath");
      }
      return in;
    }
    Path file = Path.of(location);
    if (!Files.exists(file)) {
      InputStream in = SemanticModelLoader.class.getClassLoader().getResourceAsStream(location.replaceFirst("^/", ""));
      if (in != null) {
        return in;
      }
    }
    return Files.newInputStream(file);
  }

  /** Parses a model from YAML text; errors name the offending entry. */
  public static SemanticModel parse(InputStream in, String location) {
    Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(new InputStreamReader(in, StandardCharsets.UTF_8));
    if (!(root instanceof Map<?, ?> doc)) {
      throw new SemanticModelException(location + ": not a YAML mapping");
    }
    Map<String, Object> spine = map(doc.get("time_spine"), "time_spine");
    Map<String, Entity> entities = new LinkedHashMap<>();
    map(doc.get("entities"), "entities").forEach((name, v) -> entities.put(name, entity(name, map(v, "entities." + name))));
    Map<String, Dimension> dims = new LinkedHashMap<>();
    map(doc.get("dimensions"), "dimensions").forEach((name, v) -> dims.put(name, dimension(name, map(v, "dimensions." + name), entities)));
    Map<String, Metric> metrics = new LinkedHashMap<>();
    map(doc.get("metrics"), "metrics").forEach((name, v) -> metrics.put(name, metric(name, map(v, "metrics." + name))));
    Map<String, Event> events = new LinkedHashMap<>();
    map(doc.get("events"), "events").forEach((name, v) -> events.put(name, event(name, map(v, "events." + name))));
    for (String role : List.of("cohort", "returning")) {
      List<String> holders = events.values().stream().filter(e -> role.equals(e.retentionDefault())).map(Event::name).toList();
      if (holders.size() > 1) {
        throw new SemanticModelException("events " + holders + ": only one event can be the retention_default " + role + " event");
      }
    }
    List<SemanticModel.Rollup> rollups = new java.util.ArrayList<>();
    if (doc.get("rollups") != null) {
      map(doc.get("rollups"), "rollups").forEach((name, v) -> rollups.add(rollup(name, map(v, "rollups." + name))));
    }
    Object limit = doc.get("row_limit");
    SemanticModel model =
        new SemanticModel(
            str(spine.get("table")),
            str(spine.get("column")),
            limit instanceof Number n ? n.intValue() : 1000,
            Map.copyOf(entities),
            java.util.Collections.unmodifiableMap(dims),
            java.util.Collections.unmodifiableMap(metrics),
            java.util.Collections.unmodifiableMap(events),
            List.copyOf(rollups));
    checkReferences(model);
    return model;
  }

  private static Event event(String name, Map<String, Object> m) {
    Object role = m.get("retention_default");
    if (role != null && !List.of("cohort", "returning").contains(str(role))) {
      throw new SemanticModelException("events." + name + ".retention_default: cohort or returning, not " + role);
    }
    return new Event(name, strings(m.get("synonyms")), role == null ? null : str(role));
  }

  private static SemanticModel.Rollup rollup(String name, Map<String, Object> m) {
    String where = "rollups." + name;
    if (!name.matches("[a-z][a-z0-9_]{0,40}")) {
      throw new SemanticModelException(where + ": a rollup name is lower-case letters, digits and _");
    }
    String grain = m.get("grain") == null ? "day" : str(m.get("grain"));
    if (!"day".equals(grain)) {
      throw new SemanticModelException(where + ": rollups are kept per day (grain: day)");
    }
    String kindName = m.get("kind") == null ? "daily" : str(m.get("kind"));
    SemanticModel.RollupKind kind = switch (kindName) {
      case "daily" -> SemanticModel.RollupKind.DAILY;
      case "first_event" -> SemanticModel.RollupKind.FIRST_EVENT;
      case "user_days" -> SemanticModel.RollupKind.USER_DAYS;
      default -> throw new SemanticModelException(where + ": kind is daily, first_event or user_days, not " + kindName);
    };
    if (kind != SemanticModel.RollupKind.DAILY) {
      if (m.get("dimensions") != null || m.get("measures") != null) {
        throw new SemanticModelException(where + ": a " + kindName + " rollup has fixed columns (no dimensions or measures)");
      }
      return new SemanticModel.Rollup(name, kind, required(m, "entity", where), List.of(), List.of(), strings(m.get("events")));
    }
    if (m.get("events") != null) {
      throw new SemanticModelException(where + ": events: is for first_event and user_days rollups");
    }
    List<SemanticModel.RollupMeasure> measures = new java.util.ArrayList<>();
    map(m.get("measures"), where + ".measures").forEach((column, v) -> {
      Map<String, Object> mm = map(v, where + ".measures." + column);
      String agg = required(mm, "agg", where + ".measures." + column);
      if (!List.of("count", "count_distinct", "sum").contains(agg)) {
        throw new SemanticModelException(where + ".measures." + column + ": a rollup keeps count, count_distinct or sum, not " + agg);
      }
      if (!column.matches("[a-z][a-z0-9_]{0,40}")) {
        throw new SemanticModelException(where + ".measures." + column + ": a column name is lower-case letters, digits and _");
      }
      measures.add(new SemanticModel.RollupMeasure(column, agg, str(mm.get("expr"))));
    });
    return new SemanticModel.Rollup(name, required(m, "entity", where), strings(m.get("dimensions")), List.copyOf(measures));
  }

  private static Entity entity(String name, Map<String, Object> m) {
    Map<String, String> joins = new LinkedHashMap<>();
    if (m.get("joins") != null) {
      map(m.get("joins"), "entities." + name + ".joins").forEach((k, v) -> joins.put(k, str(v)));
    }
    return new Entity(
        name,
        required(m, "table", "entities." + name),
        required(m, "key", "entities." + name),
        str(m.get("time")),
        str(m.get("user_key")),
        str(m.get("properties_table")),
        Map.copyOf(joins),
        strings(m.get("synonyms")));
  }

  private static Dimension dimension(String name, Map<String, Object> m, Map<String, Entity> entities) {
    int dot = name.indexOf('.');
    if (dot < 0) {
      throw new SemanticModelException("dimension " + name + ": name must be <entity>.<name>");
    }
    String entity = name.substring(0, dot);
    Kind kind = Kind.valueOf(str(m.getOrDefault("kind", "category")).toUpperCase(Locale.ROOT));
    if (!entities.containsKey(entity) && kind != Kind.USER_FIRST_EVENT_PROPERTY) {
      throw new SemanticModelException("dimension " + name + ": unknown entity " + entity);
    }
    if (kind != Kind.EVENT_PROPERTY && kind != Kind.USER_FIRST_EVENT_PROPERTY && m.get("column") == null) {
      throw new SemanticModelException("dimension " + name + ": column is required");
    }
    Map<String, List<String>> values = new LinkedHashMap<>();
    if (m.get("values") != null) {
      map(m.get("values"), name + ".values").forEach((k, v) -> values.put(k, strings(v)));
    }
    Map<String, ValueSet> sets = new LinkedHashMap<>();
    if (m.get("value_sets") != null) {
      map(m.get("value_sets"), name + ".value_sets")
          .forEach((k, v) -> {
            Map<String, Object> s = map(v, name + ".value_sets." + k);
            sets.put(k, new ValueSet(strings(s.get("values")), strings(s.get("synonyms"))));
          });
    }
    return new Dimension(
        name,
        kind == Kind.USER_FIRST_EVENT_PROPERTY ? "event" : entity,
        str(m.get("column")),
        kind,
        str(m.get("key")),
        str(m.get("event")),
        strings(m.get("synonyms")),
        java.util.Collections.unmodifiableMap(values),
        java.util.Collections.unmodifiableMap(sets),
        Boolean.TRUE.equals(m.get("entity_level")),
        aliases(m.get("aliases"), name));
  }

  private static Map<String, List<String>> aliases(Object o, String name) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (o != null) {
      map(o, name + ".aliases").forEach((k, v) -> out.put(k, strings(v)));
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  private static Metric metric(String name, Map<String, Object> m) {
    String type = str(m.getOrDefault("type", "simple"));
    String where = "metric " + name;
    Measure measure = null;
    Measure num = null;
    Measure den = null;
    switch (type) {
      case "simple", "snapshot" -> measure = measure(m, where);
      case "ratio" -> {
        num = measure(map(m.get("numerator"), where + ".numerator"), where + ".numerator");
        den = measure(map(m.get("denominator"), where + ".denominator"), where + ".denominator");
      }
      case "derived" -> required(m, "expr", where);
      case "cumulative" -> required(m, "metric", where);
      default -> throw new SemanticModelException(where + ": unknown type " + type);
    }
    Active active = null;
    if (m.get("active") != null) {
      Map<String, Object> a = map(m.get("active"), where + ".active");
      active = new Active(str(a.get("start")), str(a.get("end")), str(a.get("cancel")));
    }
    if ("snapshot".equals(type) && active == null) {
      throw new SemanticModelException(where + ": a snapshot metric needs active: {start, end, cancel}");
    }
    boolean needsEntity = !"derived".equals(type) && !"cumulative".equals(type);
    if (needsEntity && m.get("entity") == null) {
      throw new SemanticModelException(where + ": entity is required");
    }
    return new Metric(
        name,
        type,
        str(m.get("entity")),
        measure,
        num,
        den,
        "derived".equals(type) ? str(m.get("expr")) : null,
        "cumulative".equals(type) ? str(m.get("metric")) : null,
        active,
        str(m.get("time")),
        str(m.get("unit")),
        strings(m.get("synonyms")),
        Boolean.TRUE.equals(m.get("hidden")));
  }

  private static Measure measure(Map<String, Object> m, String where) {
    String agg = str(m.getOrDefault("agg", "count"));
    if (!List.of("count", "count_distinct", "sum", "avg", "min", "max").contains(agg)) {
      throw new SemanticModelException(where + ": unknown agg " + agg);
    }
    if (!"count".equals(agg) && m.get("expr") == null) {
      throw new SemanticModelException(where + ": agg " + agg + " needs expr");
    }
    List<Condition> filter = new ArrayList<>();
    if (m.get("filter") instanceof List<?> list) {
      for (Object o : list) {
        Map<String, Object> c = map(o, where + ".filter");
        String column = required(c, "column", where + ".filter");
        if (c.containsKey("in")) {
          filter.add(new Condition(column, "in", strings(c.get("in"))));
        } else if (c.containsKey("not_in")) {
          filter.add(new Condition(column, "not_in", strings(c.get("not_in"))));
        } else if (c.containsKey("is_null")) {
          filter.add(new Condition(column, Boolean.TRUE.equals(c.get("is_null")) ? "is_null" : "not_null", List.of()));
        } else if (c.containsKey("is_true")) {
          filter.add(new Condition(column, Boolean.TRUE.equals(c.get("is_true")) ? "is_true" : "is_false", List.of()));
        } else {
          throw new SemanticModelException(where + ".filter on " + column + ": needs in, not_in, is_null or is_true");
        }
      }
    }
    return new Measure(agg, str(m.get("expr")), List.copyOf(filter));
  }

  private static void checkReferences(SemanticModel model) {
    for (SemanticModel.Rollup r : model.rollups()) {
      Entity e = model.entities().get(r.entity());
      if (e == null || e.timeColumn() == null) {
        throw new SemanticModelException("rollup " + r.name() + ": entity " + r.entity() + " is unknown or has no time column");
      }
      if (r.kind() != SemanticModel.RollupKind.DAILY) {
        if (e.userKey() == null) {
          throw new SemanticModelException("rollup " + r.name() + ": a " + r.kind() + " rollup needs the event entity (with a user key)");
        }
        for (String ev : r.events()) {
          if (!model.events().containsKey(ev)) {
            throw new SemanticModelException("rollup " + r.name() + ": unknown event " + ev);
          }
        }
      }
      for (String d : r.dimensions()) {
        Dimension dim = model.dimensions().get(d);
        if (dim == null || !dim.entity().equals(r.entity()) || dim.column() == null
            || dim.kind() == SemanticModel.Kind.EVENT_PROPERTY || dim.kind() == SemanticModel.Kind.USER_FIRST_EVENT_PROPERTY || dim.kind().isTime()) {
          throw new SemanticModelException("rollup " + r.name() + ": " + d + " is not a column dimension of " + r.entity());
        }
      }
    }
    for (Entity e : model.entities().values()) {
      for (String target : e.joins().keySet()) {
        if (!model.entities().containsKey(target)) {
          throw new SemanticModelException("entity " + e.name() + " joins unknown entity " + target);
        }
      }
    }
    for (Metric m : model.metrics().values()) {
      if (m.entity() != null && !model.entities().containsKey(m.entity())) {
        throw new SemanticModelException("metric " + m.name() + ": unknown entity " + m.entity());
      }
      if (m.cumulativeOf() != null && !model.metrics().containsKey(m.cumulativeOf())) {
        throw new SemanticModelException("metric " + m.name() + ": unknown input metric " + m.cumulativeOf());
      }
      if (m.derivedExpr() != null) {
        for (String token : m.derivedExpr().split("[^A-Za-z0-9_]+")) {
          if (!token.isEmpty() && !token.matches("[0-9.]+") && !model.metrics().containsKey(token)) {
            throw new SemanticModelException("metric " + m.name() + ": expression names unknown metric " + token);
          }
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o, String where) {
    if (o == null) {
      return Map.of();
    }
    if (!(o instanceof Map<?, ?>)) {
      throw new SemanticModelException(where + ": expected a mapping");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    ((Map<Object, Object>) o).forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  private static List<String> strings(Object o) {
    if (o == null) {
      return List.of();
    }
    if (o instanceof List<?> l) {
      return l.stream().map(String::valueOf).toList();
    }
    return List.of(String.valueOf(o));
  }

  private static String required(Map<String, Object> m, String key, String where) {
    Object v = m.get(key);
    if (v == null) {
      throw new SemanticModelException(where + ": " + key + " is required");
    }
    return String.valueOf(v);
  }

  private static String str(Object o) {
    return o == null ? null : String.valueOf(o);
  }
}
