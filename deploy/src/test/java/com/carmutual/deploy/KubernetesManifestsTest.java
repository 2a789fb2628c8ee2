package com.carmutual.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders both overlays (with {@code kubectl kustomize} where kubectl is installed, and always
 * with the built-in subset) and checks, for every service, what issue 8 asks of production:
 * replicas, probes, limits, non-root read-only containers, spread, autoscaling, disruption
 * budget, network policy, secrets only by reference, and no environment variable the service
 * does not read.
 */
class KubernetesManifestsTest {
  private static final List<String> OVERLAYS = List.of("local", "production");
  private static final Pattern SECRET_NAME = Pattern.compile(".*(KEY|TOKEN|PASSWORD|SECRET|USERNAME|CREDENTIAL).*");
  private static final Set<String> SECRETS_EVERY_SERVICE =
      Set.of("SUITE_API_KEYS", "DATASOURCES_DEFAULT_USERNAME", "DATASOURCES_DEFAULT_PASSWORD");

  static Stream<Arguments> renderings() {
    List<Renderer> renderers = new ArrayList<>();
    renderers.add(new MiniKustomize());
    if (Renderer.kubectlAvailable()) {
      renderers.add(Renderer.kubectl());
    }
    List<Arguments> out = new ArrayList<>();
    for (Renderer r : renderers) {
      for (String overlay : OVERLAYS) {
        for (String service : Repo.SERVICES) {
          out.add(Arguments.of(r, overlay, service));
        }
      }
    }
    return out.stream();
  }

  private static final Map<String, List<Map<String, Object>>> RENDERED = new java.util.concurrent.ConcurrentHashMap<>();

  /** Each overlay is rendered once per renderer; the checks only read the result. */
  private static List<Map<String, Object>> render(Renderer r, String overlay) throws Exception {
    String key = r.name() + "/" + overlay;
    var cached = RENDERED.get(key);
    if (cached == null) {
      cached = r.render(Repo.overlay(overlay));
      RENDERED.put(key, cached);
    }
    return cached;
  }

  private static Map<String, Object> one(List<Map<String, Object>> objects, String kind, String name) {
    List<Map<String, Object>> found =
        objects.stream()
            .filter(o -> kind.equals(o.get("kind")) && name.equals(Yaml.str(o, "metadata.name")))
            .toList();
    assertEquals(1, found.size(), "exactly one " + kind + " named " + name);
    return found.get(0);
  }

  private static boolean selects(Map<String, Object> selectorLabels, Map<String, Object> podLabels) {
    return !selectorLabels.isEmpty()
        && selectorLabels.entrySet().stream().allMatch(e -> e.getValue().equals(podLabels.get(e.getKey())));
  }

  @ParameterizedTest(name = "{1}/{2} ({0})")
  @MethodSource("renderings")
  void deploymentIsHighlyAvailableSafeAndBounded(Renderer renderer, String overlay, String service) throws Exception {
    var objects = render(renderer, overlay);
    var d = one(objects, "Deployment", service);
    String where = overlay + "/" + service + ": ";
    assertTrue(Yaml.integer(d, "spec.replicas", 1) >= 2, where + "at least two replicas");
    Map<String, Object> podLabels = Yaml.map(d, "spec.template.metadata.labels");
    var pod = Yaml.map(d, "spec.template.spec");

    var spread = Yaml.maps(pod, "topologySpreadConstraints");
    assertTrue(spread.stream().anyMatch(s -> "kubernetes.io/hostname".equals(s.get("topologyKey"))
            && selects(Yaml.map(s, "labelSelector.matchLabels"), podLabels)), where + "spread across nodes");

    boolean podNonRoot = Boolean.TRUE.equals(Yaml.at(pod, "securityContext.runAsNonRoot"));
    Set<String> emptyDirs = new TreeSet<>();
    for (var v : Yaml.maps(pod, "volumes")) {
      if (v.containsKey("emptyDir")) {
        emptyDirs.add(String.valueOf(v.get("name")));
      }
    }
    var containers = Yaml.maps(pod, "containers");
    assertFalse(containers.isEmpty(), where + "has a container");
    for (var c : containers) {
      for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
        String path = Yaml.str(c, probe + ".httpGet.path");
        assertNotNull(path, where + probe);
        assertTrue(path.startsWith("/health"), where + probe + " on a health endpoint, not " + path);
      }
      for (String r : List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory")) {
        assertNotNull(Yaml.at(c, "resources." + r), where + "resources." + r);
      }
      assertTrue(podNonRoot || Boolean.TRUE.equals(Yaml.at(c, "securityContext.runAsNonRoot")), where + "runs as non-root");
      assertEquals(Boolean.TRUE, Yaml.at(c, "securityContext.readOnlyRootFilesystem"), where + "read-only root filesystem");
      assertEquals(Boolean.FALSE, Yaml.at(c, "securityContext.allowPrivilegeEscalation"), where + "no privilege escalation");
      assertTrue(Yaml.maps(c, "volumeMounts").stream().anyMatch(m -> "/tmp".equals(m.get("mountPath"))
              && emptyDirs.contains(String.valueOf(m.get("name")))), where + "writable /tmp from an emptyDir");
    }

