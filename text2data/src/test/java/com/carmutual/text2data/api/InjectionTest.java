package com.carmutual.text2data.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Attempts to write or escape through questions and semantic queries change nothing in the warehouse. */
@MicronautTest(environments = "test")
class InjectionTest {
  private static final List<String> TABLES = List.of("members", "vehicles", "memberships", "claims", "claim_lines", "payments",
      "app_events", "app_event_properties", "phone_calls", "dim_date");

  @Inject
  @Client("/")
  HttpClient client;

  @Inject
  com.carmutual.text2data.warehouse.Warehouse warehouse;

  @Test
  void injectionAttemptsAreRefusedOrHarmlessAndTheWarehouseIsUnchanged() throws Exception {
    Map<String, String> before = fingerprint();
    List<String> questions = List.of(
        "Show claims; DROP TABLE claims; --",
        "claim count by city' OR '1'='1",
        "上个月理赔数量'); DELETE FROM claims; --",
        "SELECT pg_sleep(600)",
        "claim count last month WITH d AS (DELETE FROM claims RETURNING *) SELECT 1",
        "ＤＲＯＰ　ＴＡＢＬＥ　ｃｌａｉｍｓ",
        "claim count by province\u202E;smialc elbat pord",
        "claims in Guang\u200Bzhou last month",
        "delete all claims from last month",
        "update members set province = 'x'",
        "UNION SELECT full_name FROM members",
        "列出会员的姓名和手机号");
    for (String q : questions) {
      Map<String, Object> a = ask(q);
      String status = (String) a.get("status");
      assertTrue(List.of("answered", "clarify", "refused").contains(status), q + " -> " + a);
      if ("answered".equals(status)) {
        String sql = ((String) a.get("sql")).toUpperCase();
        assertTrue(!sql.contains("DROP") && !sql.contains("DELETE") && !sql.contains("SLEEP") && !sql.contains("UPDATE"), sql);
      }
    }
    assertNotEquals("answered", ask("Show claims; DROP TABLE claims; --").get("status"));
    assertEquals("refused", ask("列出会员的姓名和手机号").get("status"));
    List<Map<String, Object>> queries = List.of(
        query(Map.of("kind", "metrics", "metrics", List.of("claim_count"), "dimensions", List.of("member.city"),
            "filters", List.of(Map.of("field", "member.city", "op", "in", "values", List.of("x') OR 1=1; DROP TABLE claims; --"))))),
        query(Map.of("kind", "metrics", "metrics", List.of("claim_count; DROP TABLE claims"))),
        query(Map.of("kind", "metrics", "metrics", List.of("claim_count"), "dimensions", List.of("member.city); DELETE FROM claims; --"))),
        query(Map.of("kind", "metrics", "metrics", List.of("claim_count"),
            "filters", List.of(Map.of("field", "claim.status", "op", "in", "values", List.of("rejected' OR 'a'='a"))))),
        query(Map.of("kind", "metrics", "metrics", List.of("claim_count"),
            "time", Map.of("start", "2024-01-01' OR 1=1 --", "end", "2025-01-01"))));
    for (Map<String, Object> r : queries) {
      if ("answered".equals(r.get("status"))) {
        assertTrue(((List<?>) r.get("rows")).size() <= 1, String.valueOf(r));
      }
    }
    assertEquals(before, fingerprint());
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> ask(String q) {
    return client.toBlocking().retrieve(HttpRequest.POST("/v1/ask", Map.of("question", q, "asOf", "2025-06-18")).bearerAuth("test-key"), Map.class);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> query(Map<String, Object> q) {
    try {
      return client.toBlocking().retrieve(HttpRequest.POST("/v1/query", Map.of("query", q, "asOf", "2025-06-18")).bearerAuth("test-key"), Map.class);
    } catch (HttpClientResponseException e) {
      assertEquals(400, e.getStatus().getCode(), e.getMessage());
      return Map.of("status", "rejected");
    }
  }

  /** Row count and a CRC32 of every value, per table. */
  Map<String, String> fingerprint() throws Exception {
    Map<String, String> out = new LinkedHashMap<>();
    Connection c = warehouse.acquire();
    try (Statement s = c.createStatement()) {
      for (String t : TABLES) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        long rows = 0;
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + t + " ORDER BY 1, 2")) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            rows++;
            for (int i = 1; i <= n; i++) {
              crc.update(String.valueOf(rs.getObject(i)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
          }
        }
        out.put(t, rows + ":" + crc.getValue());
      }
    } finally {
      warehouse.release(c);
    }
    return out;
  }
}
