package com.carmutual.shared.llmops.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.shared.gateway.ActiveVersions;
import com.carmutual.shared.gateway.TaskVersion;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Two instances sharing one database: a switch on one is seen by the other after its refresh. */
class VersionsAcrossInstancesTest {

  @Test
  void aSwitchOnOneInstanceReachesAnotherWithinTheRefreshInterval() throws InterruptedException {
    String url =
        "jdbc:h2:mem:shared-"
            + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    Map<String, Object> props =
        Map.of("datasources.default.url", url, "suite.llmops.versions.refresh", "200ms");
    try (ApplicationContext a = ApplicationContext.run(props, "test", "llmops");
        ApplicationContext b = ApplicationContext.run(props, "test", "llmops")) {
      ActiveVersions seenByB = b.getBean(ActiveVersions.class);
      assertTrue(seenByB.active("test.echo").isEmpty());
      a.getBean(TaskVersions.class).switchTo("test.echo", new TaskVersion(null, "v2"), "ops", null);
      Optional<TaskVersion> seen = Optional.empty();
      for (int i = 0; i < 100 && seen.isEmpty(); i++) {
        Thread.sleep(50);
        seen = seenByB.active("test.echo");
      }
      assertEquals(new TaskVersion(null, "v2"), seen.orElseThrow());
    }
  }
}
