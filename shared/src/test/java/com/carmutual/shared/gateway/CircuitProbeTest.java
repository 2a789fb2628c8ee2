package com.carmutual.shared.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.shared.gateway.FakeProviderServer.Hang;
import com.carmutual.shared.gateway.FakeProviderServer.RawBody;
import com.carmutual.shared.gateway.FakeProviderServer.Status;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The half-open probe always ends in closed or open, whatever its outcome: unit cases on a clock
 * the test moves, then the same outcomes through the gateway against a fake provider on loopback.
 */
class CircuitProbeTest {
  /** A clock the test moves by hand. */
  static final class TestClock extends Clock {
    final AtomicLong millis = new AtomicLong(1_000_000);

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }

    void advance(Duration d) {
      millis.addAndGet(d.toMillis());
    }
  }

  final TestClock clock = new TestClock();

  private CircuitBreaker openedBreaker() {
    CircuitBreaker b = new CircuitBreaker(2, Duration.ofSeconds(30), clock);
    assertTrue(b.allow());
    b.failure();
    assertTrue(b.allow());
    b.failure();
    assertTrue(b.isOpen());
    assertFalse(b.allow(), "open: calls skip the provider");
    clock.advance(Duration.ofSeconds(31));
    assertTrue(b.allow(), "the probe");
    assertEquals("half_open", b.state());
    assertFalse(b.allow(), "one probe at a time");
    return b;
  }

  @Test
  void aSuccessfulProbeCloses() {
    CircuitBreaker b = openedBreaker();
    b.success();
    assertEquals("closed", b.state());
    assertTrue(b.allow());
  }

  @Test
  void aRetriableFailureReopens() {
    CircuitBreaker b = openedBreaker();
    b.failed(true);
    assertEquals("open", b.state());
    assertFalse(b.allow());
  }

  @Test
  void aRejectionProvesTheProviderIsUpAndCloses() {
    CircuitBreaker b = openedBreaker();
    b.failed(false);
    assertEquals("closed", b.state());
  }

  @Test
  void anUnexpectedExceptionReopens() {
    CircuitBreaker b = openedBreaker();
    b.failure();
    assertEquals("open", b.state());
  }

  @Test
  void aProbeThatNeverReportsCountsAsFailedOnceOpenForHasPassed() {
    CircuitBreaker b = openedBreaker();
    clock.advance(Duration.ofSeconds(31));
    assertFalse(b.allow(), "the lost probe reopened the circuit");
    assertEquals("open", b.state());
    clock.advance(Duration.ofSeconds(31));
    assertTrue(b.allow(), "and a new probe goes after the wait");
    b.success();
    assertEquals("closed", b.state());
  }

  @Test
  void failuresBelowTheThresholdOrBrokenBySuccessDoNotOpen() {
    CircuitBreaker b = new CircuitBreaker(3, Duration.ofSeconds(30), clock);
    for (int i = 0; i < 10; i++) {
      b.allow();
      b.failure();
      b.allow();
      b.failure();
      b.allow();
      b.success();
    }
    assertEquals("closed", b.state());
  }

  // ---------------------------------------------------------------- through the gateway

  /** Opens the fake's circuit (threshold 1), waits it out, lets {@code probe} answer the probe; true when closed after. */
  private boolean closedAfterProbe(FakeProviderServer.Reply probe) throws Exception {
    try (Fixture f = new Fixture()) {
      f.server.then(new Status(500, null), probe);
      f.server.answering(body -> GatewayContract.GOOD);
      assertEquals("local", f.call().decision(), "the failure falls back and opens the circuit");
      assertEquals("local", f.call().decision(), "open: skipped");
      assertEquals(1, f.server.count());
      Thread.sleep(260);
      f.call();
      assertTrue(f.server.count() >= 2, "the probe reached the provider");
      int before = f.server.count();
      f.call();
      return f.server.count() > before;
    }
  }

  @Test
  void throughTheGatewayEveryProbeOutcomeClosesOrOpens() throws Exception {
    assertTrue(closedAfterProbe(new FakeProviderServer.Answer(GatewayContract.GOOD)), "success closes");
    assertTrue(closedAfterProbe(new FakeProviderServer.Answer("{\"decision\":1}")), "an answer outside the schema closes");
    assertTrue(closedAfterProbe(new Status(400, null)), "a 4xx closes");
    assertFalse(closedAfterProbe(new Status(503, null)), "a retriable failure reopens");
    assertFalse(closedAfterProbe(new Hang(700)), "a timeout reopens");
    assertFalse(closedAfterProbe(new RawBody("{\"choices\":\"not a list\"}")), "an unreadable reply reopens");
  }

  /** A gateway routed to the fake then local, circuit threshold 1, open for 250 ms. */
  static final class Fixture implements AutoCloseable {
    final FakeProviderServer server = new FakeProviderServer("openai");
    final io.micronaut.context.ApplicationContext ctx;

    Fixture() throws Exception {
      java.util.Map<String, Object> p = new java.util.HashMap<>();
      p.put("llm.providers.fake.type", "openai");
      p.put("llm.providers.fake.base-url", server.baseUrl());
      p.put("llm.providers.fake.api-key", "test-openai-key");
      p.put("llm.circuit.failure-threshold", 1);
      p.put("llm.circuit.open-for", "250ms");
      p.put("llm.trace.enabled", false);
      p.put("llm.routes.verdict.task", "claims.verdict");
      p.put("llm.routes.verdict.version", "v1");
      p.put("llm.routes.verdict.targets", java.util.List.of(java.util.Map.of("provider", "fake", "model", "fake-model"),
          java.util.Map.of("provider", "local")));
      p.put("llm.routes.verdict.timeout", "300ms");
      p.put("llm.routes.verdict.max-retries", 0);
      ctx = io.micronaut.context.ApplicationContext.builder().properties(p).environments("test")
          .singletons(new GatewayContract.LocalVerdict()).start();
    }

    GatewayContract.Verdict call() {
      return ctx.getBean(LlmGateway.class).structured("claims.verdict", GatewayContract.CLAIM, GatewayContract.Verdict.class);
    }

    @Override
    public void close() {
      ctx.close();
      server.close();
    }
  }
}
