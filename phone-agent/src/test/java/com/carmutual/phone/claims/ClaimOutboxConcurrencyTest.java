package com.carmutual.phone.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.phone.TestClock;
import com.carmutual.phone.call.Db;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The outbox's idempotency and its bounds: two instances delivering at once send a claim once; an
 * instance that died after sending leaves the row leased, and the retry after the lease carries the same
 * {@code Idempotency-Key: phone-<CallSid>}; a burst of finished calls queues at most one delivery pass.
 */
@MicronautTest(environments = "test", transactional = false)
class ClaimOutboxConcurrencyTest {
  @Inject
  Db db;

  @Inject
  JsonMapper json;

  @Inject
  TestClock clock;

  /** A claims-agent stand-in that records the keys it was sent and can be made slow. */
  static final class RecordingFiler implements ClaimFiler {
    final List<String> keys = new CopyOnWriteArrayList<>();
    volatile CountDownLatch gate = new CountDownLatch(0);
    final CountDownLatch entered = new CountDownLatch(1);

    @Override
    public String file(String idempotencyKey, java.util.Map<String, Object> report) {
      keys.add(idempotencyKey);
      entered.countDown();
      try {
        gate.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "CL-" + idempotencyKey;
    }
  }

  private void pending(String callSid, String status, Instant due) {
    db.update("insert into phone_claim_outbox (call_sid, payload, status, attempts, next_attempt_at, created_at, updated_at)"
        + " values (?, ?, ?, 0, ?, ?, ?)", callSid, "{\"callSid\":\"" + callSid + "\"}", status, due, due, due);
  }

  private String status(String callSid) {
    return db.query("select status from phone_claim_outbox where call_sid = ?", rs -> rs.getString(1), callSid).get(0);
  }

  @Test
  void twoInstancesDeliveringAtOnceSendTheClaimOnce() throws Exception {
    clock.set(Instant.parse("2025-07-01T09:00:00Z"));
    pending("CAtwoinstances", "pending", clock.instant());
    RecordingFiler filer = new RecordingFiler();
    filer.gate = new CountDownLatch(1);
    ClaimOutbox a = new ClaimOutbox(db, filer, json, clock, false);
    ClaimOutbox b = new ClaimOutbox(db, filer, json, clock, false);
    ExecutorService two = Executors.newFixedThreadPool(2);
    Future<Integer> first = two.submit(a::deliverDue);
    assertTrue(filer.entered.await(20, TimeUnit.SECONDS));
    Future<Integer> second = two.submit(b::deliverDue);
    assertEquals(0, second.get(20, TimeUnit.SECONDS), "the row is leased by the first instance");
    filer.gate.countDown();
    assertEquals(1, first.get(20, TimeUnit.SECONDS));
    two.shutdown();
    assertEquals(List.of("phone-CAtwoinstances"), filer.keys);
    assertEquals("filed", status("CAtwoinstances"));
  }

  @Test
  void aLeaseLeftByADeadInstanceIsRetriedWithTheSameKey() {
    clock.set(Instant.parse("2025-07-02T09:00:00Z"));
    // the instance sent the claim, then died before recording it: the row stays 'sending' until its lease ends
    pending("CAdiedaftersend", "sending", clock.instant().plus(Duration.ofMinutes(2)));
    RecordingFiler filer = new RecordingFiler();
    ClaimOutbox outbox = new ClaimOutbox(db, filer, json, clock, false);
    assertEquals(0, outbox.deliverDue(), "not while the lease holds");
    clock.set(clock.instant().plus(Duration.ofMinutes(3)));
    assertEquals(1, outbox.deliverDue());
    assertEquals(List.of("phone-CAdiedaftersend"), filer.keys);
    assertEquals("filed", status("CAdiedaftersend"));
  }

  @Test
  void aBurstOfFinishedCallsQueuesAtMostOneDeliveryPass() throws Exception {
    clock.set(Instant.parse("2025-07-03T09:00:00Z"));
    for (int i = 0; i < 3; i++) {
      pending("CAburst" + i, "pending", clock.instant());
    }
    RecordingFiler filer = new RecordingFiler();
    filer.gate = new CountDownLatch(1);
    ClaimOutbox outbox = new ClaimOutbox(db, filer, json, clock, true);
    try {
      outbox.afterCommit("CAburst0");
      assertTrue(filer.entered.await(20, TimeUnit.SECONDS));
      for (int i = 0; i < 1000; i++) {
        outbox.afterCommit("CAburst" + (i % 3));
        assertTrue(outbox.waitingPasses() <= 1, "waiting passes: " + outbox.waitingPasses());
      }
      filer.gate.countDown();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (filer.keys.size() < 3 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      Thread.sleep(200); // a last queued pass finds nothing due
      assertEquals(3, filer.keys.size(), filer.keys.toString());
      assertEquals(3, filer.keys.stream().distinct().count(), "each claim sent once: " + filer.keys);
    } finally {
      filer.gate.countDown();
      outbox.stop();
    }
  }
}
