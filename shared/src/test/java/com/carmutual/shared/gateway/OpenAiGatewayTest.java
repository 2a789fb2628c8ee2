package com.carmutual.shared.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gateway contract against a fake OpenAI chat-completions server, plus OpenAI-only features. */
class OpenAiGatewayTest extends GatewayContract {
  @Override
  String providerType() {
    return "openai";
  }

  @Test
  void sendsImagesAsDataUrls() {
    server.answering(body -> GOOD);
    LlmGateway gw = startDefault(0);
    gw.structured(StructuredRequest.of("claims.verdict", CLAIM, Verdict.class)
        .withImages(List.of(new ImageInput("front", "image/png", new byte[] {1, 2, 3}))));
    assertTrue(server.requests.get(0).contains("\"image_url\":{\"url\":\"data:image/png;base64,AQID\"}"),
        server.requests.get(0));
  }

  @Test
  void embedsThroughAnOpenAiCompatibleProviderWhenConfigured() {
    Map<String, Object> p = baseProperties();
    p.put("llm.embeddings.provider", "fake");
    p.put("llm.embeddings.model", "text-embedding-3-small");
    LlmGateway gw = start(p);
    List<float[]> v = gw.embed(List.of("rear bumper"));
    assertEquals(1, v.size());
    assertEquals(3, v.get(0).length);
    assertTrue(server.requests.get(0).contains("\"input\":[\"rear bumper\"]"));
  }

  @Test
  void usesAForcedToolCallWhenTheServerHasNoJsonSchemaMode() {
    Map<String, Object> p = baseProperties();
    p.put("llm.providers.fake.structured-output", "tool");
    route(p, "verdict", "v1", 0, true);
    server.answering(body -> GOOD);
    start(p);
    // the fake answers in content; the request must still carry the forced tool
    call(ctx.getBean(LlmGateway.class));
    assertTrue(server.requests.get(0).contains("\"tool_choice\":{\"type\":\"function\""), server.requests.get(0));
  }
}
