package com.carmutual.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of kustomize our overlays use, for machines without kubectl: resources (files and
 * directories with a kustomization), {@code labels}, {@code namespace}, {@code images}, {@code
 * replicas} and strategic-merge {@code patches} (from a file or inline, with an optional
 * kind/name target). Lists of maps that carry a {@code name} merge by name, as containers do.
 * Anything else in a kustomization fails loudly rather than rendering something different.
 */
final class MiniKustomize implements Renderer {
  private static final Set<String> KNOWN =
      Set.of("apiVersion", "kind", "resources", "labels", "namespace", "images", "replicas", "patches");
  private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding");

  @Override
  public String name() {
    return "built-in kustomize subset";
  }

  @Override
  public List<Map<String, Object>> render(Path dir) throws IOException {
    Map<String, Object> k = Yaml.load(Files.readString(dir.resolve("kustomization.yaml")));
    for (String key : k.keySet()) {
      if (!KNOWN.contains(key)) {
        throw new IOException(dir + "/kustomization.yaml uses '" + key + "', which the built-in renderer does not support");
      }
    }
    List<Map<String, Object>> objects = new ArrayList<>();
    for (Object r : (List<?>) k.getOrDefault("resources", List.of())) {
      Path p = dir.resolve(String.valueOf(r)).normalize();
      if (Files.isDirectory(p)) {
        objects.addAll(render(p));
      } else {
        objects.addAll(Yaml.loadAll(Files.readString(p)));
      }
    }
    for (Map<String, Object> labels : Yaml.maps(k, "labels")) {
      for (Map<String, Object> o : objects) {
        metadata(o, "labels").putAll(Yaml.map(labels, "pairs"));
      }
    }
    for (Map<String, Object> patch : Yaml.maps(k, "patches")) {
      Map<String, Object> body =
          patch.containsKey("path")
              ? Yaml.load(Files.readString(dir.resolve(String.valueOf(patch.get("path")))))
              : Yaml.load(String.valueOf(patch.get("patch")));
      Map<String, Object> target = Yaml.map(patch, "target");
      String kind = target.isEmpty() ? Yaml.str(body, "kind") : Yaml.str(target, "kind");
      String name = target.isEmpty() ? Yaml.str(body, "metadata.name") : Yaml.str(target, "name");
      int applied = 0;
      for (Map<String, Object> o : objects) {
        if ((kind == null || kind.equals(o.get("kind"))) && (name == null || name.equals(Yaml.str(o, "metadata.name")))) {
          Map<String, Object> copy = new LinkedHashMap<>(body);
          copy.remove("metadata");
          copy.remove("apiVersion");
          copy.remove("kind");
          merge(o, copy);
          applied++;
        }
      }
      if (applied == 0) {
        throw new IOException("patch in " + dir + " matched nothing: " + kind + "/" + name);
      }
    }
    for (Map<String, Object> r : Yaml.maps(k, "replicas")) {
      for (Map<String, Object> o : objects) {
        if ("Deployment".equals(o.get("kind")) && r.get("name").equals(Yaml.str(o, "metadata.name"))) {
          Yaml.cast((Map<?, ?>) o.get("spec")).put("replicas", r.get("count"));
        }
      }
    }
    for (Map<String, Object> image : Yaml.maps(k, "images")) {
      for (Map<String, Object> o : objects) {
        for (Map<String, Object> c : Yaml.maps(o, "spec.template.spec.containers")) {
          String ref = String.valueOf(c.get("image"));
          int colon = ref.lastIndexOf(':');
          String repo = colon > ref.lastIndexOf('/') ? ref.substring(0, colon) : ref;
          String tag = colon > ref.lastIndexOf('/') ? ref.substring(colon + 1) : "latest";
          if (repo.equals(image.get("name"))) {
            Object newName = image.getOrDefault("newName", repo);
            Object newTag = image.getOrDefault("newTag", tag);
            c.put("image", newName + ":" + newTag);
          }
        }
      }
    }
    if (k.get("namespace") != null) {
      for (Map<String, Object> o : objects) {
        if (!CLUSTER_SCOPED.contains(String.valueOf(o.get("kind")))) {
          metadata(o, null).put("namespace", k.get("namespace"));
        }
      }
    }
    return objects;
  }

  private static Map<String, Object> metadata(Map<String, Object> o, String child) {
    Map<String, Object> meta = Yaml.cast((Map<?, ?>) o.computeIfAbsent("metadata", x -> new LinkedHashMap<>()));
    if (child == null) {
      return meta;
    }
    Object c = meta.get(child);
    if (!(c instanceof Map)) {
      c = new LinkedHashMap<String, Object>();
      meta.put(child, c);
    }
    return Yaml.cast((Map<?, ?>) c);
  }

  /** Strategic merge as our patches need it: maps merge, lists of named maps merge by name, the rest is replaced. */
  @SuppressWarnings("unchecked")
  static void merge(Map<String, Object> into, Map<String, Object> patch) {
    for (var e : patch.entrySet()) {
      Object cur = into.get(e.getKey());
      Object val = e.getValue();
      if (cur instanceof Map<?, ?> cm && val instanceof Map<?, ?> vm) {
        Map<String, Object> copy = new LinkedHashMap<>(Yaml.cast(cm));
        merge(copy, Yaml.cast(vm));
        into.put(e.getKey(), copy);
      } else if (cur instanceof List<?> cl && val instanceof List<?> vl && namedMaps(cl) && namedMaps(vl)) {
        List<Object> out = new ArrayList<>();
        for (Object o : cl) {
          out.add(new LinkedHashMap<>((Map<String, Object>) o));
        }
        for (Object o : vl) {
          Map<String, Object> pm = (Map<String, Object>) o;
          Map<String, Object> match = null;
          for (Object existing : out) {
            if (pm.get("name").equals(((Map<String, Object>) existing).get("name"))) {
              match = (Map<String, Object>) existing;
            }
          }
          if (match == null) {
            out.add(pm);
          } else {
            merge(match, pm);
          }
        }
        into.put(e.getKey(), out);
      } else {
        into.put(e.getKey(), val);
      }
    }
  }

  private static boolean namedMaps(List<?> list) {
    return !list.isEmpty() && list.stream().allMatch(o -> o instanceof Map<?, ?> m && m.get("name") != null);
  }
}
