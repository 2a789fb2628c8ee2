package com.carmutual.text2data.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.shared.testing.PostgresSupport;
import com.carmutual.text2data.TestWarehouse;
import com.carmutual.text2data.compile.CompiledQuery;
import com.carmutual.text2data.compile.Dialect;
import com.carmutual.text2data.parse.ParseRequest;
import com.carmutual.text2data.parse.ParseResult;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same compiled queries give the same rows on H2 and PostgreSQL: the warehouse is loaded into
 * a fresh PostgreSQL database, and the service runs with PostgreSQL as its own database and as the
 * warehouse. Skipped, visibly, when PostgreSQL is not reachable.
 */
class PostgresParityTest {
  private static Map<String, String> props;

  @BeforeAll
  static void loadWarehouseIntoPostgres() throws Exception {
    PostgresSupport.assumeAvailable();
    props = new HashMap<>(PostgresSupport.freshDatabase("t2d_parity"));
    try (Connection c = DriverManager.getConnection(props.get("datasources.default.url"), props.get("datasources.default.username"),
        props.get("datasources.default.password"))) {
      WarehouseLoader.load(c);
    }
  }

  @Test
  void devQuestionsGiveTheSameRowsOnH2AndPostgres() throws Exception {
    TestWarehouse tw = TestWarehouse.get();
    Warehouse pg = new Warehouse(new WarehouseConfig(props.get("datasources.default.url"), props.get("datasources.default.username"),
        props.get("datasources.default.password"), null, null, 2));
    assertEquals(Dialect.POSTGRES, pg.dialect());
    int compared = 0;
    for (String question : questions()) {
      ParseResult parsed = tw.parser.parse(new ParseRequest(question, "2025-06-18", null, List.of()));
      if (!"answered".equals(parsed.status())) {
        continue;
      }
      CompiledQuery h2;
      try {
        h2 = tw.compiler.compile(parsed.query(), Dialect.H2, LocalDate.parse("2025-06-18"));
      } catch (com.carmutual.text2data.compile.CompileException e) {
        continue;
      }
      CompiledQuery postgres = tw.compiler.compile(parsed.query(), Dialect.POSTGRES, LocalDate.parse("2025-06-18"));
      assertEquals(h2.columns(), postgres.columns());
      assertEquals(tw.warehouse.execute(h2).rows(), pg.execute(postgres).rows(), question + "\n" + postgres.sql());
      compared++;
    }
    assertTrue(compared >= 24, "compared " + compared);
  }

  @Test
  @SuppressWarnings("unchecked")
  void serviceRunsOnPostgresAsItsDatabaseAndWarehouse() {
    Map<String, Object> p = new HashMap<>(PostgresSupport.freshDatabase("t2d_service"));
    p.put("text2data.warehouse.url", props.get("datasources.default.url"));
    p.put("text2data.warehouse.username", props.get("datasources.default.username"));
    p.put("text2data.warehouse.password", props.get("datasources.default.password"));
    try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, p, "test");
        HttpClient client = server.getApplicationContext().createBean(HttpClient.class, server.getURL())) {
      Map<String, Object> a = client.toBlocking().retrieve(HttpRequest.POST("/v1/ask",
          Map.of("question", "2024年赔付率最高的三个省份", "asOf", "2025-06-18")).bearerAuth("test-key"), Map.class);
      assertEquals("answered", a.get("status"));
      assertEquals(3, ((List<?>) a.get("rows")).size());
      Map<String, Object> fb = client.toBlocking().retrieve(HttpRequest.POST("/v1/answers/" + a.get("id") + "/feedback",
          Map.of("correct", true)).bearerAuth("test-key"), Map.class);
      assertEquals(true, fb.get("correctionSaved"));
    }
  }

  static List<String> questions() throws Exception {
    try (InputStream in = PostgresParityTest.class.getClassLoader().getResourceAsStream("text2data/questions-dev.jsonl")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      Matcher m = Pattern.compile("\"question\": \"((?:[^\"\\\\]|\\\\.)*)\"").matcher(text);
      java.util.ArrayList<String> out = new java.util.ArrayList<>();
      while (m.find()) {
        out.add(m.group(1));
      }
      return out;
    }
  }
}
