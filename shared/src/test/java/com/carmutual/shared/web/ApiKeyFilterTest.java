package com.carmutual.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(environments = "test")
class ApiKeyFilterTest {
  @Inject
  @Client("/")
  HttpClient client;

  private HttpClientResponseException fails(HttpRequest<?> request) {
    try {
      client.toBlocking().exchange(request, String.class);
    } catch (HttpClientResponseException e) {
      return e;
    }
    throw new AssertionError("request succeeded: " + request);
  }

  @Test
  void missingKeyGets401Problem() {
    var e = fails(HttpRequest.POST("/test-echo", Map.of("text", "hi")));
    assertEquals(401, e.getStatus().getCode());
    assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
    String body = e.getResponse().getBody(String.class).orElseThrow();
    assertTrue(body.contains("/problems/unauthorized"), body);
  }

  @Test
  void wrongKeyGets401() {
    var e = fails(HttpRequest.POST("/test-echo", Map.of("text", "hi")).bearerAuth("nope"));
    assertEquals(401, e.getStatus().getCode());
  }

  @Test
  void rightKeyPassesAndNamesTheClient() {
    HttpResponse<Map> r =
        client.toBlocking().exchange(
            HttpRequest.POST("/test-echo", Map.of("text", "hi")).bearerAuth("other-key"), Map.class);
    assertEquals(200, r.code());
    assertEquals("other", r.body().get("client"));
  }

  @Test
  void healthIsPublic() {
    assertEquals(200, client.toBlocking().exchange(HttpRequest.GET("/health"), String.class).code());
  }

  @Test
  void validationErrorsNameTheFields() {
    var e = fails(
        HttpRequest.POST("/test-echo", Map.of("text", "", "code", "toolong"))
            .bearerAuth("test-key"));
    assertEquals(400, e.getStatus().getCode());
    String body = e.getResponse().getBody(String.class).orElseThrow();
    assertTrue(body.contains("/problems/validation"), body);
    assertTrue(body.contains("request.text"), body);
    assertTrue(body.contains("request.code"), body);
  }

  @Test
  void malformedJsonIsA400Problem() {
    var e = fails(
        HttpRequest.POST("/test-echo", "{\"text\": ").contentType(MediaType.APPLICATION_JSON)
            .bearerAuth("test-key"));
    assertEquals(400, e.getStatus().getCode());
    assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
  }

  @Test
  void domainProblemKeepsItsType() {
    var e = fails(HttpRequest.GET("/test-echo/fail/domain").bearerAuth("test-key"));
    assertEquals(400, e.getStatus().getCode());
    assertTrue(e.getResponse().getBody(String.class).orElseThrow().contains("/problems/echo-refused"));
  }

  @Test
  void busyIs503WithRetryAfterInWholeSeconds() {
    var e = fails(HttpRequest.GET("/test-echo/fail/busy").bearerAuth("test-key"));
    assertEquals(503, e.getStatus().getCode());
    assertEquals("2", e.getResponse().getHeaders().get("Retry-After"));
    assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
    assertTrue(e.getResponse().getBody(String.class).orElseThrow().contains("/problems/echo-busy"));
  }

  @Test
  void internalErrorsHideTheirCause() {
    var e = fails(HttpRequest.GET("/test-echo/fail/boom").bearerAuth("test-key"));
    assertEquals(500, e.getStatus().getCode());
    String body = e.getResponse().getBody(String.class).orElseThrow();
    assertFalse(body.contains("secret internal detail"), body);
    assertTrue(body.contains("reference"), body);
  }

  @Test
  void oversizedBodyIs413Problem() {
    String big = "x".repeat(200_000);
    var e = fails(HttpRequest.POST("/test-echo", Map.of("text", big)).bearerAuth("test-key"));
    assertEquals(413, e.getStatus().getCode());
  }

  @Test
  void unknownRouteIs404Problem() {
    var e = fails(HttpRequest.GET("/nowhere").bearerAuth("test-key"));
    assertEquals(404, e.getStatus().getCode());
    assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
  }
}
