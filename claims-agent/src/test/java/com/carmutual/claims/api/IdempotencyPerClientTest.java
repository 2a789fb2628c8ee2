package com.carmutual.claims.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An Idempotency-Key belongs to the client that sent it: another client's key neither replays nor reveals its claim. */
@MicronautTest(environments = "test")
@Property(name = "suite.api-keys", value = "tester:test-key,insurer-b:b-key")
class IdempotencyPerClientTest {
  @Inject
  @Client("/")
  HttpClient http;

  @Inject JsonMapper mapper;

  private HttpResponse<String> post(String apiKey, String description, String idempotencyKey) {
    return http.toBlocking().exchange(
        HttpRequest.POST("/v1/claims", ClaimsApiTest.report(description)).contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(apiKey)
            .header("Idempotency-Key", idempotencyKey),
        String.class);
  }

  private String id(HttpResponse<String> r) throws Exception {
    return mapper.readValue(r.body(), JsonNode.class).get("claimId").getStringValue();
  }

  @Test
  void twoClientsUsingTheSameKeyGetTheirOwnClaimsAndAConflictRevealsNoClaimId() throws Exception {
    String key = "retry-" + UUID.randomUUID();
    String a = id(post("test-key", "Driver door dented.", key));
    String stored = http.toBlocking().retrieve(HttpRequest.GET("/v1/claims/" + a).bearerAuth("test-key"));
    assertEquals("tester", mapper.readValue(stored, JsonNode.class).get("createdBy").getStringValue(), "filed by client tester");

    HttpResponse<String> other = post("b-key", "Passenger door scratched.", key);
    assertEquals(201, other.code(), "the same key from another client is a new request, not a conflict");
    String b = id(other);
    assertNotEquals(a, b);
    assertNull(other.header("Idempotent-Replayed"));

    HttpResponse<String> retryOfB = post("b-key", "Passenger door scratched.", key);
    assertEquals(b, id(retryOfB), "client B's key replays B's claim");
    assertEquals("true", retryOfB.header("Idempotent-Replayed"));

    HttpClientResponseException conflict =
        assertThrows(HttpClientResponseException.class, () -> post("b-key", "Driver door dented.", key), "A's request under B's key is B's conflict");
    assertEquals(409, conflict.getStatus().getCode());
    String problem = conflict.getResponse().getBody(String.class).orElse("");
    assertTrue(problem.contains("idempotency-key-reused"), problem);
    assertFalse(problem.contains(a), "no claim id of client A");
    assertFalse(problem.contains(b), "no claim id at all");

    HttpResponse<String> replayA = post("test-key", "Driver door dented.", key);
    assertEquals(a, id(replayA));
    assertEquals("true", replayA.header("Idempotent-Replayed"));
  }
}
