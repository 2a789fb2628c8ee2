package com.carmutual.phone.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.phone.RecordingStatusListener;
import com.carmutual.phone.SignedTwilio;
import com.carmutual.phone.call.CallStore;
import com.carmutual.phone.call.StoredCall;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
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
 * With two requests in progress (status callbacks held in a listener) every further webhook or API
 * request is answered at once and changes nothing: TwiML that apologises and asks again for a voice
 * webhook, 503 problem+json with Retry-After otherwise; once the two finish, every place is free again.
 */
@MicronautTest(environments = "test")
@Property(name = "phone.capacity.requests", value = "2")
@Property(name = "phone.capacity.retry-after", value = "3s")
class RequestLimitTest {
  @Inject
  @Client("/")
  HttpClient client;

  @Inject
  CallStore store;

  @Inject
  RecordingStatusListener listener;

  @Inject
  RequestLimit limit;

  @Test
  void requestsBeyondTheLimitAreAnsweredBusyAndChangeNothing() throws Exception {
    SignedTwilio twilio = new SignedTwilio(client);
    String greeting = twilio.post("/voice/fnol", SignedTwilio.callParams("CAlimit1")).body();
    twilio.post("/voice/csat", SignedTwilio.callParams("CAholdA"));
    twilio.post("/voice/csat", SignedTwilio.callParams("CAholdB"));
    StoredCall before = store.find("CAlimit1").orElseThrow();

    listener.hold("CAhold");
    ExecutorService background = Executors.newFixedThreadPool(2);
    List<Future<HttpResponse<String>>> held = new ArrayList<>();
    for (String sid : List.of("CAholdA", "CAholdB")) {
      Map<String, String> p = SignedTwilio.callParams(sid);
      p.put("CallStatus", "completed");
      held.add(background.submit(() -> twilio.post("/voice/callbacks/status", p)));
    }
    try {
      assertTrue(listener.awaitHeld(2), "two callbacks in progress");
      assertEquals(0, limit.available());

      // a turn: apology, pause, and a redirect to the turn before it (which repeats the question)
      Map<String, String> turn = SignedTwilio.callParams("CAlimit1");
      turn.put("SpeechResult", "M one two three four five six");
      HttpResponse<String> busyTurn = twilio.post("/voice/fnol?turn=1", turn);
      assertEquals(200, busyTurn.code());
      String twiml = busyTurn.body();
      assertTrue(twiml.contains("<Say") && twiml.contains("<Pause"), twiml);
      assertTrue(twiml.contains("<Redirect method=\"POST\">https://phone.example.test/voice/fnol?turn=0&amp;busy=1</Redirect>"), twiml);
      assertFalse(twiml.contains("<Gather"), twiml);
      StoredCall after = store.find("CAlimit1").orElseThrow();
      assertEquals(before.turn(), after.turn());
      assertEquals(before.state().transcript().size(), after.state().transcript().size());

      // a new call: asked again at the same URL, no call stored yet
      String firstBusy = twilio.post("/voice/fnol?lang=zh", SignedTwilio.callParams("CAlimit2")).body();
      assertTrue(firstBusy.contains("https://phone.example.test/voice/fnol?lang=zh&amp;busy=1"), firstBusy);
      assertTrue(firstBusy.contains("cmn-Hans-CN") && !firstBusy.contains("en-US"), firstBusy);
      assertTrue(store.find("CAlimit2").isEmpty());

      // busy five times in a row: the caller goes to the human line
      String giveUp = twilio.post("/voice/fnol?turn=0&busy=5", SignedTwilio.callParams("CAlimit1")).body();
      assertTrue(giveUp.contains("<Dial") && giveUp.contains("+15550009999") && !giveUp.contains("<Redirect"), giveUp);

      // a status callback and the API: 503 problem+json with Retry-After
      Map<String, String> status = SignedTwilio.callParams("CAlimit1");
      status.put("CallStatus", "completed");
      HttpResponse<String> busyStatus = twilio.post("/voice/callbacks/status", status);
      assertEquals(503, busyStatus.code());
      assertEquals("3", busyStatus.header("Retry-After"));
      assertEquals("in-progress", store.find("CAlimit1").orElseThrow().status());
      HttpClientResponseException api = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
          () -> client.toBlocking().exchange(HttpRequest.GET("/v1/calls/CAlimit1").bearerAuth("test-key"), String.class));
      assertEquals(503, api.getStatus().getCode());
      assertEquals("3", api.getResponse().header("Retry-After"));
      assertTrue(api.getResponse().getContentType().orElseThrow().toString().contains("problem+json"));

      // a crowd of requests: every one answered at once, none a server error
      ExecutorService crowd = Executors.newFixedThreadPool(8);
      List<Future<Integer>> codes = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        codes.add(crowd.submit(() -> twilio.post("/voice/fnol?turn=1", turn).code()));
      }
      for (Future<Integer> c : codes) {
        assertEquals(200, c.get());
      }
      crowd.shutdown();
      assertEquals(before.turn(), store.find("CAlimit1").orElseThrow().turn());

      // not limited: health, and callers without a key are refused before they take a place
      assertEquals(200, client.toBlocking().exchange(HttpRequest.GET("/health"), String.class).code());
      HttpClientResponseException noKey = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
          () -> client.toBlocking().exchange(HttpRequest.GET("/v1/calls/CAlimit1"), String.class));
      assertEquals(401, noKey.getStatus().getCode());
    } finally {
      listener.release();
    }
    for (Future<HttpResponse<String>> f : held) {
      assertEquals(204, f.get().code());
    }
    background.shutdown();
    assertEquals(2, limit.available(), "every place is free again");

    // Twilio follows the redirect: the greeting and first question again, then the call goes on
    String again = twilio.post("/voice/fnol?turn=0&busy=1", SignedTwilio.callParams("CAlimit1")).body();
    assertEquals(greeting, again);
    Map<String, String> turn = SignedTwilio.callParams("CAlimit1");
    turn.put("SpeechResult", "M one two three four five six");
    assertTrue(twilio.post("/voice/fnol?turn=1", turn).body().contains("<Gather"));
    assertEquals("M123456", store.find("CAlimit1").orElseThrow().state().values().get("member_id"));
    assertEquals(2, limit.available());
  }
}
