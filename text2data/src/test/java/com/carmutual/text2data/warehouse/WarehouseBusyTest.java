package com.carmutual.text2data.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The warehouse pool is bounded: when every connection is taken and the wait runs out, a question is
 * answered 503 problem+json with Retry-After (nothing grows, nothing is half done), and answered
 * normally once a connection is free again.
 */
class WarehouseBusyTest {

  @Test
  @SuppressWarnings("unchecked")
  void aQuestionFindingEveryConnectionBusyGets503WithRetryAfter() throws Exception {
    Map<String, Object> props = Map.of("text2data.warehouse.pool-size", 1, "text2data.warehouse.queue-size", 1,
        "text2data.warehouse.queue-wait", "300ms",
        "datasources.default.url", "jdbc:h2:mem:t2d-busy;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props, "test");
        HttpClient client = server.getApplicationContext().createBean(HttpClient.class, server.getURL())) {
      Warehouse warehouse = server.getApplicationContext().getBean(Warehouse.class);
      var ask = HttpRequest.POST("/v1/ask", Map.of("question", "How many claims by channel last month?", "asOf", "2025-06-18")).bearerAuth("test-key");
      Connection held = warehouse.acquire();
      try {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class, () -> client.toBlocking().exchange(ask, String.class));
        assertEquals(503, e.getStatus().getCode());
        assertEquals("2", e.getResponse().getHeaders().get("Retry-After"));
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        assertTrue(e.getResponse().getBody(String.class).orElseThrow().contains("/problems/warehouse-busy"));
      } finally {
        warehouse.release(held);
      }
      Map<String, Object> a = client.toBlocking().retrieve(ask, Map.class);
      assertEquals("answered", a.get("status"), String.valueOf(a));
    }
  }

  @Test
  void questionsBeyondPoolAndQueueAreRefusedAtOnce() throws Exception {
    try (Warehouse w = new Warehouse(WarehouseConfig.embeddedDefault().withPool(1, 0).withStatementTimeout(java.time.Duration.ofSeconds(3)))) {
      var slow = new com.carmutual.text2data.compile.CompiledQuery(
          "SELECT COUNT(*) FROM app_events a, app_events b WHERE a.event_id + b.event_id % 7 = 3", "DUCKDB", java.util.List.of(), 10);
      var quick = new com.carmutual.text2data.compile.CompiledQuery("SELECT COUNT(*) FROM claims", "DUCKDB", java.util.List.of(), 10);
      Thread t = new Thread(() -> {
        while (true) {
          try {
            w.execute(slow);
            return;
          } catch (WarehouseBusyException e) {
            // a quick question held the slot for a moment: take it as soon as it is free
            Thread.onSpinWait();
          } catch (RuntimeException stoppedByTheStatementTimeout) {
            return;
          }
        }
      });
      t.start();
      long deadline = System.nanoTime() + 5_000_000_000L;
      boolean refused = false;
      while (!refused && System.nanoTime() < deadline && t.isAlive()) {
        try {
          w.execute(quick);
          Thread.sleep(5);
        } catch (WarehouseBusyException e) {
          refused = true;
        }
      }
      assertTrue(refused, "a second question while the only slot is taken (by a query of several seconds) is refused");
      t.join(60_000);
    }
  }
}
