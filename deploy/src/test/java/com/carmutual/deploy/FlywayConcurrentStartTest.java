package com.carmutual.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.shared.testing.PostgresSupport;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Several replicas of a service start at once against one new PostgreSQL database: Flyway
 * serialises them with a PostgreSQL advisory lock, so each migration is applied exactly once and
 * every replica starts. Runs each service's real migrations (shared's and its own, from the
 * source tree) with three contexts released together on that service's own database.
 */
class FlywayConcurrentStartTest {
  private static final int REPLICAS = 3;

  @ParameterizedTest(name = "{0}")
  @CsvSource({"vin-matching,vin", "claims-agent,claims", "text2data,text2data", "phone-agent,phone"})
  void replicasStartingTogetherApplyEachMigrationOnce(String service, String folder) throws Exception {
    PostgresSupport.assumeAvailable();
    Map<String, Object> props = new HashMap<>(PostgresSupport.freshDatabase("deploy_" + folder));
    List<String> locations = new ArrayList<>(List.of("classpath:db/migration/shared"));
    int serviceMigrations = 0;
    Path dir = Repo.root().resolve(service).resolve("src/main/resources/db/migration").resolve(folder);
    if (Files.isDirectory(dir)) {
      locations.add("filesystem:" + dir);
      try (var files = Files.list(dir)) {
        serviceMigrations = (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
      }
    }
    props.put("flyway.datasources.default.enabled", "true");
    props.put("flyway.datasources.default.locations", locations);
    props.put("flyway.datasources.default.out-of-order", "true");
    props.put("datasources.default.dialect", "POSTGRES");
    props.put("datasources.default.maximum-pool-size", "2");
    props.put("suite.api-keys", "tester:test-key");

    CyclicBarrier together = new CyclicBarrier(REPLICAS);
    ExecutorService pool = Executors.newFixedThreadPool(REPLICAS);
    List<ApplicationContext> started = new ArrayList<>();
    try {
      List<Future<ApplicationContext>> replicas = new ArrayList<>();
      for (int i = 0; i < REPLICAS; i++) {
        replicas.add(pool.submit(() -> {
          together.await(30, TimeUnit.SECONDS);
          ApplicationContext ctx = ApplicationContext.run(props);
          // Creating the DataSource bean is what runs Flyway, as in a starting service.
          ctx.getBean(DataSource.class);
          return ctx;
        }));
      }
      for (var r : replicas) {
        started.add(r.get(120, TimeUnit.SECONDS));
      }
      try (Connection c = DriverManager.getConnection(
              (String) props.get("datasources.default.url"),
              (String) props.get("datasources.default.username"),
              (String) props.get("datasources.default.password"));
          Statement st = c.createStatement();
          ResultSet rs = st.executeQuery(
              "select count(*), count(distinct version), sum(case when success then 0 else 1 end)"
                  + " from flyway_schema_history where version is not null")) {
        rs.next();
        int applied = rs.getInt(1);
        assertTrue(applied >= 2 + serviceMigrations, "shared's and " + service + "'s migrations applied, got " + applied);
        assertEquals(applied, rs.getInt(2), "each migration version applied exactly once");
        assertEquals(0, rs.getInt(3), "no failed migration");
      }
    } finally {
      started.forEach(ApplicationContext::close);
      pool.shutdownNow();
    }
  }
}
