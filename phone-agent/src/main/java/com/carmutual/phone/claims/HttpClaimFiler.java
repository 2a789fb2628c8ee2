package com.carmutual.phone.claims;

import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * {@link ClaimFiler} over HTTP: {@code POST {CLAIMS_AGENT_URL}/v1/claims} with the report as JSON,
 * {@code Authorization: Bearer} and an {@code Idempotency-Key}. Any 2xx is accepted; a permanent
 * refusal throws {@link ClaimRefusedException} with the problem detail, anything else (other
 * statuses, connection errors) {@link ClaimFilingException} so the outbox retries.
 */
@Singleton
final class HttpClaimFiler implements ClaimFiler {
  /** Refusals that the same request can never overcome; 408, 409, 425, 429 and 5xx are worth retrying. */
  static final java.util.Set<Integer> PERMANENT = java.util.Set.of(400, 401, 403, 413, 415, 422);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ClaimsAgentSettings settings;
  private final JsonMapper json;

  HttpClaimFiler(ClaimsAgentSettings settings, JsonMapper json) {
    this.settings = settings;
    this.json = json;
  }

  @Override
  public String file(String idempotencyKey, Map<String, Object> report) {
    String base = settings.url() == null || settings.url().isBlank() ? "http://127.0.0.1:8082" : settings.url().trim();
    try {
      HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base.replaceAll("/$", "") + "/v1/claims"))
          .timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json")
          .header("Idempotency-Key", idempotencyKey)
          .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(report)));
      String key = apiKey();
      if (key != null) {
        req.header("Authorization", "Bearer " + key);
      }
      HttpResponse<String> res = http.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (res.statusCode() / 100 != 2) {
        String message = "claims-agent answered " + res.statusCode() + ": " + abbreviate(res.body());
        if (PERMANENT.contains(res.statusCode())) {
          throw new ClaimRefusedException(res.statusCode(), message);
        }
        throw new ClaimFilingException(message, null);
      }
      return claimId(res.body());
    } catch (IOException e) {
      throw new ClaimFilingException("claims-agent unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClaimFilingException("interrupted", e);
    }
  }

  private String claimId(String body) {
    try {
      JsonNode n = json.readValue(body, JsonNode.class);
      for (String field : new String[] {"id", "claimId"}) {
        JsonNode v = n.get(field);
        if (v != null && v.isString()) {
          return v.getStringValue();
        }
      }
    } catch (IOException | RuntimeException e) {
      // accepted without a readable id: the call keeps "filed" without one
    }
    return null;
  }

  /** phone-agent's own key (PHONE_CLAIMS_API_KEY), never one of the keys it accepts from its callers. */
  private String apiKey() {
    return settings.apiKey() != null && !settings.apiKey().isBlank() ? settings.apiKey().trim() : null;
  }

  private static String abbreviate(String s) {
    return s == null ? "" : s.length() > 2000 ? s.substring(0, 2000) + "..." : s;
  }
}
