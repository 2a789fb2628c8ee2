package com.carmutual.phone.script;

import com.carmutual.phone.understand.SlotSpec;
import com.carmutual.shared.problem.ProblemException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The scripts shipped on the classpath ({@code scripts/*.yml}), loaded once and checked at start. */
@Singleton
public final class Scripts {
  /** The scripts that ship. */
  public static final Set<String> NAMES = Set.of("fnol", "csat", "screening");

  private static final Set<String> TYPES =
      Set.of("date", "time", "yes_no", "number", "money", "score", "plate", "member_id", "text");
  private final Map<String, Script> scripts = new LinkedHashMap<>();

  public Scripts() {
    for (String name : NAMES) {
      scripts.put(name, load(name));
    }
  }

  /** The script called {@code name}; a 404 problem when there is none. */
  public Script get(String name) {
    Script s = scripts.get(name);
    if (s == null) {
      throw ProblemException.notFound("script " + name);
    }
    return s;
  }

  static Script load(String name) {
    try (InputStream in = Scripts.class.getResourceAsStream("/scripts/" + name + ".yml")) {
      if (in == null) {
        throw new IllegalStateException("missing script scripts/" + name + ".yml");
      }
      Map<String, Object> y = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
      return parse(y);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static Script parse(Map<String, Object> y) {
    List<Script.Slot> slots = new ArrayList<>();
    for (Object o : (List<Object>) y.get("slots")) {
      Map<String, Object> s = (Map<String, Object>) o;
      String type = (String) s.get("type");
      if (!TYPES.contains(type)) {
        throw new IllegalStateException("slot " + s.get("name") + " has unknown type " + type);
      }
      Map<String, List<String>> labels = null;
      if (s.get("labels") != null) {
        labels = new LinkedHashMap<>();
        for (var e : ((Map<Object, Object>) s.get("labels")).entrySet()) {
          labels.put(String.valueOf(e.getKey()), strings(e.getValue()));
        }
      }
      SlotSpec spec =
          new SlotSpec(
              (String) s.get("name"),
              type,
              number(s.get("min")),
              number(s.get("max")),
              Boolean.TRUE.equals(s.get("nullable")),
              (String) s.get("direction"),
              (String) s.get("role"),
              strings(s.get("yes-cues")),
              strings(s.get("no-cues")),
              labels,
              strings(s.get("keywords")),
              patterns(s.get("said-yes")),
              patterns(s.get("said-no")));
      slots.add(
          new Script.Slot(
              spec,
              texts(s.get("prompt")),
              texts(s.get("reprompt")),
              texts(s.get("label")),
              texts(s.get("when-true")),
              Boolean.TRUE.equals(s.get("transfer-when-true")),
              Boolean.TRUE.equals(s.get("end-when-false"))));
    }
    Map<String, List<String>> derived = new LinkedHashMap<>();
    if (y.get("derived") != null) {
      ((Map<String, List<String>>) y.get("derived")).forEach(derived::put);
    }
    return new Script(
        (String) y.get("name"),
        Boolean.TRUE.equals(y.get("files-claim")),
        texts(y.get("greeting")),
        texts(y.get("closing")),
        texts(y.get("declined")),
        texts(y.get("confirm")),
        List.copyOf(slots),
        derived);
  }

  /** A YAML list as strings: an unquoted 110 is read as a number. */
  private static List<String> strings(Object o) {
    return o == null ? null : ((List<?>) o).stream().map(String::valueOf).toList();
  }

  /** Regular expressions, checked at start so a bad script fails the service, not a call. */
  private static List<String> patterns(Object o) {
    List<String> p = strings(o);
    if (p != null) {
      p.forEach(java.util.regex.Pattern::compile);
    }
    return p;
  }

  private static Double number(Object o) {
    return o == null ? null : ((Number) o).doubleValue();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> texts(Object o) {
    return o == null ? Map.of() : Map.copyOf((Map<String, String>) o);
  }
}
