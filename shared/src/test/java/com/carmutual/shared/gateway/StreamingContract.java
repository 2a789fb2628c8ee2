package com.carmutual.shared.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.shared.gateway.FakeProviderServer.BrokenAfter;
import com.carmutual.shared.gateway.FakeProviderServer.ErrorAfter;
import com.carmutual.shared.gateway.FakeProviderServer.Stalled;
import com.carmutual.shared.gateway.FakeProviderServer.Status;
import com.carmutual.shared.gateway.FakeProviderServer.Streamed;
import com.carmutual.shared.gateway.budget.BudgetExceededException;
import com.carmutual.shared.gateway.budget.Budgets;
import com.carmutual.shared.gateway.local.LocalTask;
import io.micronaut.context.ApplicationContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link LlmGateway#stream} against two fake servers of one wire format on loopback (the route's
 * first and second target), written once and run per format: tokens in order, time to first token
 * traced, fallback before the first token (slow first token, 429, malformed chunk) and never after
 * it (stall, malformed chunk, error event), redaction across pieces, the local provider, cancel,
 * and the budgets of {@code CallPipeline} (a spent budget refuses the call; an answer is charged).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StreamingContract {
  static final String TASK = "claims.reply";

  /** The local answer, so a fallback to local can be seen. */
  static final class LocalReply implements LocalTask<Object, Object> {
    @Override
    public String task() {
      return TASK;
    }

    @Override
    public Object run(Object input, List<ImageInput> images) {
      return "We will call you back today.";
    }
  }

  /** Records what the gateway hands over, in order. */
  static final class Recorder implements StreamListener {
    final List<String> tokens = new ArrayList<>();
    StreamResult result;
    LlmException error;
    int cancelAfter = Integer.MAX_VALUE;

    @Override
    public void onToken(String text) {
      tokens.add(text);
    }

    @Override
    public void onComplete(StreamResult r) {
      assertNull(result, "completed twice");
      assertNull(error, "completed after an error");
      result = r;
    }

    @Override
    public void onError(LlmException e) {
      assertNull(result, "error after completion");
      assertNull(error, "two errors");
      error = e;
    }

    @Override
    public boolean cancelled() {
      return tokens.size() >= cancelAfter;
    }

    String text() {
      return String.join("", tokens);
    }
  }

  FakeProviderServer first;
  FakeProviderServer second;
  ApplicationContext ctx;

  abstract String providerType();

  @BeforeAll
  void startServers() throws Exception {
    first = new FakeProviderServer(providerType());
    second = new FakeProviderServer(providerType());
  }

  @AfterAll
  void stopServers() {
    first.close();
    second.close();
  }

  @AfterEach
  void stopContext() {
    if (ctx != null) {
      ctx.close();
      ctx = null;
    }
    first.reset();
    second.reset();
  }

  LlmGateway start(boolean withLocal, Object... extra) {
    Map<String, Object> p = new HashMap<>();
    p.put("datasources.default.url", "jdbc:h2:mem:stream-" + UUID.randomUUID()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    p.put("datasources.default.username", "sa");
    p.put("datasources.default.password", "");
    p.put("datasources.default.dialect", "POSTGRES");
    p.put("flyway.datasources.default.enabled", true);
    p.put("flyway.datasources.default.locations", "classpath:db/migration/shared");
    String key = providerType().equals("openai") ? "test-openai-key" : "test-anthropic-key";
    for (var e : Map.of("one", first, "two", second).entrySet()) {
      p.put("llm.providers." + e.getKey() + ".type", providerType());
      p.put("llm.providers." + e.getKey() + ".base-url", e.getValue().baseUrl());
      p.put("llm.providers." + e.getKey() + ".api-key", key);
    }
    p.put("llm.retry.initial-backoff", "5ms");
    p.put("llm.retry.max-backoff", "20ms");
    p.put("llm.prices", List.of(Map.of("model", "fake-model", "input", "2.50", "output", "10.00", "cached", "1.25")));
    List<Object> targets = new ArrayList<>(List.of(Map.of("provider", "one", "model", "fake-model"),
        Map.of("provider", "two", "model", "fake-model")));
    if (withLocal) {
      targets.add(Map.of("provider", "local"));
    }
    p.put("llm.routes.reply.task", TASK);
    p.put("llm.routes.reply.targets", targets);
    p.put("llm.routes.reply.deadline", "5s");
    p.put("llm.routes.reply.max-retries", 0);
    // generous for a loaded machine (a cold JVM's first request); tests of the limits set them lower
    p.put("llm.routes.reply.first-token-timeout", "8s");
    p.put("llm.routes.reply.idle-timeout", "8s");
    for (int i = 0; i < extra.length; i += 2) {
      if (extra[i + 1] == null) {
        p.remove((String) extra[i]);
      } else {
        p.put((String) extra[i], extra[i + 1]);
      }
    }
    ctx = ApplicationContext.builder().properties(p).environments("test").singletons(new LocalReply()).start();
    return ctx.getBean(LlmGateway.class);
  }

  Recorder stream(LlmGateway gw, Object input) {
    Recorder r = new Recorder();
    gw.stream(TASK, input, r);
    assertTrue(r.result != null ^ r.error != null, "exactly one of complete or error");
    return r;
  }

  LlmCallRecord trace() {
    LlmCalls calls = ctx.getBean(LlmCalls.class);
    assertTrue(calls.flush(Duration.ofSeconds(5)));
    List<LlmCallRecord> rows = calls.list(new LlmCallQuery(TASK, null, null, null, 10));
    assertEquals(1, rows.size());
    return rows.get(0);
  }

  @Test
  void streamsThePiecesInOrderAndTracesTimeToFirstToken() {
    first.then(new Streamed(List.of("The rear ", "bumper is ", "cracked."), 0));
    Recorder r = stream(start(true), "What is damaged?");
    assertEquals(List.of("The rear ", "bumper is ", "cracked."), r.tokens);
    assertEquals("The rear bumper is cracked.", r.result.text());
    assertEquals("one", r.result.provider());
    assertEquals(1000, r.result.inputTokens());
    assertEquals(200, r.result.outputTokens());
    assertTrue(r.result.firstTokenMicros() > 0 && r.result.firstTokenMicros() <= r.result.totalMicros(), r.result.toString());
    String body = first.requests.get(0);
    assertTrue(body.contains("\"stream\":true"), body);
    if (providerType().equals("openai")) {
      assertTrue(body.contains("\"stream_options\":{\"include_usage\":true}"), body);
    }
    assertEquals(0, second.count());
    LlmCallRecord t = trace();
    assertEquals("ok", t.outcome());
    assertEquals("The rear bumper is cracked.", t.output());
    assertNotNull(t.firstTokenMicros());
    assertTrue(t.firstTokenMicros() > 0 && t.firstTokenMicros() <= t.latencyMicros(), t.toString());
    assertEquals(r.result.callId(), t.id());
  }

  @Test
  void slowFirstTokenFallsBackToTheNextTarget() {
    first.then(new Streamed(List.of("late ", "answer"), 4_000));
    second.then(new Streamed(List.of("Second ", "answer."), 0));
    // the provider's own limit; the route sets none here, so "two" keeps the default
    LlmGateway gw = start(false, "llm.routes.reply.first-token-timeout", null, "llm.providers.one.first-token-timeout", "1s");
    long t0 = System.nanoTime();
    Recorder r = stream(gw, "What is damaged?");
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertEquals("Second answer.", r.text(), () -> String.valueOf(r.error));
    assertEquals("two", r.result.provider());
    LlmCallRecord t = trace();
    assertTrue(ms < 3_500, "waited " + ms + " ms for a first token limited to 1 s: " + t.attempts());
    assertEquals("fallback", t.outcome());
    assertEquals("timeout", t.attempts().get(0).status());
    assertTrue(t.attempts().get(0).error().contains("first-token timeout"), t.attempts().get(0).error());
  }

  @Test
  void stallMidStreamEndsWithAnIdleTimeoutAndNoFallback() {
    first.then(new Stalled(List.of("The rear ", "bumper "), 4_000));
    second.then(new Streamed(List.of("Second ", "answer."), 0));
    Recorder r = stream(start(true, "llm.routes.reply.idle-timeout", "1s"), "What is damaged?");
    assertEquals("The rear bumper ", r.text());
    assertNotNull(r.error);
    assertTrue(r.error.getMessage().contains("idle timeout"), r.error.getMessage());
    assertTrue(r.error.getMessage().contains("no fallback"), r.error.getMessage());
    assertEquals(0, second.count(), "another provider was asked after the first token");
    LlmCallRecord t = trace();
    assertEquals("error", t.outcome());
    assertEquals(1, t.attempts().size());
    assertNotNull(t.firstTokenMicros());
  }

  @Test
  void rateLimitBeforeStreamingFallsBack() {
    first.then(new Status(429, null));
    second.then(new Streamed(List.of("Second ", "answer."), 0));
    Recorder r = stream(start(false), "What is damaged?");
    assertEquals("Second answer.", r.text());
    LlmCallRecord t = trace();
    assertEquals("rate_limited_429", t.attempts().get(0).status());
    assertEquals("fallback", t.outcome());
  }

  @Test
  void malformedChunkBeforeTheFirstTokenFallsBack() {
    first.then(new BrokenAfter(List.of(), "data: {not json\n\n"));
    second.then(new Streamed(List.of("Second ", "answer."), 0));
    Recorder r = stream(start(false), "What is damaged?");
    assertEquals("Second answer.", r.text());
    LlmCallRecord t = trace();
    assertEquals("malformed_response", t.attempts().get(0).status());
    assertTrue(t.attempts().get(0).error().contains("not JSON"), t.attempts().get(0).error());
  }

  @Test
  void malformedChunkAfterTheFirstTokenEndsWithAClearError() {
    first.then(new BrokenAfter(List.of("The rear "), "data: {not json\n\n"));
    Recorder r = stream(start(true), "What is damaged?");
    assertEquals("The rear ", r.text());
    assertTrue(r.error.getMessage().contains("a chunk that is not JSON: {not json"), r.error.getMessage());
    assertEquals(0, second.count());
  }

  @Test
  void providerErrorEventMidStreamEndsTheStream() {
    first.then(new ErrorAfter(List.of("The rear ")));
    Recorder r = stream(start(true), "What is damaged?");
    assertEquals("The rear ", r.text());
    assertEquals(LlmException.Kind.UNAVAILABLE, r.error.kind());
    assertTrue(r.error.getMessage().contains(providerType().equals("openai") ? "server had an error" : "overloaded_error"),
        r.error.getMessage());
    assertEquals(0, second.count());
  }

  @Test
  void personalDataIsRedactedOnTheWayOutAndRestoredAcrossPieces() {
    first.then(new Streamed(List.of("We will write to ", "[EMA", "IL_1]", " today."), 0));
    Recorder r = stream(start(true), "Please mail me at jane.doe@example.com");
    assertEquals("We will write to jane.doe@example.com today.", r.text());
    assertTrue(r.tokens.stream().noneMatch(t -> t.contains("[")), r.tokens.toString());
    assertFalse(first.requests.get(0).contains("jane.doe@example.com"), first.requests.get(0));
    assertTrue(first.requests.get(0).contains("[EMAIL_1]"), first.requests.get(0));
    assertFalse(trace().input().contains("jane.doe@example.com"));
  }

  @Test
  void everyRemoteTargetDownFallsBackToTheLocalProviderWhichStreamsItsAnswer() {
    first.then(new Status(503, null));
    second.then(new Status(401, null));
    Recorder r = stream(start(true), "What is damaged?");
    assertEquals(List.of("We ", "will ", "call ", "you ", "back ", "today."), r.tokens);
    assertEquals("local", r.result.provider());
    assertEquals("fallback", trace().outcome());
  }

  @Test
  void noTargetLeftIsAnErrorNamingTheLastFailure() {
    first.then(new Status(503, null));
    second.then(new Status(400, null));
    Recorder r = stream(start(false), "What is damaged?");
    assertTrue(r.tokens.isEmpty());
    assertEquals(LlmException.Kind.REJECTED, r.error.kind());
    assertTrue(r.error.getMessage().contains("400"), r.error.getMessage());
  }

  @Test
  void aCancelledListenerGetsNothingMoreAndTheCallIsTracedAsCancelled() {
    first.then(new Streamed(List.of("one ", "two ", "three ", "four"), 0));
    Recorder r = new Recorder();
    r.cancelAfter = 2;
    start(true).stream(TASK, "What is damaged?", r);
    assertEquals(List.of("one ", "two "), r.tokens);
    assertNull(r.result);
    assertNull(r.error);
    assertEquals("cancelled", trace().outcome());
  }

  @Test
  void tellsWhetherAModelRouteAnswers() {
    LlmGateway gw = start(true);
    assertTrue(gw.routedToModel(TASK));
    assertFalse(gw.routedToModel("phone.unrouted"));
  }

  @Test
  void aSpentBudgetRefusesAStreamedCallBeforeAnyTargetIsTried() {
    first.then(new Streamed(List.of("never ", "sent"), 0));
    // a millionth of a dollar: less than any estimate of a call to a priced model
    LlmGateway gw = start(true, "llm.budgets.reply-daily.task", TASK, "llm.budgets.reply-daily.daily-usd", "0.000001");
    Recorder r = stream(gw, "What is damaged?");
    BudgetExceededException refused = assertInstanceOf(BudgetExceededException.class, r.error);
    assertEquals("reply-daily", refused.budget());
    assertTrue(r.tokens.isEmpty(), "not even the local target answers");
    assertEquals(0, first.count() + second.count());
    Budgets.BudgetView budget = ctx.getBean(Budgets.class).views(TASK).get(0);
    assertEquals(1, budget.refused());
    assertEquals(0, budget.calls());
  }

  @Test
  void aStreamedCallIsChargedToItsBudget() {
    first.then(new Streamed(List.of("The rear ", "bumper."), 0));
    LlmGateway gw = start(false, "llm.budgets.reply-daily.task", TASK, "llm.budgets.reply-daily.daily-usd", "1");
    Recorder r = stream(gw, "What is damaged?");
    assertEquals("The rear bumper.", r.result.text());
    Budgets.BudgetView budget = ctx.getBean(Budgets.class).views(TASK).get(0);
    // the fake reports 1000 input tokens (400 cached) and 200 output: 600 x 2.50 + 400 x 1.25 + 200 x 10.00 per million
    assertEquals(0, new BigDecimal("0.004").compareTo(budget.spentUsd()), budget.toString());
    assertEquals(1200, budget.spentTokens());
    assertEquals(0, budget.reservedUsd().signum(), "the reservation is settled, not left held");
    assertEquals(1, budget.calls());
  }
}
