package com.carmutual.phone.twilio;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@link TwilioCalls} over HTTPS with basic auth (account SID and auth token from the environment). */
@Singleton
final class RestTwilioCalls implements TwilioCalls {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final TwilioSettings settings;
  private final JsonMapper json;

  RestTwilioCalls(TwilioSettings settings, JsonMapper json) {
    this.settings = settings;
    this.json = json;
  }

  @Override
  public String create(List<Map.Entry<String, String>> params) {
    if (settings.accountSid() == null || settings.accountSid().isBlank() || settings.authToken() == null || settings.authToken().isBlank()) {
      throw new IllegalStateException("TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN must be set to place calls");
    }
    String body = params.stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    String auth = Base64.getEncoder().encodeToString(
        (settings.accountSid() + ":" + settings.authToken()).getBytes(StandardCharsets.UTF_8));
    HttpRequest req = HttpRequest.newBuilder(URI.create(settings.apiBase() + "/2010-04-01/Accounts/" + settings.accountSid() + "/Calls.json"))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Basic " + auth)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    try {
      HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
      if (res.statusCode() / 100 != 2) {
        throw new IllegalStateException("Twilio answered " + res.statusCode() + ": " + res.body());
      }
      JsonNode n = json.readValue(res.body(), JsonNode.class);
      JsonNode sid = n.get("sid");
      if (sid == null || !sid.isString()) {
        throw new IllegalStateException("Twilio's answer has no sid");
      }
      return sid.getStringValue();
    } catch (IOException e) {
      throw new IllegalStateException("Twilio unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
