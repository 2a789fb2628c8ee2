package com.carmutual.phone.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.carmutual.phone.FakeServer;
import com.carmutual.phone.SignedTwilio;
import com.carmutual.phone.TestClock;
import com.carmutual.phone.call.Db;
import com.carmutual.phone.claims.ClaimOutbox;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * phone-agent's log lines at every level, captured with a logback ListAppender while remote systems
 * echo callers' numbers and a VIN back in their errors: the numbers and the VIN appear only masked.
 */
@MicronautTest(environments = "test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NumbersAndVinsNotInLogsTest implements TestPropertyProvider {
  static final String CALLEE = "+12125550123";
  static final String CALLER = "+14155550100";
  static final String VIN = "1HGCM82633A004352";

  FakeServer twilioApi;
  FakeServer claimsAgent;
  final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  final Logger phoneLogger = (Logger) LoggerFactory.getLogger("com.carmutual.phone");
  Level levelBefore;

  @Inject
  @Client("/")
  HttpClient client;

  @Inject
  Campaigns campaigns;

  @Inject
  ClaimOutbox outbox;

  @Inject
  Db db;

  @Inject
  TestClock clock;

  @Override
  public Map<String, String> getProperties() {
    try {
      twilioApi = new FakeServer();
      claimsAgent = new FakeServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    twilioApi.answer(400, "{\"code\":21211,\"message\":\"Invalid 'To' Phone Number: " + CALLEE + "\"}");
    claimsAgent.answer(503, "{\"detail\":\"caller " + CALLER + " unknown, vin " + VIN + "\"}")
        .answer(422, "{\"detail\":\"vin " + VIN + " does not match the policy of (415) 555-0100\"}");
    return Map.of("phone.twilio.api-base-url", twilioApi.url(), "phone.claims.url", claimsAgent.url());
  }

  @BeforeEach
  void capture() {
    levelBefore = phoneLogger.getLevel();
    phoneLogger.setLevel(Level.ALL);
    captured.start();
    phoneLogger.addAppender(captured);
  }

  @AfterEach
  void release() {
    phoneLogger.detachAppender(captured);
    phoneLogger.setLevel(levelBefore);
  }

  @AfterAll
  void stop() {
    twilioApi.close();
    claimsAgent.close();
  }

  @Test
  void failuresThatEchoNumbersAndVinsAreLoggedMasked() {
    clock.set(Instant.parse("2025-06-18T15:00:00Z")); // 11:00 in New York
    campaigns.create(new CampaignRequest("csat", "en", List.of(new CampaignRequest.Target(CALLEE, "America/New_York")), 1, 60), "tester");
    assertEquals(0, campaigns.dialDue());

    SignedTwilio twilio = new SignedTwilio(client);
    twilio.post("/voice/csat", SignedTwilio.callParams("CAlogged"));
    Map<String, String> status = SignedTwilio.callParams("CAnotours");
    status.put("CallStatus", "completed");
    twilio.post("/voice/callbacks/status", status);

    db.update("insert into phone_claim_outbox (call_sid, payload, status, attempts, next_attempt_at, created_at, updated_at)"
        + " values (?, ?, 'pending', 0, ?, ?, ?)", "CAloggedclaim", "{\"plate\":\"ABC123\"}", clock.instant(), clock.instant(), clock.instant());
    assertEquals(0, outbox.deliverDue()); // 503: retried later
    clock.set(clock.instant().plusSeconds(3600));
    assertEquals(0, outbox.deliverDue()); // 422: rejected for good

    List<String> lines = captured.list.stream().map(NumbersAndVinsNotInLogsTest::everything).toList();
    assertTrue(lines.stream().anyMatch(l -> l.contains("***0123")), "the campaign failure was logged, masked: " + lines);
    assertTrue(lines.stream().anyMatch(l -> l.contains("REJECTED") && l.contains("***4352")), "the rejection was logged, masked: " + lines);
    for (String line : lines) {
      String squeezed = line.replaceAll("[^0-9A-Za-z]", "");
      assertFalse(squeezed.contains("2125550123"), line);
      assertFalse(squeezed.contains("4155550100"), line);
      assertFalse(squeezed.toUpperCase().contains(VIN), line);
    }
  }

  private static String everything(ILoggingEvent e) {
    StringBuilder b = new StringBuilder(e.getFormattedMessage());
    for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
      b.append(" | ").append(t.getMessage());
    }
    return b.toString();
  }
}
