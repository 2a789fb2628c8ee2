package com.carmutual.shared.gateway;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The gateway contract against a fake Anthropic Messages server, plus Anthropic-only features. */
class AnthropicGatewayTest extends GatewayContract {
  @Override
  String providerType() {
    return "anthropic";
  }

  @Test
  void sendsImagesAsBase64BlocksAndTheSystemPromptOnTop() {
    server.answering(body -> GOOD);
    LlmGateway gw = startDefault(0);
    gw.structured(StructuredRequest.of("claims.verdict", CLAIM, Verdict.class)
        .withImages(List.of(new ImageInput("front", "image/png", new byte[] {1, 2, 3}))));
    String body = server.requests.get(0);
    assertTrue(body.contains("\"source\":{\"type\":\"base64\",\"media_type\":\"image/png\",\"data\":\"AQID\"}"), body);
    assertTrue(body.contains("\"system\":\""), body);
  }
}
