package com.carmutual.shared.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.shared.gateway.local.LocalTask;
import com.carmutual.shared.gateway.redact.PersonalValues;
import io.micronaut.context.ApplicationContext;
import io.micronaut.serde.annotation.Serdeable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A remote route (fake OpenAI server on loopback, real H2 database): the provider and the stored
 * trace (every text column of {@code llm_call}) see only placeholders, for data the redactor finds
 * and for the personal values the input itself names; the caller gets the real values back.
 */
class RedactedTraceTest {
  /** What the phone agent's input looks like: free text, and the values it knows are personal. */
  @Serdeable
  record Turn(String utterance, Map<String, String> values) implements PersonalValues {
    @Override
    public Collection<String> personalValues() {
      return values.values();
    }
  }

  @Serdeable
  record Reply(String summary, List<String> mentioned) {}

  static final class LocalReply implements LocalTask<Turn, Reply> {
    @Override
    public String task() {
      return "phone.summary";
    }

    @Override
    public Reply run(Turn input, List<ImageInput> images) {
      return new Reply("local", List.of());
    }
  }

  static final List<String> SECRETS = List.of("Wang Fang", "王芳", "13812345678", "+44 20 7946 0958", "wang.fang@example.com",
      "LSVAU2180N2183294", "粤B12345", "M123456", "北京市朝阳区建国路88号", "12 Elm Street", "Maple Court Garage");

  FakeProviderServer server;
  ApplicationContext ctx;
  String url;

  @BeforeEach
  void start() throws Exception {
    server = new FakeProviderServer("openai");
    Map<String, Object> p = new HashMap<>();
    url = "jdbc:h2:mem:redacted-" + UUID.randomUUID()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    p.put("datasources.default.url", url);
    p.put("datasources.default.username", "sa");
    p.put("datasources.default.password", "");
    p.put("datasources.default.dialect", "POSTGRES");
    p.put("flyway.datasources.default.enabled", true);
    p.put("flyway.datasources.default.locations", "classpath:db/migration/shared");
    p.put("llm.providers.fake.type", "openai");
    p.put("llm.providers.fake.base-url", server.baseUrl());
    p.put("llm.providers.fake.api-key", "test-openai-key");
    p.put("llm.routes.summary.task", "phone.summary");
    p.put("llm.routes.summary.version", "v1");
    p.put("llm.routes.summary.targets", List.of(Map.of("provider", "fake", "model", "fake-model"), Map.of("provider", "local")));
    p.put("llm.routes.summary.max-retries", 0);
    ctx = ApplicationContext.builder().properties(p).environments("test").singletons(new LocalReply()).start();
  }

  @AfterEach
  void stop() {
    ctx.close();
    server.close();
  }

  @Test
  void theProviderAndTheStoredTraceSeeOnlyPlaceholders() throws Exception {
    // the fake model answers with every placeholder it was sent, as a model quoting the caller would
    server.answering(body -> {
      List<String> seen = new ArrayList<>();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[[A-Z]+_\\d+\\]").matcher(body);
      while (m.find()) {
        if (!seen.contains(m.group())) {
          seen.add(m.group());
        }
      }
      return "{\"summary\":\"caller " + (seen.isEmpty() ? "?" : seen.get(0)) + " reported a crash\",\"mentioned\":"
          + seen.stream().map(s -> "\"" + s + "\"").toList() + "}";
    });
    Turn turn = new Turn(
        "This is Wang Fang (王芳), phone 13812345678 or +44 20 7946 0958, mail wang.fang@example.com. My car "
            + "LSVAU2180N2183294, plate 粤B12345, member M123456, was hit outside 北京市朝阳区建国路88号; "
            + "I live at 12 Elm Street. Towed to Maple Court Garage.",
        Map.of("name", "Wang Fang", "name_zh", "王芳", "garage", "Maple Court Garage"));
    Reply reply = ctx.getBean(LlmGateway.class).structured("phone.summary", turn, Reply.class);

    String sent = server.requests.get(0);
    for (String secret : SECRETS) {
      assertFalse(sent.contains(secret), secret + " reached the provider: " + sent);
    }
    assertFalse(sent.contains("personalValues"), "the interface method is not part of the input JSON");
    assertTrue(reply.summary().startsWith("caller Wang Fang"), reply.summary());
    assertTrue(reply.mentioned().containsAll(List.of("13812345678", "粤B12345", "M123456", "12 Elm Street")), reply.mentioned().toString());

    LlmCalls calls = ctx.getBean(LlmCalls.class);
    assertTrue(calls.flush(Duration.ofSeconds(5)));
    LlmCallRecord row = calls.list(new LlmCallQuery("phone.summary", null, null, null, 10)).get(0);
    assertEquals("fake", row.provider());
    for (String column : new String[] {row.input(), row.output(), row.parsed()}) {
      for (String secret : SECRETS) {
        assertFalse(column.contains(secret), secret + " stored in the trace: " + column);
      }
    }
    // and in the database itself, every text column of every row
    try (Connection c = java.sql.DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("select * from llm_call")) {
      int rows = 0;
      while (rs.next()) {
        rows++;
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          String v = rs.getString(i);
          for (String secret : SECRETS) {
            assertFalse(v != null && v.contains(secret), secret + " in llm_call." + rs.getMetaData().getColumnName(i));
          }
        }
      }
      assertEquals(1, rows);
    }
    assertTrue(row.input().contains("[NAME_") && row.input().contains("[PHONE_") && row.input().contains("[ADDRESS_"), row.input());
  }
}
