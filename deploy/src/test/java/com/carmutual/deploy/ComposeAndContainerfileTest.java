package com.carmutual.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The single-host stack and the container image keep the same rules as the Kubernetes manifests. */
class ComposeAndContainerfileTest {
  private static final Pattern SECRET_NAME = Pattern.compile(".*(KEY|TOKEN|PASSWORD|SECRET).*");

  private static Map<String, Object> compose() throws Exception {
    return Yaml.load(Files.readString(Repo.root().resolve("deploy/compose.yaml")));
  }

  @Test
  void composeRunsPostgresTheFourServicesACollectorAndATraceViewer() throws Exception {
    Map<String, Object> services = Yaml.map(compose(), "services");
    assertTrue(services.keySet().containsAll(Repo.SERVICES), services.keySet().toString());
    assertTrue(String.valueOf(Yaml.at(services, "postgres.image")).startsWith("postgres:"));
    assertTrue(services.values().stream().anyMatch(s -> String.valueOf(Yaml.at(s, "image")).contains("opentelemetry-collector")));
    assertTrue(services.values().stream().anyMatch(s -> String.valueOf(Yaml.at(s, "image")).contains("jaeger")));
  }

  @Test
  void composeServicesAreBuiltFromTheContainerfileAndLockedDown() throws Exception {
    Map<String, Object> services = Yaml.map(compose(), "services");
    for (String s : Repo.SERVICES) {
      Object svc = services.get(s);
      assertEquals("deploy/Containerfile", Yaml.str(svc, "build.dockerfile"), s);
      assertEquals(s, Yaml.str(svc, "build.args.SERVICE"), s);
      assertEquals(Boolean.TRUE, Yaml.at(svc, "read_only"), s + " read-only root filesystem");
      String user = Yaml.str(svc, "user");
      assertNotNull(user, s);
      assertFalse(user.startsWith("0") || user.startsWith("root"), s + " runs as non-root");
      assertNotNull(Yaml.at(svc, "mem_limit"), s + " memory limit");
    }
  }

  @Test
  void composeSetsOnlyVariablesTheServicesReadAndNoSecretValues() throws Exception {
    Map<String, Object> services = Yaml.map(compose(), "services");
    for (String s : Repo.SERVICES) {
      ServiceConfig config = ServiceConfig.of(s);
      Set<String> unread = new TreeSet<>();
      for (var e : Yaml.map(services.get(s), "environment").entrySet()) {
        if (!config.reads(e.getKey())) {
          unread.add(e.getKey());
        }
        String value = String.valueOf(e.getValue());
        if (SECRET_NAME.matcher(e.getKey()).matches()) {
          assertTrue(value.isEmpty() || value.startsWith("${"), s + ": " + e.getKey() + " must come from the environment, not the file");
        }
      }
      assertEquals(Set.of(), unread, s + " sets variables it never reads");
    }
  }

  @Test
  void containerfileRunsTheServiceJarAsNonRootWithContainerAwareMemoryAndAHealthCheck() throws Exception {
    String file = Files.readString(Repo.root().resolve("deploy/Containerfile"));
    assertTrue(file.contains("FROM eclipse-temurin:17-jre"), "slim JRE 17 base");
    Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(file);
    assertTrue(user.find(), "has a USER");
    assertFalse(user.group(1).startsWith("0") || user.group(1).startsWith("root"), "non-root user");
    assertTrue(file.contains("-XX:MaxRAMPercentage="), "heap sized from the container's memory limit");
    assertTrue(Pattern.compile("(?s)HEALTHCHECK.*GET /health ").matcher(file).find(), "health check on /health");
    assertTrue(file.contains("COPY --chown=10001:10001 ${SERVICE}/target/${SERVICE}.jar"), "copies <service>/target/<service>.jar");
  }

  @Test
  void theImageRecordsAClassDataArchiveByATrainingRunAndEveryStartMapsIt() throws Exception {
    String file = Files.readString(Repo.root().resolve("deploy/Containerfile"));
    Matcher training = Pattern.compile("(?s)RUN [^\\n]*-XX:ArchiveClassesAtExit=(\\S+).*?-Dsuite\\.training-run=true -jar /app/service\\.jar").matcher(file);
    assertTrue(training.find(), "a training run records the archive at image build");
    int user = file.indexOf("\nUSER ");
    assertTrue(training.start() < user, "recorded before the image drops to its user, into /app");
    Matcher entry = Pattern.compile("(?m)^ENTRYPOINT \\[(.*)]").matcher(file);
    assertTrue(entry.find(), "has an ENTRYPOINT");
    assertTrue(entry.group(1).contains("\"-XX:SharedArchiveFile=" + training.group(1) + "\""), "every start maps the archive: " + entry.group(1));
    // the flag SuiteApplication reads (a rename there must be made here too)
    String app = Files.readString(Repo.root().resolve("shared/src/main/java/com/carmutual/shared/app/SuiteApplication.java"));
    assertTrue(app.contains("TRAINING_RUN = \"suite.training-run\""), "SuiteApplication's training-run property");
  }

  @Test
  void containerfilePortsMatchEachServicesOwnPort() throws Exception {
    String file = Files.readString(Repo.root().resolve("deploy/Containerfile"));
    for (String s : Repo.SERVICES) {
      Object port = Yaml.at(Yaml.load(Files.readString(Repo.root().resolve(s).resolve("src/main/resources/application.yml"))), "micronaut.server.port");
      assertTrue(file.contains(s + ") port=" + port + " ;;"), s + " listens on " + port + " in its image too");
    }
  }
}
