package com.carmutual.text2data.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.shared.testing.PostgresSupport;
import com.carmutual.text2data.TestWarehouse;
import com.carmutual.text2data.compile.CompileException;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Result parity across engines: every dev question of both dev sets that the service answers is
 * compiled for each engine's dialect and run there, and the normalised results (values rounded to
 * their column's format by {@link Warehouse#value}, rows in the compiled order, or sorted where the
 * compiled SQL leaves the order open) must be identical to the embedded default's (DuckDB).
 * Engines: DuckDB (embedded), PostgreSQL (the demo data loaded into a fresh database) and, with
 * {@code -Dparity.h2=true}, H2 (loaded in memory; minutes on 2 cores, so not in every build).
 * PostgreSQL is skipped, visibly, when it is not reachable.
 */
class EngineParityTest {
  record Engine(String name, Warehouse warehouse) {}

  private static Map<String, String> props;
  private static final List<Engine> engines = new ArrayList<>();

  @BeforeAll
  static void loadTheDemoWarehouseIntoEachEngine() throws Exception {
    if (Boolean.getBoolean("parity.h2")) {
      String h2 = "jdbc:h2:mem:t2d_parity_h2;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
      try (Connection c = DriverManager.getConnection(h2, "sa", "")) {
        WarehouseLoader.load(c);
      }
      engines.add(new Engine("H2", new Warehouse(WarehouseConfig.external(h2, "sa", "").withPool(1, 4))));
    } else {
      System.out.println("EngineParityTest: H2 parity runs with -Dparity.h2=true (loading H2 takes minutes on 2 cores)");
    }
    if (PostgresSupport.available()) {
      props = new HashMap<>(PostgresSupport.freshDatabase("t2d_parity"));
      try (Connection c = DriverManager.getConnection(props.get("datasources.default.url"), props.get("datasources.default.username"),
          props.get("datasources.default.password"))) {
        WarehouseLoader.load(c);
      }
      engines.add(new Engine("PostgreSQL", new Warehouse(WarehouseConfig.external(props.get("datasources.default.url"),
          props.get("datasources.default.username"), props.get("datasources.default.password")).withPool(2, 4))));
    } else {
      System.out.println("EngineParityTest: PostgreSQL is not reachable on 127.0.0.1:5432; its parity is SKIPPED");
    }
  }

  @AfterAll
  static void closeEngines() {
    engines.forEach(e -> e.warehouse().close());
  }

  @Test
  void everyAnsweredDevQuestionGivesTheSameRowsOnEveryEngine() throws Exception {
    TestWarehouse tw = TestWarehouse.get();
    assertEquals(Dialect.DUCKDB, tw.warehouse.dialect());
    int compared = 0;
    List<String> differences = new ArrayList<>();
    for (String[] q : questions()) {
      ParseResult parsed = tw.parser.parse(new ParseRequest(q[0], q[1], null, List.of()));
      if (!"answered".equals(parsed.status())) {
        continue;
      }
      LocalDate asOf = LocalDate.parse(q[1]);
      CompiledQuery reference;
      try {
        reference = tw.compiler.compile(parsed.query(), Dialect.DUCKDB, asOf);
      } catch (CompileException e) {
        continue;
      }
      List<List<Object>> expected = normalised(reference, tw.warehouse.execute(reference));
      for (Engine engine : engines) {
        CompiledQuery cq = tw.compiler.compile(parsed.query(), engine.warehouse().dialect(), asOf);
        assertEquals(reference.columns(), cq.columns());
        List<List<Object>> actual = normalised(cq, engine.warehouse().execute(cq));
        if (!expected.equals(actual)) {
          differences.add(engine.name() + ": " + q[0] + "\n  DuckDB " + expected + "\n  " + engine.name() + " " + actual + "\n  " + cq.sql());
        }
      }
      compared++;
    }
    System.out.println("EngineParityTest: " + compared + " dev questions compared on DuckDB and " + engines.stream().map(Engine::name).toList());
    assertTrue(differences.isEmpty(), String.join("\n", differences));
    assertTrue(compared >= 45, "compared " + compared);
  }

  @Test
  void theShippedColumnarFilesHoldTheSameRowsAsTheSqlDataEveryEngineLoads() throws Exception {
    PostgresSupport.assumeAvailable();
    TestWarehouse tw = TestWarehouse.get();
    Engine pg = engines.stream().filter(e -> e.name().equals("PostgreSQL")).findFirst().orElseThrow();
    for (String table : List.of("dim_date", "members", "vehicles", "memberships", "claims", "claim_lines", "payments", "app_events",
        "app_event_properties", "phone_calls")) {
      assertEquals(fingerprint(pg.warehouse(), table), fingerprint(tw.warehouse, table), table);
    }
  }

  /** Row count and a CRC32 of every value in key order, values written the same way on every engine. */
  private static String fingerprint(Warehouse w, String table) throws Exception {
    Connection c = w.acquire();
    try (java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      int n = rs.getMetaData().getColumnCount();
      long rows = 0;
      while (rs.next()) {
        rows++;
        for (int i = 1; i <= n; i++) {
          crc.update(String.valueOf(Warehouse.value(rs.getObject(i), "number")).getBytes(StandardCharsets.UTF_8));
        }
      }
      return rows + " rows, crc " + crc.getValue();
    } finally {
      w.release(c);
    }
  }

  /** Rows as returned, or sorted when the SQL's outermost query does not order them. */
  static List<List<Object>> normalised(CompiledQuery q, QueryResult r) {
    String sql = q.sql();
    boolean ordered = sql.substring(sql.lastIndexOf(')') + 1).toUpperCase(java.util.Locale.ROOT).contains("ORDER BY")
        || !sql.contains(")") && sql.toUpperCase(java.util.Locale.ROOT).contains("ORDER BY");
    List<List<Object>> rows = new ArrayList<>(r.rows());
    if (!ordered) {
      rows.sort(Comparator.comparing(Object::toString));
    }
    return rows;
  }

  @Test
  @SuppressWarnings("unchecked")
  void serviceRunsOnPostgresAsItsDatabaseAndWarehouse() {
    PostgresSupport.assumeAvailable();
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

  /** Question and as-of date of every dev question, both sets. */
  static List<String[]> questions() throws Exception {
    List<String[]> out = new ArrayList<>();
    Pattern field = Pattern.compile("\"(question|as_of)\": \"((?:[^\"\\\\]|\\\\.)*)\"");
    for (String set : List.of("text2data/questions-dev.jsonl", "text2data/questions-dev-2.jsonl")) {
      try (InputStream in = EngineParityTest.class.getClassLoader().getResourceAsStream(set)) {
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          Matcher m = field.matcher(line);
          Map<String, String> f = new HashMap<>();
          while (m.find()) {
            f.putIfAbsent(m.group(1), m.group(2));
          }
          if (f.containsKey("question")) {
            out.add(new String[] {f.get("question"), f.getOrDefault("as_of", "2025-06-18")});
          }
        }
      }
    }
    return out;
  }
}
