package com.carmutual.claims.vehicle;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link VehicleLookup} over vin-matching's HTTP API ({@code GET /v1/vins/{vin}}, {@code POST
 * /v1/vins/match}) with a per-call timeout; any failure falls back to the reported year, make and
 * model, with a warning saying why.
 */
@Singleton
final class VinMatchingClient implements VehicleLookup {
  private static final Logger LOG = LoggerFactory.getLogger(VinMatchingClient.class);

  private final HttpClient http;
  private final JsonMapper mapper;
  private final String baseUrl;
  private final String apiKey;
  private final Duration timeout;

  VinMatchingClient(
      JsonMapper mapper,
      @Value("${claims.vin-matching.url:`http://127.0.0.1:8081`}") String baseUrl,
      @Nullable @Value("${claims.vin-matching.api-key:}") String apiKey,
      @Value("${claims.vin-matching.timeout:2s}") Duration timeout) {
    this.mapper = mapper;
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    // claims-agent's own key (CLAIMS_VIN_MATCHING_API_KEY), never one of the keys it accepts from its callers
    this.apiKey = apiKey != null && !apiKey.isBlank() ? apiKey.trim() : null;
    if (this.apiKey == null) {
      LOG.warn("CLAIMS_VIN_MATCHING_API_KEY is not set: vin-matching will refuse claims-agent's lookups");
    }
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  @Override
  public Vehicle resolve(String vin, VehicleDescription reported) {
    VehicleDescription r = reported == null ? new VehicleDescription(null, null, null) : reported;
    List<String> warnings = new ArrayList<>();
    if (vin == null || vin.isBlank()) {
      return fromReport(null, r, "no VIN in the report", warnings);
    }
    JsonNode decoded;
    try {
      decoded = call(HttpRequest.newBuilder(URI.create(baseUrl + "/v1/vins/" + URLEncoder.encode(vin, StandardCharsets.UTF_8))).GET());
    } catch (Exception e) {
      LOG.warn("vin-matching decode failed for {}: {}", vin, e.toString());
      return fromReport(vin, r, "vin-matching unavailable (" + e.getClass().getSimpleName() + "): used the reported vehicle", warnings);
    }
    Integer year = intOrNull(decoded.get("modelYear"));
    String make = text(decoded.get("make"));
    String model = text(decoded.get("model"));
    String body = text(decoded.get("bodyClass"));
    if (make == null) {
      return fromReport(vin, r, "vin-matching could not decode the make: used the reported vehicle", warnings);
    }
    String catalogId = null;
    String decision = null;
    try {
      Map<String, Object> body1 = new LinkedHashMap<>();
      body1.put("vin", vin);
      String hint = hint(r);
      if (hint != null) {
        body1.put("hint", hint);
      }
      JsonNode match =
          call(
              HttpRequest.newBuilder(URI.create(baseUrl + "/v1/vins/match"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body1))));
      decision = text(match.get("decision"));
      JsonNode candidates = match.get("candidates");
      if (candidates != null && candidates.isArray() && candidates.size() > 0) {
        catalogId = text(candidates.get(0).get("catalogId"));
      }
    } catch (Exception e) {
      warnings.add("vin-matching match failed (" + e.getClass().getSimpleName() + "): no catalog row");
    }
    if (r.year() != null && year != null && !r.year().equals(year)) {
      warnings.add("reported year " + r.year() + " differs from the decoded " + year);
    }
    return new Vehicle(
        vin,
        year != null ? year : r.year(),
        make,
        model != null ? model : r.model(),
        body,
        catalogId,
        decision,
        VehicleClass.of(make, model != null ? model : r.model(), body).name(),
        "vin-matching",
        List.copyOf(warnings));
  }

  private static String hint(VehicleDescription r) {
    String s = ((r.year() == null ? "" : r.year() + " ") + (r.make() == null ? "" : r.make() + " ") + (r.model() == null ? "" : r.model())).trim();
    return s.isEmpty() ? null : s;
  }

  private Vehicle fromReport(String vin, VehicleDescription r, String why, List<String> warnings) {
    warnings.add(why);
    return new Vehicle(
        vin, r.year(), r.make(), r.model(), null, null, null, VehicleClass.of(r.make(), r.model(), null).name(), "report", List.copyOf(warnings));
  }

  private JsonNode call(HttpRequest.Builder request) throws IOException, InterruptedException {
    request.timeout(timeout).header("Accept", "application/json");
    if (apiKey != null) {
      request.header("Authorization", "Bearer " + apiKey);
    }
    HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() / 100 != 2) {
      throw new IOException("vin-matching answered " + response.statusCode());
    }
    return mapper.readValue(response.body(), JsonNode.class);
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() || !n.isString() ? null : n.getStringValue();
  }

  private static Integer intOrNull(JsonNode n) {
    return n == null || !n.isNumber() ? null : n.getIntValue();
  }
}
