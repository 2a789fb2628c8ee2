package com.carmutual.shared.gateway.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.shared.gateway.LlmCallQuery;
import com.carmutual.shared.gateway.LlmCallRecord;
import com.carmutual.shared.testing.PostgresSupport;
import io.micronaut.context.ApplicationContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The llm_call migration and the trace store on PostgreSQL (skipped, visibly, when it is not reachable). */
class CallTracesPostgresTest {
  @Test
  void storesAndQueriesTracesOnPostgres() {
    PostgresSupport.assumeAvailable();
    Map<String, Object> p = new HashMap<>(PostgresSupport.freshDatabase("gateway"));
    p.put("datasources.default.dialect", "POSTGRES");
    p.put("flyway.datasources.default.enabled", true);
    p.put("flyway.datasources.default.locations", "classpath:db/migration/shared");
    try (ApplicationContext ctx = ApplicationContext.run(p, "test")) {
      CallTraces traces = ctx.getBean(CallTraces.class);
      Instant t0 = Instant.parse("2025-06-18T09:00:00Z");
      for (int i = 0; i < 3; i++) {
        traces.submit(new PendingCall("id-" + i, i == 2 ? "other.task" : "claims.verdict", "chat", "tester", "trace",
            "run-1", "damage", "openai", "gpt-4o-mini", "v1", "v2", "input [EMAIL_1]", "{\"a\":1}", Map.of("a", 1),
            s -> s, 100, 20, 10, new BigDecimal("0.0000335"), 1234, List.of(new LlmCallRecord.Attempt("openai",
                "gpt-4o-mini", "ok", null, 12)), i == 1 ? "error" : "ok", null, t0.plusSeconds(i)));
      }
      assertTrue(traces.flush(Duration.ofSeconds(10)));
      LlmCallRecord one = traces.find("id-0").orElseThrow();
      assertEquals(0, new BigDecimal("0.0000335").compareTo(one.cost()));
      assertEquals(t0, one.createdAt());
      assertEquals("ok", one.attempts().get(0).status());
      assertEquals(List.of("id-1", "id-0"),
          traces.list(new LlmCallQuery("claims.verdict", null, null, null, 10)).stream().map(LlmCallRecord::id).toList());
      assertEquals(List.of("id-1"),
          traces.list(new LlmCallQuery(null, "error", null, null, 10)).stream().map(LlmCallRecord::id).toList());
      assertEquals(List.of("id-1"), traces.list(new LlmCallQuery(null, null, t0.plusSeconds(1), t0.plusSeconds(2), 10))
          .stream().map(LlmCallRecord::id).toList());
      assertEquals(3, traces.byRun("run-1").size());
    }
  }
}
