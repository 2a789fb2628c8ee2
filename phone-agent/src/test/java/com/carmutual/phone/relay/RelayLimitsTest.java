package com.carmutual.phone.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.phone.SignedTwilio;
import com.carmutual.phone.call.CallStore;
import com.carmutual.phone.capacity.BoundedPool;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * ConversationRelay under load: sockets beyond the limit are closed with 1013 (try again later); a turn
 * that finds the relay pool full is answered with an apology and changes nothing; the call goes on after.
 */
@MicronautTest(environments = "test")
@Property(name = "phone.transport.overrides", value = "+15550002222=relay")
@Property(name = "phone.capacity.relay-sessions", value = "2")
@Property(name = "phone.capacity.relay-threads", value = "1")
@Property(name = "phone.capacity.relay-queue", value = "1")
@Property(name = "datasources.default.url", value = "jdbc:h2:mem:phone-relay-limits;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class RelayLimitsTest {
  @Inject
  EmbeddedServer server;

  @Inject
  @io.micronaut.http.client.annotation.Client("/")
  io.micronaut.http.client.HttpClient client;

  @Inject
  @Named(BoundedPool.RELAY)
  BoundedPool pool;

  @Inject
  RelaySocket socket;

  @Inject
  CallStore store;

  final HttpClient http = HttpClient.newHttpClient();

  String start(String callSid) {
    var p = SignedTwilio.callParams(callSid);
    p.put("To", "+15550002222");
    String twiml = new SignedTwilio(client).post("/voice/csat?lang=en", p).body();
    var m = java.util.regex.Pattern.compile("<ConversationRelay url=\"wss://phone\\.example\\.test([^\"]+)\"").matcher(twiml);
    assertTrue(m.find(), twiml);
    return m.group(1).replace("&amp;", "&");
  }

  @Test
  void socketsBeyondTheLimitAreToldToTryAgainLater() throws Exception {
    String path = start("CArelaylimit1");
    RelayClient first = new RelayClient(http, server.getPort(), path, null);
    RelayClient second = new RelayClient(http, server.getPort(), path, null);
    first.setup("CArelaylimit1");
    first.prompt("Four", "en-US").reply(); // both sockets are open and registered
    RelayClient third = new RelayClient(http, server.getPort(), path, null);
    assertEquals(1013, third.closed.get(10, TimeUnit.SECONDS));
    assertEquals(2, socket.openSessions());
    second.close();
    second.closed.get(10, TimeUnit.SECONDS);
    for (int i = 0; i < 100 && socket.openSessions() > 1; i++) {
      Thread.sleep(50);
    }
    assertEquals(1, socket.openSessions(), "a closed socket frees its place");
    try (RelayClient again = new RelayClient(http, server.getPort(), path, null)) {
      again.setup("CArelaylimit1");
      assertFalse(again.closed.isDone());
      assertTrue(RelayClient.text(again.prompt("Ten", "en-US").reply()).length() > 0);
    }
    first.close();
  }

  @Test
  void aTurnThatFindsThePoolFullIsAnsweredWithAnApologyAndChangesNothing() throws Exception {
    String path = start("CArelaybusy");
    try (RelayClient ws = new RelayClient(http, server.getPort(), path, null)) {
      ws.setup("CArelaybusy");
      // one answered turn: the setup has been handled (the pool's one thread takes work in order), so it
      // cannot arrive after the pool is filled below and take the queue slot meant for the blocker
      assertFalse(RelayClient.text(ws.prompt("Four", "en-US").reply()).isBlank(), "the first turn is answered");
      for (int i = 0; i < 200 && pool.pending() > 0; i++) {
        Thread.sleep(25); // the turn is stored after its reply is sent
      }
      assertEquals(0, pool.pending());
      int turn = store.find("CArelaybusy").orElseThrow().turn();
      CountDownLatch gate = new CountDownLatch(1);
      Runnable blocker = () -> {
        try {
          gate.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      };
      try {
        CountDownLatch running = new CountDownLatch(1);
        pool.execute(() -> {
          running.countDown();
          blocker.run();
        });
        // the one thread runs it (an empty queue alone is not enough: the thread may still be between tasks)
        assertTrue(running.await(10, TimeUnit.SECONDS), "the one thread takes the first blocker");
        pool.execute(blocker);
        assertEquals(1, pool.queued(), "one thread busy and one queue slot taken");
        org.junit.jupiter.api.Assertions.assertThrows(RejectedExecutionException.class, () -> pool.execute(blocker));
        for (int i = 0; i < 20; i++) {
          List<JsonNode> reply = ws.prompt("Four", "en-US").reply();
          assertTrue(RelayClient.text(reply).contains("Could you say it again"), reply.toString());
        }
        assertEquals(turn, store.find("CArelaybusy").orElseThrow().turn());
      } finally {
        gate.countDown();
      }
      String answer = RelayClient.text(ws.prompt("Four", "en-US").reply());
      assertFalse(answer.contains("say it again"), answer);
      assertTrue(pool.largestThreads() <= 1);
    }
  }
}
