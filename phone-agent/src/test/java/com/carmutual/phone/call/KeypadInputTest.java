package com.carmutual.phone.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.phone.SignedTwilio;
import io.micronaut.http.HttpResponse;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keypad input of any length, and very long speech, get an answer (a re-ask), never a server error. */
@MicronautTest(environments = "test")
// its own database: the claims these fnol calls file stay out of other tests' outbox
@Property(name = "datasources.default.url", value = "jdbc:h2:mem:phone-keypad-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class KeypadInputTest {
  @Inject
  @Client("/")
  HttpClient client;

  static String keys(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append("0123456789*#".charAt(i % 12));
    }
    return b.toString();
  }

  @ParameterizedTest(name = "{0} keys")
  @ValueSource(ints = {1, 2, 5, 7, 13, 19, 20, 64, 500, 5000})
  void anyNumberOfKeysAtEveryKindOfQuestionGetsAReAsk(int length) {
    SignedTwilio twilio = new SignedTwilio(client);
    // csat: a 1-5 score; screening: yes/no first; fnol: the member number
    for (String script : new String[] {"csat", "screening", "fnol"}) {
      String callSid = "CAkeys" + script + length;
      String twiml = twilio.post("/voice/" + script, SignedTwilio.callParams(callSid)).body();
      Map<String, String> p = SignedTwilio.callParams(callSid);
      p.put("Digits", keys(length).replace("*", length == 1 ? "" : "*"));
      HttpResponse<String> r = twilio.post(SignedTwilio.action(twiml), p);
      assertEquals(200, r.code(), script + ": " + r.body());
      assertTrue(r.body().contains("<Gather") || r.body().contains("<Hangup/>") || r.body().contains("<Dial"), r.body());
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"#", "*#*#*#", "##########", "99999999999999999999999999999999#"})
  void onlySymbolsOrAHugeNumberAtAScoreQuestionIsAskedAgain(String digits) {
    SignedTwilio twilio = new SignedTwilio(client);
    String callSid = "CAsym" + Integer.toHexString(digits.hashCode());
    String twiml = twilio.post("/voice/csat", SignedTwilio.callParams(callSid)).body();
    Map<String, String> p = SignedTwilio.callParams(callSid);
    p.put("Digits", digits);
    HttpResponse<String> r = twilio.post(SignedTwilio.action(twiml), p);
    assertEquals(200, r.code(), r.body());
    assertTrue(r.body().contains("one to five"), "the score question is asked again with its hint: " + r.body());
  }

  @ParameterizedTest(name = "{0} characters of speech")
  @ValueSource(ints = {2000, 60000})
  void veryLongSpeechIsAnsweredToo(int length) {
    SignedTwilio twilio = new SignedTwilio(client);
    String callSid = "CAlongspeech" + length;
    String twiml = twilio.post("/voice/fnol", SignedTwilio.callParams(callSid)).body();
    Map<String, String> p = SignedTwilio.callParams(callSid);
    p.put("SpeechResult", "and then ".repeat(length / 9));
    HttpResponse<String> r = twilio.post(SignedTwilio.action(twiml), p);
    assertEquals(200, r.code(), r.body());
    assertTrue(r.body().contains("<Gather"), r.body());
  }
}
