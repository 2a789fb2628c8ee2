package com.carmutual.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/** Small typed helpers over snakeyaml's maps and lists, so the checks read as paths. */
final class Yaml {
  private Yaml() {}

  static List<Map<String, Object>> loadAll(String text) {
    var yaml = new org.yaml.snakeyaml.Yaml(new LoaderOptions());
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object doc : yaml.loadAll(text)) {
      if (doc instanceof Map<?, ?> m) {
        out.add(cast(m));
      }
    }
    return out;
  }

  static Map<String, Object> load(String text) {
    Object doc = new org.yaml.snakeyaml.Yaml(new LoaderOptions()).load(text);
    return doc instanceof Map<?, ?> m ? cast(m) : Map.of();
  }

  /** The value at a dotted path of map keys, or null. */
  static Object at(Object node, String path) {
    Object cur = node;
    for (String key : path.split("\\.")) {
      if (!(cur instanceof Map<?, ?> m)) {
        return null;
      }
      cur = m.get(key);
    }
    return cur;
  }

  static Map<String, Object> map(Object node, String path) {
    Object v = at(node, path);
    return v instanceof Map<?, ?> m ? cast(m) : Map.of();
  }

  static List<Map<String, Object>> maps(Object node, String path) {
    Object v = at(node, path);
    List<Map<String, Object>> out = new ArrayList<>();
    if (v instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m) {
          out.add(cast(m));
        }
      }
    }
    return out;
  }

  static String str(Object node, String path) {
    Object v = at(node, path);
    return v == null ? null : String.valueOf(v);
  }

  static int integer(Object node, String path, int fallback) {
    Object v = at(node, path);
    return v instanceof Number n ? n.intValue() : fallback;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> cast(Map<?, ?> m) {
    return (Map<String, Object>) m;
  }
}
