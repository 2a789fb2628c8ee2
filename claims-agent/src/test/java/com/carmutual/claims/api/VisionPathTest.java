package com.carmutual.claims.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.carmutual.claims.testing.TestImages;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The vision path: task claims.damage routed to an OpenAI-compatible provider, here a fake server
 * on loopback that checks the photo was sent and answers damages the text never mentions.
 */
class VisionPathTest {
  private HttpServer fake;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private ApplicationContext context;

  @BeforeEach
  void start() throws IOException {
    fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    fake.createContext("/v1/chat/completions", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(body);
      String damages = """
          {"damages":[{"partCode":"QUARTER_PANEL","side":"RIGHT","damageType":"dent","severity":"moderate","source":null,"confidence":0.91,"evidencePhoto":"side.jpg","evidence":"crease above the wheel arch"},
                      {"partCode":"TAIL_LAMP","side":"RIGHT","damageType":"broken","severity":"severe","source":null,"confidence":0.88,"evidencePhoto":"side.jpg","evidence":"lens missing"},
                      {"partCode":"FLUX_CAPACITOR","side":"CENTER","damageType":"dent","severity":"minor","source":null,"confidence":0.2,"evidencePhoto":null,"evidence":"made up"}]}""";
      String answer = JsonMapper.createDefault().writeValueAsString(Map.of(
          "id", "chatcmpl-1", "object", "chat.completion", "model", "gpt-4o",
          "choices", List.of(Map.of("index", 0, "finish_reason", "stop", "message", Map.of("role", "assistant", "content", damages))),
          "usage", Map.of("prompt_tokens", 1200, "completion_tokens", 80, "total_tokens", 1280)));
      byte[] out = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, out.length);
      exchange.getResponseBody().write(out);
      exchange.close();
    });
    fake.start();
    Map<String, Object> props = new HashMap<>();
    props.put("llm.routes.claims-damage.task", "claims.damage");
    props.put("llm.routes.claims-damage.targets", List.of(Map.of("provider", "openai", "model", "gpt-4o")));
    props.put("llm.providers.openai.base-url", "http://127.0.0.1:" + fake.getAddress().getPort());
    props.put("llm.providers.openai.api-key", "test");
    props.put("datasources.default.url", "jdbc:h2:mem:claims-vision;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    context = ApplicationContext.run(EmbeddedServer.class, props, "test").getApplicationContext();
  }

  @AfterEach
  void stop() {
    context.close();
    fake.stop(0);
  }

  @Test
  void uploadedPhotosGoToTheVisionModelAndItsDamagesBecomeVisionLines() throws Exception {
    EmbeddedServer server = context.getBean(EmbeddedServer.class);
    byte[] photo = TestImages.jpeg(TestImages.picture(11, 640, 480), 0.85f);
    String report = """
        {"memberId":"M-7","vehicle":{"year":2021,"make":"Toyota","model":"Camry"},"lossDate":"2025-06-10","lossLocation":"Shanghai",
         "description":"Someone hit the car in the car park, see photos."}""";
    MultipartBody body = MultipartBody.builder()
        .addPart("report", "report.json", MediaType.APPLICATION_JSON_TYPE, report.getBytes(StandardCharsets.UTF_8))
        .addPart("photos", "side.jpg", MediaType.IMAGE_JPEG_TYPE, photo)
        .build();
    try (HttpClient http = HttpClient.create(server.getURL())) {
      JsonMapper mapper = context.getBean(JsonMapper.class);
      String created = http.toBlocking().retrieve(HttpRequest.POST("/v1/claims", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth("test-key"));
      String id = mapper.readValue(created, JsonNode.class).get("claimId").getStringValue();
      JsonNode estimate = mapper.readValue(http.toBlocking().retrieve(HttpRequest.GET("/v1/claims/" + id + "/estimate").bearerAuth("test-key")), JsonNode.class);

      assertTrue(requests.size() >= 1, "the fake provider was called");
      assertTrue(requests.get(0).contains("data:image/jpeg;base64,"), "the photo was sent as an image part");
      assertEquals(2, estimate.get("damages").size(), "unknown part codes from the model are dropped");
      for (JsonNode d : estimate.get("damages").values()) {
        assertEquals("vision", d.get("source").getStringValue());
        assertEquals("side.jpg", d.get("evidencePhoto").getStringValue());
      }
      boolean quarterLine = false;
      for (JsonNode l : estimate.get("lines").values()) {
        if (l.get("partCode") != null && "QUARTER_PANEL".equals(l.get("partCode").getStringValue()) && "vision".equals(l.get("source").getStringValue())) {
          quarterLine = true;
          assertEquals("repair", l.get("operation").getStringValue());
        }
      }
      assertTrue(quarterLine, estimate.get("lines").toString());
    }
  }
}
