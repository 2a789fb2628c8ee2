package com.carmutual.claims.vehicle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The vin-matching client against a fake vin-matching server on loopback. */
class VinMatchingClientTest {
  private HttpServer fake;
  private final List<String> auth = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private volatile long delayMillis = 0;

  @BeforeEach
  void start() throws IOException {
    fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    fake.createContext("/v1/vins/", exchange -> {
      auth.add(exchange.getRequestHeaders().getFirst("Authorization"));
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      String path = exchange.getRequestURI().getPath();
      String body = path.endsWith("/match")
          ? "{\"decision\":\"auto\",\"candidates\":[{\"catalogId\":\"CAT-F150-2024-XLT\",\"score\":0.97,\"confidence\":0.95,\"reasons\":[]}]}"
          : "{\"vin\":\"1FTFW5L86RFB45612\",\"valid\":true,\"checkDigit\":\"valid\",\"make\":\"FORD\",\"model\":\"F-150\",\"modelYear\":2024,\"bodyClass\":\"Pickup\"}";
      byte[] out = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, out.length);
      exchange.getResponseBody().write(out);
      exchange.close();
    });
    fake.start();
  }

  @AfterEach
  void stop() {
    fake.stop(0);
  }

  private VinMatchingClient client(Duration timeout) {
    return client(timeout, "ck-own");
  }

  private VinMatchingClient client(Duration timeout, String ownKey) {
    return new VinMatchingClient(JsonMapper.createDefault(), "http://127.0.0.1:" + fake.getAddress().getPort(), ownKey, timeout);
  }

  @Test
  void withoutItsOwnKeyItSendsNoKeyAtAll() {
    client(Duration.ofSeconds(2), " ").resolve("1FTFW5L86RFB45612", new VehicleDescription(2024, "Ford", "F150"));
    assertFalse(auth.isEmpty());
    assertTrue(auth.stream().allMatch(java.util.Objects::isNull), auth.toString());
  }

  @Test
  void decodesAndMatchesThroughVinMatchingWithItsOwnKey() {
    Vehicle v = client(Duration.ofSeconds(2)).resolve("1FTFW5L86RFB45612", new VehicleDescription(2024, "Ford", "F150"));
    assertEquals("vin-matching", v.source());
    assertEquals("FORD", v.make());
    assertEquals(2024, v.year());
    assertEquals("CAT-F150-2024-XLT", v.catalogId());
    assertEquals("auto", v.matchDecision());
    assertEquals("PICKUP", v.vehicleClass());
    assertTrue(auth.stream().allMatch("Bearer ck-own"::equals), auth.toString());
  }

  @Test
  void serverErrorFallsBackToTheReportedVehicle() {
    status = 503;
    Vehicle v = client(Duration.ofSeconds(2)).resolve("1FTFW5L86RFB45612", new VehicleDescription(2019, "Toyota", "Camry"));
    assertEquals("report", v.source());
    assertEquals("Toyota", v.make());
    assertFalse(v.warnings().isEmpty());
  }

  @Test
  void slowServerHitsTheTimeoutAndFallsBack() {
    delayMillis = 1500;
    Vehicle v = client(Duration.ofMillis(200)).resolve("1FTFW5L86RFB45612", new VehicleDescription(2019, "Toyota", "Camry"));
    assertEquals("report", v.source());
    assertTrue(v.warnings().get(0).contains("unavailable"), v.warnings().toString());
  }

  @Test
  void computesTheNorthAmericanCheckDigit() {
    assertEquals('6', Vins.expectedCheckDigit("1FTFW5L86RFB45612"));
    assertEquals('X', Vins.expectedCheckDigit("1M8GDM9AXKP042788"));
    assertTrue(Vins.northAmerican("1FTFW5L86RFB45612"));
    assertFalse(Vins.northAmerican("WVWZZZ1JZXW000001"));
    assertTrue(Vins.formError("1FTFW5L86RFB4561O").contains("17"));
  }
}
