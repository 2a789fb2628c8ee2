package com.carmutual.phone.twilio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code PHONE_PUBLIC_BASE_URL} in production: missing, plain http or loopback stops the service at
 * start-up with a message naming the variable; the local run (no production environment, a loopback
 * URL or none) starts as before.
 */
class PublicUrlCheckTest {
  private static int contexts;

  private static ApplicationContext start(String publicUrl, String... environments) {
    Map<String, Object> p = new HashMap<>();
    p.put("datasources.default.url", "jdbc:h2:mem:phone-url-" + (++contexts)
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    p.put("suite.api-keys", "tester:test-key");
    p.put("phone.twilio.auth-token", "test-auth-token");
    p.put("phone.workers.enabled", "false");
    p.put("phone.twilio.public-base-url", publicUrl);
    return ApplicationContext.builder().deduceEnvironment(false).environments(environments).properties(p).start();
  }

  private static String failure(Throwable t) {
    StringBuilder all = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      all.append(c.getMessage()).append('\n');
    }
    return all.toString();
  }

  @Test
  void productionWithoutThePublicUrlDoesNotStart() {
    RuntimeException e = assertThrows(RuntimeException.class, () -> start("", "production").close());
    assertTrue(failure(e).contains("PHONE_PUBLIC_BASE_URL is missing (environment production)"), failure(e));
  }

  @Test
  void productionWithALoopbackUrlDoesNotStart() {
    RuntimeException e = assertThrows(RuntimeException.class, () -> start("http://localhost:8084", "production").close());
    assertTrue(failure(e).contains("PHONE_PUBLIC_BASE_URL must use https"), failure(e));
  }

  @Test
  void productionWithItsHttpsUrlStartsAndTheLocalRunStartsWithout() {
    try (ApplicationContext production = start("https://voice.carmutual.example", "production")) {
      assertEquals("https://voice.carmutual.example", production.getBean(TwilioSettings.class).publicBase());
    }
    // deploy/local/run.sh: no production environment; without a URL the loopback default still applies
    try (ApplicationContext local = start("")) {
      assertEquals("http://localhost:8084", local.getBean(TwilioSettings.class).publicBase());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://voice.example.com", "https://localhost:8443", "https://127.0.0.1", "https://[::1]:8443",
      "https://0.0.0.0", "https://voice.example.com/?x=1", "voice.example.com", "https://", " "})
  void refusesWhatTwilioCannotCall(String url) {
    assertTrue(PublicUrlCheck.problem(url).isPresent(), url);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://voice.carmutual.example", "https://voice.example.com:8443", "https://example.com/phone"})
  void acceptsAnHttpsAddress(String url) {
    assertTrue(PublicUrlCheck.problem(url).isEmpty(), url);
  }
}
