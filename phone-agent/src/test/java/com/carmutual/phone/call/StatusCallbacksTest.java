package com.carmutual.phone.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.phone.RecordingStatusListener;
import com.carmutual.phone.SignedTwilio;
import com.carmutual.phone.twilio.TwilioSignature;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Status callbacks over signed HTTP: each applied at most once (CallSid, CallStatus, SequenceNumber or
 * Timestamp), never backwards, and a forged, tampered, unknown or malformed one changes nothing.
 */
@MicronautTest(environments = "test")
class StatusCallbacksTest {
  @Inject
  @Client("/")
  HttpClient client;

  @Inject
  CallStore store;

  @Inject
  Db db;

  @Inject
  RecordingStatusListener listener;

  private SignedTwilio twilio() {
    return new SignedTwilio(client);
  }

  private String started(String callSid) {
    Map<String, String> p = SignedTwilio.callParams(callSid);
    p.put("CallStatus", "ringing");
    assertEquals(200, twilio().post("/voice/csat", p).code());
    return callSid;
  }

  private static Map<String, String> status(String callSid, String status, int sequence) {
    Map<String, String> p = SignedTwilio.callParams(callSid);
    p.put("CallStatus", status);
    p.put("SequenceNumber", String.valueOf(sequence));
    p.put("Timestamp", "Wed, 18 Jun 2025 09:00:0" + sequence + " +0000");
    return p;
  }

  private int events(String callSid) {
    return db.query("select count(*) from phone_call_status_event where call_sid = ?", rs -> rs.getInt(1), callSid).get(0);
  }

  @Test
  void aCallMovesForwardThroughItsStatusesOnceEach() {
    String sid = started("CAforward");
    assertEquals(204, twilio().post("/voice/callbacks/status", status(sid, "in-progress", 0)).code());
    Map<String, String> done = status(sid, "completed", 1);
    done.put("CallDuration", "61");
    assertEquals(204, twilio().post("/voice/callbacks/status", done).code());
    StoredCall call = store.find(sid).orElseThrow();
    assertEquals("completed", call.status());
    assertEquals(61, call.durationSeconds());
    assertEquals(List.of("in-progress", "completed"), listener.statuses(sid));
    assertEquals(2, events(sid));
  }

  @Test
  void aRepeatedCallbackChangesNothing() {
    String sid = started("CArepeat");
    Map<String, String> done = status(sid, "completed", 2);
    done.put("CallDuration", "30");
    assertEquals(204, twilio().post("/voice/callbacks/status", done).code());
    StoredCall first = store.find(sid).orElseThrow();
    assertEquals(204, twilio().post("/voice/callbacks/status", done).code());
    assertEquals(204, twilio().post("/voice/callbacks/status", done).code());
    StoredCall after = store.find(sid).orElseThrow();
    assertEquals(first.updatedAt(), after.updatedAt());
    assertEquals(List.of("completed"), listener.statuses(sid));
    assertEquals(1, events(sid));
  }

  @Test
  void concurrentCopiesOfOneCallbackApplyOnce() throws Exception {
    String sid = started("CAcopies");
    Map<String, String> done = status(sid, "completed", 3);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Integer>> codes = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      codes.add(pool.submit(() -> twilio().post("/voice/callbacks/status", done).code()));
    }
    for (Future<Integer> c : codes) {
      assertEquals(204, c.get());
    }
    pool.shutdown();
    assertEquals(List.of("completed"), listener.statuses(sid));
    assertEquals(1, events(sid));
  }

  @Test
  void aStatusGoingBackwardsChangesNothing() {
    String sid = started("CAbackwards");
    Map<String, String> done = status(sid, "completed", 4);
    done.put("CallDuration", "12");
    assertEquals(204, twilio().post("/voice/callbacks/status", done).code());
    // completed -> ringing, even with a newer sequence number and a valid signature
    assertEquals(204, twilio().post("/voice/callbacks/status", status(sid, "ringing", 5)).code());
    assertEquals(204, twilio().post("/voice/callbacks/status", status(sid, "in-progress", 6)).code());
    // after the call ended, another final status is stale too
    Map<String, String> busy = status(sid, "busy", 7);
    busy.put("CallDuration", "0");
    assertEquals(204, twilio().post("/voice/callbacks/status", busy).code());
    StoredCall call = store.find(sid).orElseThrow();
    assertEquals("completed", call.status());
    assertEquals(12, call.durationSeconds());
    assertEquals(List.of("completed"), listener.statuses(sid));
    assertEquals(1, events(sid));
  }

  @Test
  void anEarlierStatusThanTheCallsOwnIsIgnored() {
    String sid = "CAearlier";
    assertEquals(200, twilio().post("/voice/csat", SignedTwilio.callParams(sid)).code()); // in-progress
    assertEquals(204, twilio().post("/voice/callbacks/status", status(sid, "ringing", 0)).code());
    assertEquals("in-progress", store.find(sid).orElseThrow().status());
    assertTrue(listener.statuses(sid).isEmpty());
  }

  @Test
  void forgedAndTamperedCallbacksAreRefusedAndChangeNothing() {
    String sid = started("CAforged");
    Map<String, String> done = status(sid, "completed", 1);
    assertEquals(403, twilio().post("/voice/callbacks/status", done, null).code());
    assertEquals(403, twilio().post("/voice/callbacks/status", done, "AAAAAAAAAAAAAAAAAAAAAAAAAAA=").code());
    String signedForOtherToken = TwilioSignature.sign("another-token", SignedTwilio.PUBLIC_BASE + "/voice/callbacks/status", done);
    assertEquals(403, twilio().post("/voice/callbacks/status", done, signedForOtherToken).code());
    String signed = TwilioSignature.sign(SignedTwilio.TOKEN, SignedTwilio.PUBLIC_BASE + "/voice/callbacks/status", done);
    Map<String, String> tampered = status(sid, "busy", 1);
    assertEquals(403, twilio().post("/voice/callbacks/status", tampered, signed).code());
    assertEquals("ringing", store.find(sid).orElseThrow().status());
    assertTrue(listener.statuses(sid).isEmpty());
    assertEquals(0, events(sid));
  }

  @Test
  void aCallbackForAnUnknownCallIsRefusedAndStoresNothing() {
    HttpResponse<String> r = twilio().post("/voice/callbacks/status", status("CAnobodyknows", "busy", 0));
    assertEquals(404, r.code());
    assertTrue(r.getContentType().orElseThrow().toString().contains("problem+json"));
    assertTrue(store.find("CAnobodyknows").isEmpty());
    assertTrue(listener.statuses("CAnobodyknows").isEmpty());
    assertEquals(0, events("CAnobodyknows"));
  }

  @Test
  void malformedCallbacksAre400AndChangeNothing() {
    String sid = started("CAmalformed");
    Map<String, String> unknownStatus = status(sid, "exploded", 1);
    Map<String, String> badDuration = status(sid, "completed", 1);
    badDuration.put("CallDuration", "forty");
    Map<String, String> badSequence = status(sid, "completed", 1);
    badSequence.put("SequenceNumber", "1; drop table phone_call");
    Map<String, String> noStatus = SignedTwilio.callParams(sid);
    noStatus.remove("CallStatus");
    for (Map<String, String> p : List.of(unknownStatus, badDuration, badSequence, noStatus)) {
      HttpResponse<String> r = twilio().post("/voice/callbacks/status", p);
      assertEquals(400, r.code(), p.toString());
      assertTrue(r.getContentType().orElseThrow().toString().contains("problem+json"));
    }
    assertEquals("ringing", store.find(sid).orElseThrow().status());
    assertEquals(0, events(sid));
  }
}
