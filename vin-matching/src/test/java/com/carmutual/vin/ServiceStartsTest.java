package com.carmutual.vin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@MicronautTest(environments = "test")
class ServiceStartsTest {
  @Inject
  @Client("/")
  HttpClient client;

  @Test
  void healthIsUp() {
    String body = client.toBlocking().retrieve(HttpRequest.GET("/health"));
    assertTrue(body.contains("UP"), body);
  }

  @Test
  void servesItsOpenApiDocument() {
    String body = client.toBlocking().retrieve(HttpRequest.GET("/swagger/vin-matching.yml"));
    assertTrue(body.contains("title: vin-matching"), body);
    assertEquals(200, client.toBlocking().exchange(HttpRequest.GET("/swagger-ui/index.html"), String.class).code());
  }
}
