package com.carmutual.text2data.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.text2data.TestWarehouse;
import com.carmutual.text2data.query.SemanticQuery;
import com.carmutual.text2data.query.SemanticQuery.Filter;
import com.carmutual.text2data.query.SemanticQuery.Retention;
import com.carmutual.text2data.query.SemanticQuery.TimeSpec;
import com.carmutual.text2data.warehouse.QueryResult;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlCompilerTest {
  private static final LocalDate AS_OF = LocalDate.parse("2025-06-18");

  private static SemanticQuery metrics(List<String> metrics, List<String> dims, List<Filter> filters, TimeSpec time) {
    return new SemanticQuery("metrics", metrics, dims, filters, time, null, null, null, null, null, null);
  }

  @Test
  void refusesABreakdownThatWouldDoubleCount() throws Exception {
    TestWarehouse tw = TestWarehouse.get();
    CompileException e = assertThrows(CompileException.class,
        () -> tw.compiler.compile(metrics(List.of("claim_count"), List.of("claim_line.item_category"), List.of(), null), Dialect.H2, AS_OF));
    assertTrue(e.getMessage().contains("double count"), e.getMessage());
  }

  @Test
  void metricsOfDifferentEntitiesAreAggregatedSeparatelyThenJoined() throws Exception {
    TestWarehouse tw = TestWarehouse.get();
    TimeSpec y2024 = new TimeSpec(null, "2024-01-01", "2025-01-01", null, null);
    QueryResult both = tw.warehouse.execute(tw.compiler.compile(
        metrics(List.of("claim_count", "payout_amount"), List.of("member.province"), List.of(), y2024), Dialect.H2, AS_OF));
    QueryResult claimsOnly = tw.warehouse.execute(tw.compiler.compile(
        metrics(List.of("claim_count"), List.of("member.province"), List.of(), y2024), Dialect.H2, AS_OF));
    for (List<Object> row : claimsOnly.rows()) {
      List<Object> match = both.rows().stream().filter(r -> r.get(0).equals(row.get(0))).findFirst().orElseThrow();
      assertEquals(row.get(1), match.get(1), "claim count of " + row.get(0) + " must not be multiplied by payments");
    }
  }

  @Test
  void timeSeriesAreZeroFilledFromTheSpine() throws Exception {
    TestWarehouse tw = TestWarehouse.get();
    QueryResult r = tw.warehouse.execute(tw.compiler.compile(metrics(List.of("claim_count"), List.of(),
        List.of(new Filter("claim.claim_type", "in", List.of("theft"))), new TimeSpec(null, "2025-06-01", "2025-06-18", "day", null)), Dialect.H2, AS_OF));
    assertEquals(17, r.rows().size());
    assertTrue(r.rows().stream().anyMatch(row -> ((Number) row.get(1)).longValue() == 0L));
  }

  @Test
  void retentionOfImmatureCohortsIsNullNotZero() throws Exception {
    TestWarehouse tw = TestWarehouse.get();
    SemanticQuery q = new SemanticQuery("retention", null, null, null, new TimeSpec(null, "2025-06-09", "2025-06-16", "day", null), null, null, null, null,
        new Retention("app_install", "app_open", 7, "day"), null);
    QueryResult r = tw.warehouse.execute(tw.compiler.compile(q, Dialect.H2, AS_OF));
    List<Object> last = r.rows().get(r.rows().size() - 1);
    assertEquals("2025-06-15", last.get(0));
    assertNull(last.get(3));
  }

  @Test
  void unknownNamesAndBadValuesAreRejected() throws Exception {
    TestWarehouse tw = TestWarehouse.get();
    assertThrows(CompileException.class, () -> tw.compiler.compile(metrics(List.of("nope"), List.of(), List.of(), null), Dialect.H2, AS_OF));
    assertThrows(CompileException.class, () -> tw.compiler.compile(metrics(List.of("claim_count"), List.of(),
        List.of(new Filter("claim.status", "in", List.of("rejected' OR '1'='1"))), null), Dialect.H2, AS_OF));
    assertThrows(CompileException.class, () -> tw.compiler.compile(metrics(List.of("claim_count"), List.of(),
        List.of(new Filter("member.city", "in", List.of("a\\'; DROP TABLE claims"))), null), Dialect.H2, AS_OF));
  }
}
