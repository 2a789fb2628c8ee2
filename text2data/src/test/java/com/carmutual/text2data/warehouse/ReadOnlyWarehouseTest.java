package com.carmutual.text2data.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The embedded warehouse refuses writes, file access and setting changes through its query
 * connections; a read-only H2 warehouse a user points at works, and writes through it fail.
 */
class ReadOnlyWarehouseTest {

  @Test
  void embeddedWarehouseRefusesWritesFilesAndSettings() throws Exception {
    try (Warehouse embedded = new Warehouse(WarehouseConfig.embeddedDefault().withPool(1, 0))) {
      Path outside = Files.createTempFile("t2d-outside", ".csv");
      Files.writeString(outside, "a\n1\n");
      List<String> attempts = List.of(
          "DELETE FROM claims",
          "UPDATE members SET province = 'x'",
          "DROP TABLE claims",
          "CREATE TABLE warehouse.main.x AS SELECT 1",
          "SELECT * FROM read_csv('" + outside + "')",
          "COPY claims TO '" + outside + "'",
          "ATTACH '" + outside + ".duckdb' AS other",
          "SET enable_external_access = true",
          "SET memory_limit = '64GB'");
      for (String sql : attempts) {
        Connection c = embedded.acquire();
        try (Statement s = c.createStatement()) {
          assertThrows(java.sql.SQLException.class, () -> s.execute(sql), sql);
        } finally {
          embedded.release(c);
        }
      }
      assertEquals("a\n1\n", Files.readString(outside));
      Connection c = embedded.acquire();
      try (Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM claims")) {
        rs.next();
        assertEquals(1094, rs.getLong(1));
      } finally {
        embedded.release(c);
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void answersFromAReadOnlyH2Warehouse() throws Exception {
    Path dir = Files.createTempDirectory("t2d-ro");
    String file = dir.resolve("warehouse").toString();
    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + file, "sa", "")) {
      // a small warehouse: the schema with one week of the demo data is enough to prove read-only access
      try (Statement s = c.createStatement()) {
        s.execute("RUNSCRIPT FROM 'classpath:/warehouse/schema.sql'");
        s.execute("INSERT INTO members VALUES (1, 'M1', 'x', 'F', DATE '1990-01-01', 'Zhejiang', 'Hangzhou', DATE '2024-01-01', 'app', NULL)");
        s.execute("INSERT INTO dim_date VALUES (DATE '2025-06-16', 2025, 2, 6, DATE '2025-06-16', 1, FALSE)");
      }
    }
    String url = "jdbc:h2:file:" + file + ";ACCESS_MODE_DATA=r";
    Warehouse direct = new Warehouse(WarehouseConfig.external(url, "sa", "").withPool(1, 0));
    Connection ro = direct.acquire();
    try (Statement s = ro.createStatement()) {
      assertThrows(java.sql.SQLException.class, () -> s.executeUpdate("DELETE FROM members"));
    } finally {
      direct.release(ro);
    }
    Map<String, Object> props = Map.of("text2data.warehouse.url", url, "text2data.warehouse.username", "sa", "text2data.warehouse.password", "",
        "datasources.default.url", "jdbc:h2:mem:t2d-ro-service;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props, "test");
        HttpClient client = server.getApplicationContext().createBean(HttpClient.class, server.getURL())) {
      Map<String, Object> a = client.toBlocking().retrieve(HttpRequest.POST("/v1/ask",
          Map.of("question", "How many members by province?", "asOf", "2025-06-18")).bearerAuth("test-key"), Map.class);
      assertEquals("answered", a.get("status"), String.valueOf(a));
      assertEquals(List.of(List.of("Zhejiang", 1)), a.get("rows"));
    }
  }
}