    var hpa = one(objects, "HorizontalPodAutoscaler", service);
    assertEquals(service, Yaml.str(hpa, "spec.scaleTargetRef.name"), where + "HPA scales the Deployment");
    assertEquals("Deployment", Yaml.str(hpa, "spec.scaleTargetRef.kind"));
    int min = Yaml.integer(hpa, "spec.minReplicas", 1);
    assertTrue(min >= 2 && Yaml.integer(hpa, "spec.maxReplicas", 0) >= min, where + "HPA keeps two or more");

    var pdb = one(objects, "PodDisruptionBudget", service);
    assertTrue(selects(Yaml.map(pdb, "spec.selector.matchLabels"), podLabels), where + "PDB selects the pods");
    assertTrue(Yaml.integer(pdb, "spec.minAvailable", 0) >= 1 || Yaml.at(pdb, "spec.maxUnavailable") != null, where + "PDB bound");

    var svc = one(objects, "Service", service);
    assertTrue(selects(Yaml.map(svc, "spec.selector"), podLabels), where + "Service selects the pods");

    var np = one(objects, "NetworkPolicy", service);
    assertTrue(selects(Yaml.map(np, "spec.podSelector.matchLabels"), podLabels), where + "NetworkPolicy selects the pods");
    assertEquals(List.of("Ingress", "Egress"), Yaml.at(np, "spec.policyTypes"), where + "both directions governed");
  }

  @ParameterizedTest(name = "{1}/{2} ({0})")
  @MethodSource("renderings")
  void secretsComeOnlyFromSecretReferences(Renderer renderer, String overlay, String service) throws Exception {
    var objects = render(renderer, overlay);
    assertTrue(objects.stream().noneMatch(o -> "Secret".equals(o.get("kind"))), "no Secret objects (values) in the manifests");
    var d = one(objects, "Deployment", service);
    Set<String> fromSecrets = new TreeSet<>();
    for (var c : Yaml.maps(d, "spec.template.spec.containers")) {
      for (var e : Yaml.maps(c, "env")) {
        String name = String.valueOf(e.get("name"));
        boolean secretRef = Yaml.at(e, "valueFrom.secretKeyRef.name") != null;
        if (SECRET_NAME.matcher(name).matches()) {
          assertTrue(secretRef, overlay + "/" + service + ": " + name + " must come from a Secret, not a value");
        }
        if (secretRef) {
          fromSecrets.add(name);
        }
      }
      for (String key : configMapKeys(objects, c)) {
        assertFalse(SECRET_NAME.matcher(key).matches(), service + ": secret-like " + key + " in a ConfigMap");
      }
    }
    assertTrue(fromSecrets.containsAll(SECRETS_EVERY_SERVICE), service + " gets " + SECRETS_EVERY_SERVICE + ", has " + fromSecrets);
  }

  @ParameterizedTest(name = "{1}/{2} ({0})")
  @MethodSource("renderings")
  void everyEnvironmentVariableSetIsOneTheServiceReads(Renderer renderer, String overlay, String service) throws Exception {
    var objects = render(renderer, overlay);
    var d = one(objects, "Deployment", service);
    ServiceConfig config = ServiceConfig.of(service);
    Set<String> unread = new TreeSet<>();
    for (var c : Yaml.maps(d, "spec.template.spec.containers")) {
      for (var e : Yaml.maps(c, "env")) {
        if (!config.reads(String.valueOf(e.get("name")))) {
          unread.add(String.valueOf(e.get("name")));
        }
      }
      for (String key : configMapKeys(objects, c)) {
        if (!config.reads(key)) {
          unread.add(key);
        }
      }
    }
    assertEquals(Set.of(), unread, overlay + "/" + service + " sets variables it never reads");
  }

  /** Keys of every ConfigMap the container takes whole with envFrom; each must exist. */
  private static List<String> configMapKeys(List<Map<String, Object>> objects, Map<String, Object> container) {
    List<String> keys = new ArrayList<>();
    for (var from : Yaml.maps(container, "envFrom")) {
      String cm = Yaml.str(from, "configMapRef.name");
      if (cm != null) {
        keys.addAll(Yaml.map(one(objects, "ConfigMap", cm), "data").keySet());
      }
      assertTrue(Yaml.at(from, "secretRef") == null, "envFrom a whole Secret hides which secrets a service gets; name each one");
    }
    return keys;
  }

  @Test
  void callsAreAllowedOnlyAlongTheRequestChain() throws Exception {
    var objects = new MiniKustomize().render(Repo.overlay("production"));
    assertEquals(Set.of("claims-agent"), podCallers(objects, "vin-matching"));
    assertEquals(Set.of("phone-agent"), podCallers(objects, "claims-agent"));
    assertEquals(Set.of(), podCallers(objects, "text2data"));
    assertEquals(Set.of(), podCallers(objects, "phone-agent"));
    var deny = one(objects, "NetworkPolicy", "default-deny");
    assertEquals(Map.of(), Yaml.map(deny, "spec.podSelector"), "default deny covers every pod");
    var pg = one(objects, "NetworkPolicy", "suite-pg");
    assertEquals(Map.of("cnpg.io/cluster", "suite-pg"), Yaml.map(pg, "spec.podSelector.matchLabels"), "PostgreSQL pods have their own policy");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overlays")
  void eachServiceHasItsOwnDatabaseAndRole(String overlay) throws Exception {
    var objects = new MiniKustomize().render(Repo.overlay(overlay));
    var cluster = one(objects, "Cluster", "suite-pg");
    Set<String> roles = new TreeSet<>();
    for (var role : Yaml.maps(cluster, "spec.managed.roles")) {
      roles.add(String.valueOf(role.get("name")));
    }
    for (String service : Repo.SERVICES) {
      String db = service.replace('-', '_');
      var database = one(objects, "Database", service);
      assertEquals(db, Yaml.str(database, "spec.name"));
      assertEquals(db, Yaml.str(database, "spec.owner"), service + "'s role owns its database");
      assertTrue(roles.contains(db), "managed role " + db);
      var config = one(objects, "ConfigMap", service + "-config");
      assertTrue(String.valueOf(Yaml.at(config, "data.DATASOURCES_DEFAULT_URL")).endsWith("/" + db), service + " uses its own database");
    }
  }

  static Stream<String> overlays() {
    return OVERLAYS.stream();
  }

  private static Set<String> podCallers(List<Map<String, Object>> objects, String service) {
    Set<String> out = new TreeSet<>();
    var np = one(objects, "NetworkPolicy", service);
    for (var rule : Yaml.maps(np, "spec.ingress")) {
      for (var peer : Yaml.maps(rule, "from")) {
        Object name = Yaml.map(peer, "podSelector.matchLabels").get("app.kubernetes.io/name");
        if (name != null) {
          out.add(String.valueOf(name));
        }
      }
    }
    return out;
  }

  @Test
  void builtInRendererAgreesWithKubectl() throws Exception {
    Assumptions.assumeTrue(Renderer.kubectlAvailable(), "kubectl not installed; the built-in renderer alone is checked");
    for (String overlay : OVERLAYS) {
      var mine = new MiniKustomize().render(Repo.overlay(overlay));
      var real = Renderer.kubectl().render(Repo.overlay(overlay));
      assertEquals(summary(real), summary(mine), overlay);
    }
  }

  /** What the checks depend on, per object: identity, replicas, images, resources, env names, labels. */
  private static Set<String> summary(List<Map<String, Object>> objects) {
    Set<String> out = new TreeSet<>();
    for (var o : objects) {
      String id = o.get("kind") + "/" + Yaml.str(o, "metadata.namespace") + "/" + Yaml.str(o, "metadata.name");
      out.add(id + " labels=" + new java.util.TreeMap<>(Yaml.map(o, "metadata.labels")));
      out.add(id + " replicas=" + Yaml.at(o, "spec.replicas") + " max=" + Yaml.at(o, "spec.maxReplicas"));
      out.add(id + " instances=" + Yaml.at(o, "spec.instances"));
      for (var c : Yaml.maps(o, "spec.template.spec.containers")) {
        out.add(id + " " + c.get("name") + " image=" + c.get("image") + " pull=" + c.get("imagePullPolicy")
            + " resources=" + canonical(c.get("resources")) + " env=" + Yaml.maps(c, "env").stream().map(e -> e.get("name")).toList());
      }
    }
    return out;
  }

  private static String canonical(Object node) {
    if (node instanceof Map<?, ?> m) {
      var sorted = new java.util.TreeMap<String, String>();
      m.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
      return sorted.toString();
    }
    return String.valueOf(node);
  }
}
