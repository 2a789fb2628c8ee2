package com.carmutual.shared.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.shared.gateway.FakeProviderServer.Answer;
import com.carmutual.shared.gateway.FakeProviderServer.CloseConnection;
import com.carmutual.shared.gateway.FakeProviderServer.Hang;
import com.carmutual.shared.gateway.FakeProviderServer.RawBody;
import com.carmutual.shared.gateway.FakeProviderServer.Status;
import com.carmutual.shared.gateway.local.LocalTask;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The gateway's behaviour against one provider's fake server, written once and run per provider
 * (see {@link OpenAiGatewayTest}, {@link AnthropicGatewayTest}): retries, Retry-After, fallback
 * order, timeouts, dropped connections, schema repair, circuit opening, redaction, caching,
 * answer sources, version precedence, traces and cost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class GatewayContract {
  @Serdeable
  record Claim(String text, String memberId) {}

  @Serdeable
  enum Level { LOW, HIGH }

  @Serdeable
  record Verdict(String decision, int score, Level level, List<String> reasons, @Nullable String note) {}

  static final String GOOD = "{\"decision\":\"repair\",\"score\":7,\"level\":\"HIGH\",\"reasons\":[\"bumper\"],\"note\":null}";
  static final Claim CLAIM = new Claim("Rear bumper cracked", "M-1001");

  /** The local implementation, so fallbacks can be seen: decision "local". */
  static final class LocalVerdict implements LocalTask<Claim, Verdict> {
    @Override
    public String task() {
      return "claims.verdict";
    }

    @Override
    public Verdict run(Claim input, List<ImageInput> images) {
      return new Verdict("local", 1, Level.LOW, List.of(), null);
    }
  }

  FakeProviderServer server;
  ApplicationContext ctx;

  /** {@code openai} or {@code anthropic}. */
  abstract String providerType();

  @BeforeAll
  void startServer() throws Exception {
    server = new FakeProviderServer(providerType());
  }

  @AfterAll
  void stopServer() {
    server.close();
  }

  @AfterEach
  void stopContext() {
    if (ctx != null) {
      ctx.close();
      ctx = null;
    }
    server.reset();
  }

  Map<String, Object> baseProperties() {
    Map<String, Object> p = new HashMap<>();
    p.put("datasources.default.url", "jdbc:h2:mem:gw-" + UUID.randomUUID()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    p.put("datasources.default.username", "sa");
    p.put("datasources.default.password", "");
    p.put("datasources.default.dialect", "POSTGRES");
    p.put("flyway.datasources.default.enabled", true);
    p.put("flyway.datasources.default.locations", "classpath:db/migration/shared");
    p.put("llm.providers.fake.type", providerType());
    p.put("llm.providers.fake.base-url", server.baseUrl());
    p.put("llm.providers.fake.api-key", providerType().equals("openai") ? "test-openai-key" : "test-anthropic-key");
    p.put("llm.retry.initial-backoff", "5ms");
    p.put("llm.retry.max-backoff", "20ms");
    p.put("llm.circuit.failure-threshold", 3);
    p.put("llm.circuit.open-for", "1m");
    p.put("llm.prices", List.of(Map.of("model", "fake-model", "input", "2.50", "output", "10.00", "cached", "1.25")));
    return p;
  }

  /** A route for claims.verdict: the fake first, then local. */
  void route(Map<String, Object> p, String key, String version, int retries, boolean withLocal, Object... extra) {
    List<Object> targets = new ArrayList<>();
    targets.add(Map.of("provider", "fake", "model", "fake-model"));
    if (withLocal) {
      targets.add(Map.of("provider", "local"));
    }
    p.put("llm.routes." + key + ".task", "claims.verdict");
    p.put("llm.routes." + key + ".version", version);
    p.put("llm.routes." + key + ".targets", targets);
    p.put("llm.routes." + key + ".timeout", "400ms");
    p.put("llm.routes." + key + ".deadline", "5s");
    p.put("llm.routes." + key + ".max-retries", retries);
    for (int i = 0; i < extra.length; i += 2) {
      p.put("llm.routes." + key + "." + extra[i], extra[i + 1]);
    }
  }

  LlmGateway start(Map<String, Object> p, Object... singletons) {
    var builder = ApplicationContext.builder().properties(p).environments("test");
    List<Object> beans = new ArrayList<>(List.of(singletons));
    beans.add(new LocalVerdict());
    builder.singletons(beans.toArray());
    ctx = builder.start();
    return ctx.getBean(LlmGateway.class);
  }

  LlmGateway startDefault(int retries) {
    Map<String, Object> p = baseProperties();
    route(p, "verdict", "v1", retries, true);
    return start(p);
  }

  List<LlmCallRecord> traces() {
    LlmCalls calls = ctx.getBean(LlmCalls.class);
    assertTrue(calls.flush(Duration.ofSeconds(5)));
    return calls.list(new LlmCallQuery("claims.verdict", null, null, null, 100));
  }

  Verdict call(LlmGateway gw) {
    return gw.structured("claims.verdict", CLAIM, Verdict.class);
  }

  @Test
  void answersFromTheProviderAndTracesTheCallWithTokensAndExactCost() {
    server.answering(body -> GOOD);
    Verdict v = call(startDefault(0));
    assertEquals(new Verdict("repair", 7, Level.HIGH, List.of("bumper"), null), v);
    assertEquals(1, server.count());
    List<LlmCallRecord> rows = traces();
    assertEquals(1, rows.size());
    LlmCallRecord r = rows.get(0);
    assertEquals("ok", r.outcome());
    assertEquals("fake", r.provider());
    assertEquals("fake-model", r.model());
    assertEquals("v1", r.routeVersion());
    assertEquals("v1", r.promptVersion());
    assertEquals(1000, r.inputTokens());
    assertEquals(200, r.outputTokens());
    assertEquals(400, r.cachedTokens());
    // 600 x 2.50 + 400 x 1.25 + 200 x 10.00 per million = 0.004
    assertEquals(0, new BigDecimal("0.004").compareTo(r.cost()), r.cost().toPlainString());
    assertEquals(1, r.attempts().size());
    assertTrue(ctx.getBean(LlmCalls.class).find(r.id()).isPresent());
  }

  @Test
  void speaksTheWireFormatForStructuredOutput() {
    server.answering(body -> GOOD);
    call(startDefault(0));
    String body = server.requests.get(0);
    if (providerType().equals("openai")) {
      assertTrue(body.contains("\"response_format\":{\"type\":\"json_schema\""), body);
      assertTrue(body.contains("\"strict\":true"), body);
    } else {
      assertTrue(body.contains("\"tool_choice\":{\"type\":\"tool\",\"name\":\"claims_verdict\"}"), body);
      assertTrue(body.contains("\"input_schema\""), body);
      assertTrue(body.contains("\"max_tokens\":1024"), body);
    }
    assertTrue(body.contains("fake-model"), body);
  }

  @Test
  void retriesAfterRateLimitHonouringRetryAfter() {
    server.then(new Status(429, "1")).answering(body -> GOOD);
    long t0 = System.nanoTime();
    Verdict v = call(startDefault(2));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertEquals("repair", v.decision());
    assertEquals(2, server.count());
    assertTrue(ms >= 900, "waited only " + ms + " ms despite Retry-After: 1");
    LlmCallRecord r = traces().get(0);
    assertEquals("ok", r.outcome(), "the first target answered, after a retry");
    assertEquals("rate_limited_429", r.attempts().get(0).status());
  }

  @Test
  void retriesServerErrorsThenFallsBackToTheNextTarget() {
    server.then(new Status(500, null), new Status(502, null), new Status(503, null));
    Verdict v = call(startDefault(2));
    assertEquals("local", v.decision());
    assertEquals(3, server.count(), "1 try + 2 retries");
    LlmCallRecord r = traces().get(0);
    assertEquals("fallback", r.outcome());
    assertEquals("local", r.provider());
    assertEquals(List.of("server_error_500", "server_error_502", "server_error_503", "ok"),
        r.attempts().stream().map(LlmCallRecord.Attempt::status).toList());
  }

  @Test
  void timesOutAHangingProviderAndFallsBack() {
    server.then(new Hang(1500));
    Verdict v = call(startDefault(0));
    assertEquals("local", v.decision());
    assertEquals("timeout", traces().get(0).attempts().get(0).status());
  }

  @Test
  void retriesWhenTheConnectionDrops() {
    server.then(new CloseConnection()).answering(body -> GOOD);
    Verdict v = call(startDefault(1));
    assertEquals("repair", v.decision());
    assertEquals(2, server.count());
    assertEquals("connection", traces().get(0).attempts().get(0).status());
  }

  @Test
  void repairsMalformedJsonOnceWithTheErrorsInThePrompt() {
    server.then(new Answer("{\"decision\": \"repair\", oops")).answering(body -> GOOD);
    Verdict v = call(startDefault(0));
    assertEquals("repair", v.decision());
    assertEquals(2, server.count());
    assertTrue(server.requests.get(1).contains("does not fit the JSON schema"), server.requests.get(1));
  }

  @Test
  void movesToTheNextTargetWhenTheRepairAlsoViolatesTheSchema() {
    String bad = "{\"decision\":\"repair\",\"score\":\"seven\",\"level\":\"EXTREME\",\"reasons\":[]}";
    server.then(new Answer(bad), new Answer(bad));
    Verdict v = call(startDefault(0));
    assertEquals("local", v.decision());
    assertEquals(2, server.count());
    LlmCallRecord r = traces().get(0);
    assertEquals("invalid_output", r.attempts().get(0).status());
    assertTrue(r.attempts().get(0).error().contains("$.score: expected an integer"), r.attempts().get(0).error());
  }

  @Test
  void aMalformedWireBodyIsRetried() {
    server.then(new RawBody("<html>bad gateway</html>")).answering(body -> GOOD);
    assertEquals("repair", call(startDefault(1)).decision());
    assertEquals("malformed_response", traces().get(0).attempts().get(0).status());
  }

  @Test
  void failsWithTypedKindWhenEveryTargetFails() {
    Map<String, Object> p = baseProperties();
    route(p, "verdict", "v1", 0, false);
    LlmGateway gw = start(p);
    server.then(new Status(400, null));
    LlmException e = assertThrows(LlmException.class, () -> call(gw));
    assertEquals(LlmException.Kind.REJECTED, e.kind());
    assertEquals(1, server.count(), "a bad request is not retried");
    server.then(new Status(503, null));
    assertEquals(LlmException.Kind.UNAVAILABLE, assertThrows(LlmException.class, () -> call(gw)).kind());
    assertEquals("error", traces().get(0).outcome());
  }

  @Test
  void stopsAtTheOverallDeadline() {
    Map<String, Object> p = baseProperties();
    route(p, "verdict", "v1", 5, true, "deadline", "700ms");
    LlmGateway gw = start(p);
    server.then(new Hang(1500), new Hang(1500), new Hang(1500));
    long t0 = System.nanoTime();
    LlmException e = assertThrows(LlmException.class, () -> call(gw));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(LlmException.Kind.DEADLINE_EXCEEDED, e.kind());
    assertTrue(ms < 1400, "gave up after " + ms + " ms, deadline 700 ms");
    assertEquals(2, server.count(), "two 400 ms attempts fit in the 700 ms deadline, the second cut short");
  }

  @Test
  void rejectsARouteToAnUnknownProviderAtStart() {
    Map<String, Object> p = baseProperties();
    route(p, "verdict", "v1", 0, false);
    p.put("llm.routes.verdict.targets", List.of(Map.of("provider", "nowhere", "model", "m")));
    Exception e = assertThrows(Exception.class, () -> start(p).structured("claims.verdict", CLAIM, Verdict.class));
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    assertTrue(root.getMessage().contains("nowhere"), root.getMessage());
  }

  @Test
  void opensTheCircuitAfterRepeatedFailuresAndSkipsTheProvider() {
    server.then(new Status(500, null), new Status(500, null), new Status(500, null));
    LlmGateway gw = startDefault(0);
    for (int i = 0; i < 3; i++) {
      assertEquals("local", call(gw).decision());
    }
    assertEquals(3, server.count());
    server.answering(body -> GOOD);
    assertEquals("local", call(gw).decision(), "circuit open: the provider is skipped");
    assertEquals(3, server.count(), "no request reached the provider while the circuit is open");
    assertEquals("circuit_open", traces().get(0).attempts().get(0).status());
  }

  @Test
  void redactsPersonalDataBeforeTheProviderAndRestoresItInTheAnswer() {
    server.answering(body -> {
      String who = body.contains("[NAME_1]") ? "[NAME_1]" : "nobody";
      String phone = body.contains("[PHONE_1]") ? "[PHONE_1]" : "none";
      return "{\"decision\":\"call " + who + " at " + phone + "\",\"score\":1,\"level\":\"LOW\",\"reasons\":[\"[MEMBER_1]\"],\"note\":null}";
    });
    LlmGateway gw = startDefault(0);
    Claim claim = new Claim("Li Na called from 13812345678 about her bumper", "M-1001");
    Verdict v = gw.structured(StructuredRequest.of("claims.verdict", claim, Verdict.class).withRedacted(List.of("Li Na")));
    String sent = server.requests.get(0);
    assertFalse(sent.contains("Li Na") || sent.contains("13812345678") || sent.contains("M-1001"), sent);
    assertEquals("call Li Na at 13812345678", v.decision());
    assertEquals(List.of("M-1001"), v.reasons());
    LlmCallRecord r = traces().get(0);
    assertFalse(r.input().contains("13812345678") || r.input().contains("Li Na"), r.input());
    assertFalse(r.parsed().contains("13812345678") || r.parsed().contains("Li Na"), r.parsed());
  }

  @Test
  void cachesDeterministicCallsByTaskTargetPromptVersionAndInput() {
    Map<String, Object> p = baseProperties();
    route(p, "verdict", "v1", 0, true, "temperature", 0);
    LlmGateway gw = start(p);
    server.answering(body -> GOOD);
    assertEquals("repair", call(gw).decision());
    assertEquals("repair", call(gw).decision());
    assertEquals(1, server.count());
    gw.structured("claims.verdict", new Claim("another text", "M-2"), Verdict.class);
    assertEquals(2, server.count(), "another input is not a hit");
    List<LlmCallRecord> rows = traces();
    assertEquals(1, rows.stream().filter(r -> r.outcome().equals("cached")).count());
    assertTrue(server.requests.get(0).contains("\"temperature\":0"), server.requests.get(0));
  }

  @Test
  void anAnswerSourceAnswersBeforeAnyProvider() {
    AnswerSource annotations = (task, inputJson) -> inputJson.contains("bumper")
        ? Optional.of(new AnswerSource.PresetAnswer(GOOD.replace("repair", "annotated"), "annotation:a1"))
        : Optional.empty();
    Map<String, Object> p = baseProperties();
    route(p, "verdict", "v1", 0, true);
    LlmGateway gw = start(p, annotations);
    assertEquals("annotated", call(gw).decision());
    assertEquals(0, server.count());
    LlmCallRecord r = traces().get(0);
    assertEquals("answered_by_source", r.outcome());
    assertEquals("annotation:a1", r.model());
  }

  @Test
  void overridesBeatActiveVersionsWhichBeatConfiguration() {
    Map<String, Object> p = baseProperties();
    route(p, "verdict", "v1", 0, false, "default", true);
    p.put("llm.routes.verdict-local.task", "claims.verdict");
    p.put("llm.routes.verdict-local.version", "v2");
    p.put("llm.routes.verdict-local.targets", List.of(Map.of("provider", "local")));
    server.answering(body -> GOOD);
    ActiveVersions active = task -> Optional.of(new TaskVersion("v2", "v7"));
    LlmGateway gw = start(p, active);
    assertEquals("local", call(gw).decision(), "the active version v2 (local) beats the configured default v1");
    Verdict overridden = GatewayOverrides.with(Map.of("claims.verdict", new TaskVersion("v1", null)), () -> call(gw));
    assertEquals("repair", overridden.decision(), "the override v1 beats the active version");
    GatewayCatalog catalog = ctx.getBean(GatewayCatalog.class);
    assertEquals(new TaskVersion("v2", "v7"), catalog.effective("claims.verdict"));
    GatewayCatalog.TaskEntry entry = catalog.task("claims.verdict").orElseThrow();
    assertEquals("v1", entry.defaultRouteVersion());
    assertEquals(List.of("local", "v1", "v2"), entry.routes().stream().map(GatewayCatalog.RouteVersion::version).sorted().toList());
    assertTrue(entry.hasLocalImplementation());
    List<LlmCallRecord> rows = traces();
    assertTrue(rows.stream().anyMatch(r -> "v1".equals(r.routeVersion()) && "v7".equals(r.promptVersion())),
        "prompt version from the active versions is recorded");
  }

  @Test
  void rendersTheVersionedPromptFileWithInputSchemaAndVariables() {
    server.answering(body -> GOOD);
    LlmGateway gw = startDefault(0);
    gw.structured(StructuredRequest.of("claims.verdict", CLAIM, Verdict.class).withVariables(Map.of("insurer", "CarMutual")));
    String v1 = server.requests.get(0);
    assertTrue(v1.contains("Decide how to handle this claim for CarMutual."), v1);
    assertTrue(v1.contains("Rear bumper cracked"), v1);
    assertTrue(v1.contains("\\\"enum\\\":[\\\"LOW\\\",\\\"HIGH\\\"]"), v1);
    GatewayOverrides.with(Map.of("claims.verdict", new TaskVersion(null, "v2")), () -> call(gw));
    assertTrue(server.requests.get(1).contains("PROMPT-V2"), server.requests.get(1));
    List<String> versions = traces().stream().map(LlmCallRecord::promptVersion).sorted().toList();
    assertEquals(List.of("v1", "v2"), versions);
    assertEquals(List.of("v1", "v2"), ctx.getBean(GatewayCatalog.class).task("claims.verdict").orElseThrow().promptVersions());
  }

  @Test
  void recordsTheWorkflowRunAndNodeOfEachCall() {
    server.answering(body -> GOOD);
    LlmGateway gw = startDefault(0);
    CallScope.within("run-42", "damage", () -> call(gw));
    LlmCalls calls = ctx.getBean(LlmCalls.class);
    calls.flush(Duration.ofSeconds(5));
    List<LlmCallRecord> rows = calls.byRun("run-42");
    assertEquals(1, rows.size());
    assertEquals("damage", rows.get(0).node());
  }

  @Test
  void aTaskWithoutLocalImplementationFailsNamingTheTask() {
    LlmGateway gw = start(baseProperties());
    LlmException e = assertThrows(LlmException.class,
        () -> gw.structured("claims.unknown", CLAIM, Verdict.class));
    assertEquals(LlmException.Kind.NO_LOCAL_IMPLEMENTATION, e.kind());
    assertTrue(e.getMessage().contains("claims.unknown"), e.getMessage());
    assertNotNull(gw.structured("claims.verdict", CLAIM, Verdict.class), "a task with no route runs locally");
  }

  @Test
  void chatGoesThroughTheSameRoute() {
    Map<String, Object> p = baseProperties();
    route(p, "verdict", "v1", 0, false);
    LlmGateway gw = start(p);
    server.answering(body -> body.contains("[EMAIL_1]") ? "write to [EMAIL_1]" : "no email seen");
    ChatResponse r = gw.chat("claims.verdict", List.of(ChatMessage.user("my mail is li@example.com")));
    assertEquals("write to li@example.com", r.content());
    assertEquals("fake", r.provider());
  }
}
