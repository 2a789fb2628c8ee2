package com.carmutual.text2data.warehouse;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.shared.testing.PostgresSupport;
import com.carmutual.text2data.DevQuestions;
import com.carmutual.text2data.TestWarehouse;
import com.carmutual.text2data.compile.CompileException;
import com.carmutual.text2data.compile.CompiledQuery;
import com.carmutual.text2data.compile.Dialect;
import com.carmutual.text2data.parse.ParseRequest;
import com.carmutual.text2data.parse.ParseResult;
import com.carmutual.text2data.query.SemanticQuery;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Result parity of the distributed engine: every dev question of both dev sets that the parser
 * answers is compiled for Trino's dialect, run on the single-node Trino of {@code
 * deploy/local/trino.sh} ({@link TrinoSupport}), normalised ({@link ResultNormaliser}) and must equal
 * the PostgreSQL result of the PostgreSQL-compiled query, the reference ({@link EngineParityTest}
 * holds DuckDB, PostgreSQL and H2 to each other). Skipped, saying why, where PostgreSQL is not
 * reachable or Trino cannot start here.
 */
class TrinoParityTest {
  /** The dev questions every engine must answer; fewer would mean the comparison silently shrank. */
  private static final int MIN_COMPARED = 45;

  private static Map<String, String> postgres;
  private static Warehouse reference;
  /** The parsed query and PostgreSQL's normalised rows of each answered question, by id. */
  private static Map<String, Reference> references;

  record Reference(DevQuestions.Question question, SemanticQuery query, String sql, List<List<String>> rows) {}

  @BeforeAll
  static void loadReference() throws Exception {
    PostgresSupport.assumeAvailable();
    postgres = PostgresSupport.freshDatabase("t2d_engines");
    try (Connection c = DriverManager.getConnection(postgres.get("datasources.default.url"), postgres.get("datasources.default.username"),
        postgres.get("datasources.default.password"))) {
      WarehouseLoader.load(c);
    }
    String database = postgres.get("datasources.default.url").substring(postgres.get("datasources.default.url").lastIndexOf('/') + 1);
    TrinoSupport.copySourceFrom(database); // before the reference pool connects: a template must be idle
    reference = new Warehouse(WarehouseConfig.external(postgres.get("datasources.default.url"), postgres.get("datasources.default.username"),
        postgres.get("datasources.default.password")).withPool(2, 4));
    TestWarehouse tw = TestWarehouse.get();
    references = new LinkedHashMap<>();
    for (DevQuestions.Question q : DevQuestions.all()) {
      ParseResult parsed = tw.parser.parse(new ParseRequest(q.text(), q.asOf(), null, List.of()));
      if (!"answered".equals(parsed.status())) {
        continue;
      }
      CompiledQuery cq;
      try {
        cq = tw.compiler.compile(parsed.query(), Dialect.POSTGRES, LocalDate.parse(q.asOf()));
      } catch (CompileException e) {
        continue;
      }
      references.put(q.id(), new Reference(q, parsed.query(), cq.sql(), ResultNormaliser.normalise(cq, reference.execute(cq))));
    }
  }

  @AfterAll
  static void dropReference() throws Exception {
    TrinoSupport.dropSource();
    if (reference != null) {
      reference.close();
    }
    if (postgres != null) {
      String url = postgres.get("datasources.default.url");
      String db = url.substring(url.lastIndexOf('/') + 1);
      try (Connection c = DriverManager.getConnection(TrinoSupport.postgresUrl("postgres"), postgres.get("datasources.default.username"),
          postgres.get("datasources.default.password"));
          Statement s = c.createStatement()) {
        s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
      }
    }
  }

  @Test
  void trinoGivesPostgresResults() throws Exception {
    String url = TrinoSupport.demoWarehouseUrl();
    Warehouse trino = new Warehouse(WarehouseConfig.external(url, "text2data", null).withStatementTimeout(Duration.ofSeconds(60)).withPool(2, 4));
    try {
      assertSameResults("Trino", TrinoSupport.dialect(), trino);
    } finally {
      trino.close();
    }
  }

  private static void assertSameResults(String engine, Dialect dialect, Warehouse warehouse) throws Exception {
    TestWarehouse tw = TestWarehouse.get();
    List<String> differences = new ArrayList<>();
    long t0 = System.nanoTime();
    for (Reference r : references.values()) {
      String id = r.question().id();
      CompiledQuery cq;
      try {
        cq = tw.compiler.compile(r.query(), dialect, LocalDate.parse(r.question().asOf()));
      } catch (CompileException e) {
        differences.add(id + ": does not compile for " + dialect + ": " + e.getMessage());
        continue;
      }
      try {
        List<List<String>> rows = ResultNormaliser.normalise(cq, warehouse.execute(cq));
        if (!rows.equals(r.rows())) {
          differences.add(id + " " + r.question().text() + ": " + firstDifference(r.rows(), rows) + "\n    " + engine + ": " + cq.sql()
              + "\n    PostgreSQL: " + r.sql());
        }
      } catch (RuntimeException e) {
        differences.add(id + " " + r.question().text() + ": fails on " + engine + ": " + e.getMessage() + "\n    " + cq.sql());
      }
    }
    System.out.printf("parity %s: %d dev questions compared with PostgreSQL in %d ms, %d differ%n", engine, references.size(),
        (System.nanoTime() - t0) / 1_000_000, differences.size());
    differences.forEach(d -> System.out.println("  " + d));
    assertTrue(references.size() >= MIN_COMPARED, "only " + references.size() + " dev questions answered on PostgreSQL");
    assertTrue(differences.isEmpty(), differences.size() + " of " + references.size() + " dev questions differ on " + engine + ":\n"
        + String.join("\n", differences));
  }

  private static String firstDifference(List<List<String>> expected, List<List<String>> actual) {
    if (expected.size() != actual.size()) {
      return "PostgreSQL " + expected.size() + " rows, here " + actual.size() + (actual.isEmpty() ? "" : ", first " + actual.get(0));
    }
    for (int i = 0; i < expected.size(); i++) {
      if (!expected.get(i).equals(actual.get(i))) {
        return "row " + (i + 1) + ": PostgreSQL " + expected.get(i) + ", here " + actual.get(i);
      }
    }
    return "equal";
  }
}
