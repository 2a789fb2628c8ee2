package com.carmutual.vin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

@MicronautTest(environments = "test")
class VinApiTest {
  @Inject
  @Client("/")
  HttpClient http;

  private HttpResponse<String> get(String path) {
    try {
      return http.toBlocking().exchange(HttpRequest.GET(path).bearerAuth("test-key"), String.class);
    } catch (HttpClientResponseException e) {
      return (HttpResponse<String>) e.getResponse();
    }
  }

  private String body(HttpResponse<?> r) {
    return r.getBody(String.class).orElse("");
  }

  @Test
  void decodesTheF150RegressionAsF150Lariat() {
    HttpResponse<String> r = get("/v1/vins/1FTFW5L86RFB45612");
    assertEquals(200, r.code());
    String b = body(r);
    assertTrue(b.contains("\"model\":\"F-150\""), b);
    assertTrue(b.contains("\"series\":\"Lariat\""), b);
    assertTrue(b.contains("\"modelYear\":2024"), b);
    assertTrue(b.contains("\"kind\":\"pattern\""), "sources name patterns: " + b);
  }

  @Test
  void normalisesLowerCaseAndSpaces() {
    HttpResponse<String> r = get("/v1/vins/1ftfw5l86rfb%2045612");
    assertEquals(200, r.code(), body(r));
    assertTrue(body(r).contains("\"vin\":\"1FTFW5L86RFB45612\""), body(r));
  }

  @ParameterizedTest
  @ValueSource(strings = {"XTAGFK330JY144213", "WVWZZZ1KZ6W612305", "VF1LM1B0H36666155"})
  void neverRejectsEuropeanOrRussianVins(String vin) {
    HttpResponse<String> r = get("/v1/vins/" + vin);
    assertEquals(200, r.code(), body(r));
    assertTrue(body(r).contains("\"valid\":true"), body(r));
    assertTrue(body(r).contains("\"make\":"), body(r));
  }

  @Test
  void namesThePositionOfALetterO() {
    HttpResponse<String> r = get("/v1/vins/1FTFW5L86RFB4O612");
    assertEquals(400, r.code());
    assertTrue(body(r).contains("position 14"), body(r));
    assertEquals(MediaType.of("application/problem+json"), r.getContentType().orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(strings = {"1FTFW5L86RFB4561", "1FTFW5L86RFB456123", "%D0%90FTFW5L86RFB45612", "1FTFW5L86RFB4561%C3%9F", "%20"})
  void rejectsMalformedVinsWithA400NotA500(String vin) {
    HttpResponse<String> r = get("/v1/vins/" + vin);
    assertEquals(400, r.code(), body(r));
    assertTrue(body(r).contains("invalid-vin"), body(r));
  }

  @Test
  void cyrillicLookAlikeIsNamedByPosition() {
    HttpResponse<String> r = get("/v1/vins/%D0%90FTFW5L86RFB45612");
    assertEquals(400, r.code());
    assertTrue(body(r).contains("position 1") && body(r).contains("CYRILLIC"), body(r));
  }

  @Test
  void batchKeepsOrderAndReportsBadItems() {
    List<String> vins = List.of("1FTFW5L86RFB45612", "BAD", "JH4DB1576LS806648");
    List<Map> out = http.toBlocking().retrieve(
        HttpRequest.POST("/v1/vins/batch", vins).bearerAuth("test-key"), io.micronaut.core.type.Argument.listOf(Map.class));
    assertEquals(3, out.size());
    assertEquals("1FTFW5L86RFB45612", ((Map) out.get(0).get("result")).get("vin"));
    assertNotNull(out.get(1).get("error"));
    assertEquals("Integra", ((Map) out.get(2).get("result")).get("model"));
  }

  @Test
  void batchStreamsNdjson() {
    String body = "1FTFW5L86RFB45612\nJH4DB1576LS806648\n";
    String out = http.toBlocking().retrieve(HttpRequest.POST("/v1/vins/batch", body)
        .contentType("application/x-ndjson").accept("application/x-ndjson").bearerAuth("test-key"));
    String[] lines = out.trim().split("\n");
    assertEquals(2, lines.length, out);
    assertTrue(lines[1].contains("Integra"), out);
  }

  @Test
  void tenMegabyteBodyIs413() {
    StringBuilder sb = new StringBuilder("[");
    while (sb.length() < 10_000_000) {
      sb.append("\"1FTFW5L86RFB45612\",");
    }
    sb.append("\"1FTFW5L86RFB45612\"]");
    try {
      http.toBlocking().exchange(HttpRequest.POST("/v1/vins/batch", sb.toString())
          .contentType(MediaType.APPLICATION_JSON).bearerAuth("test-key"), String.class);
      throw new AssertionError("accepted a 10 MB body");
    } catch (HttpClientResponseException e) {
      assertEquals(413, e.getStatus().getCode());
    }
  }

  @Test
  void emptyBatchIs400() {
    try {
      http.toBlocking().exchange(HttpRequest.POST("/v1/vins/batch", new ArrayList<String>()).bearerAuth("test-key"), String.class);
      throw new AssertionError("accepted an empty batch");
    } catch (HttpClientResponseException e) {
      assertEquals(400, e.getStatus().getCode());
    }
  }

  @Test
  void matchAnswersDecisionAndCandidatesWithReasons() {
    Map<?, ?> out = http.toBlocking().retrieve(HttpRequest.POST("/v1/vins/match",
        Map.of("vin", "1FTFW5L86RFB45612", "hint", "F150 lariat supercrew 4x4")).bearerAuth("test-key"), Map.class);
    assertEquals("auto", out.get("decision"));
    Map<?, ?> first = (Map<?, ?>) ((List<?>) out.get("candidates")).get(0);
    assertEquals("CAT-001985", first.get("catalogId"));
    assertTrue(!((List<?>) first.get("reasons")).isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"vin\":\"BAD\"}", "{\"hint\":\"2019 camry\"}", "{\"vin\":\"1FTFW5L86RFB4O612\"}", "not json", "[]"})
  void badMatchRequestsAre400(String json) {
    try {
      http.toBlocking().exchange(HttpRequest.POST("/v1/vins/match", json).contentType(MediaType.APPLICATION_JSON)
          .bearerAuth("test-key"), String.class);
      throw new AssertionError("accepted " + json);
    } catch (HttpClientResponseException e) {
      assertEquals(400, e.getStatus().getCode(), json + " -> " + e.getResponse().getBody(String.class).orElse(""));
    }
  }

  @Test
  void nodeDecodeIsTyped() {
    Map<?, ?> out = http.toBlocking().retrieve(HttpRequest.POST("/v1/nodes/vin.decode",
        Map.of("vin", "JH4DB1576LS806648")).bearerAuth("test-key"), Map.class);
    assertEquals("Acura", out.get("make"));
  }
}
