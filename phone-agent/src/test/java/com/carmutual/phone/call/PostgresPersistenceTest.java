package com.carmutual.phone.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.phone.SignedTwilio;
import com.carmutual.phone.TestClock;
import com.carmutual.phone.claims.ClaimOutbox;
import com.carmutual.shared.testing.PostgresSupport;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The call store, turn locking and claim outbox on a real PostgreSQL (skipped, visibly, without one). */
class PostgresPersistenceTest {
  @Test
  void callsTurnsAndTheClaimOutboxWorkOnPostgres() throws Exception {
    PostgresSupport.assumeAvailable();
    Map<String, Object> props = new HashMap<>(PostgresSupport.freshDatabase("phone"));
    try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props, "test");
        HttpClient client = server.getApplicationContext().createBean(HttpClient.class, server.getURL())) {
      server.getApplicationContext().getBean(TestClock.class).set(Instant.parse("2025-06-18T09:00:00Z"));
      SignedTwilio twilio = new SignedTwilio(client);
      List<String> twiml = twilio.converse("fnol", "lang=zh", "CApg1",
          List.of("M九八七六五四", "孙丽", "昨天晚上九点", "解放路加油站旁边", "被一辆出租车剐蹭了", "没有", "报警了", "有", "能开", "川A七七六六五", "对"));
      assertTrue(twiml.get(twiml.size() - 1).contains("<Hangup/>"));
      String again = twilio.post("/voice/fnol?turn=11", withSpeech("CApg1", "对")).body();
      assertEquals(twiml.get(twiml.size() - 1), again, "a replayed turn is answered from the store");

      @SuppressWarnings("unchecked")
      Map<String, Object> call = client.toBlocking().retrieve(HttpRequest.GET("/v1/calls/CApg1").bearerAuth("test-key"), Map.class);
      @SuppressWarnings("unchecked")
      Map<String, Object> fields = (Map<String, Object>) call.get("fields");
      assertEquals("川A77665", fields.get("plate"));
      assertEquals("21:00", fields.get("loss_time"));
      assertEquals(true, fields.get("police_report"));

      CallStore store = server.getApplicationContext().getBean(CallStore.class);
      assertEquals(12, store.find("CApg1").orElseThrow().turn());
      ClaimOutbox.Entry entry = server.getApplicationContext().getBean(ClaimOutbox.class).find("CApg1").orElseThrow();
      assertEquals("pending", entry.status());
    }
  }

  private static Map<String, String> withSpeech(String sid, String speech) {
    Map<String, String> p = SignedTwilio.callParams(sid);
    p.put("SpeechResult", speech);
    return p;
  }
}
