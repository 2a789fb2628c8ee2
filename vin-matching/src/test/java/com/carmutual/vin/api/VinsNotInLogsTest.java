package com.carmutual.vin.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * vin-matching's own log lines at every level, captured with a logback ListAppender while VINs are
 * decoded, matched (with a hint that carries a phone number), batched and refused: no VIN or number
 * appears unmasked.
 */
@MicronautTest(environments = "test")
class VinsNotInLogsTest {
  static final List<String> VINS = List.of("1HGCM82633A004352", "XTAGFK330JY144213", "WVWZZZ1KZ6W612305");
  static final String BAD_VIN = "1HGCM82633A00435Q";

  @Inject
  @Client("/")
  HttpClient http;

  @Test
  void decodingMatchingAndRefusingVinsLogsNoVin() {
    ListAppender<ILoggingEvent> captured = new ListAppender<>();
    Logger vinLogger = (Logger) LoggerFactory.getLogger("com.carmutual.vin");
    Level before = vinLogger.getLevel();
    vinLogger.setLevel(Level.ALL);
    captured.start();
    vinLogger.addAppender(captured);
    try {
      for (String vin : VINS) {
        http.toBlocking().exchange(HttpRequest.GET("/v1/vins/" + vin).bearerAuth("test-key"), String.class);
        http.toBlocking().exchange(HttpRequest.POST("/v1/vins/match", Map.of("vin", vin, "hint", "owner +1 415 555 0100 says civic"))
            .bearerAuth("test-key"), String.class);
      }
      http.toBlocking().exchange(HttpRequest.POST("/v1/vins/batch", List.of(VINS.get(0), BAD_VIN)).bearerAuth("test-key"), String.class);
      try {
        http.toBlocking().exchange(HttpRequest.GET("/v1/vins/" + BAD_VIN).bearerAuth("test-key"), String.class);
      } catch (HttpClientResponseException e) {
        assertTrue(e.getStatus().getCode() == 400 || e.getStatus().getCode() == 422, e.getMessage());
      }
    } finally {
      vinLogger.detachAppender(captured);
      vinLogger.setLevel(before);
    }
    for (ILoggingEvent e : captured.list) {
      StringBuilder line = new StringBuilder(e.getFormattedMessage());
      for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
        line.append(" | ").append(t.getMessage());
      }
      String squeezed = line.toString().replaceAll("[^0-9A-Za-z]", "").toUpperCase();
      for (String vin : VINS) {
        assertFalse(squeezed.contains(vin), line.toString());
      }
      assertFalse(squeezed.contains(BAD_VIN) || squeezed.contains("4155550100"), line.toString());
    }
  }
}
