package com.carmutual.shared.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The training run that records a class-data sharing archive (docs/adr/1902): a real service context
 * with its HTTP server answers one /health request through the server and is stopped; a run whose
 * health request is not answered 200 reports failure, so run.sh and the image keep no archive of it.
 */
class TrainingRunTest {
  private static ApplicationContext service(String name, boolean healthEnabled) {
    Map<String, Object> p = new HashMap<>();
    p.put("micronaut.server.port", -1);
    p.put("datasources.default.url", "jdbc:h2:mem:training-" + name + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    p.put("datasources.default.username", "sa");
    p.put("datasources.default.password", "");
    p.put("datasources.default.dialect", "POSTGRES");
    p.put("flyway.datasources.default.enabled", true);
    p.put("flyway.datasources.default.locations", "classpath:db/migration/shared");
    p.put("endpoints.health.enabled", healthEnabled);
    p.put("endpoints.health.sensitive", false);
    ApplicationContext ctx = ApplicationContext.builder().properties(p).environments("test").start();
    ctx.getBean(EmbeddedServer.class).start();
    return ctx;
  }

  @Test
  void aTrainingRunAsksForHealthThroughTheServerAndStopsTheService() {
    ApplicationContext ctx = service("healthy", true);
    assertEquals(0, SuiteApplication.trainingRun(ctx));
    assertFalse(ctx.isRunning(), "the service is stopped, so the JVM exits and writes the archive");
  }

  @Test
  void aServiceThatDoesNotAnswerHealthFailsItsTrainingRun() {
    ApplicationContext ctx = service("no-health", false);
    assertEquals(1, SuiteApplication.trainingRun(ctx));
    assertFalse(ctx.isRunning());
  }
}
