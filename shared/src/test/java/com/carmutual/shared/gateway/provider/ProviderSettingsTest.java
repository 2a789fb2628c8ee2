package com.carmutual.shared.gateway.provider;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Provider settings reach logs and error messages through toString: no secret of theirs ever does. */
class ProviderSettingsTest {
  @Test
  void toStringShowsWhatIsConfiguredButNoKeyHeaderValueOrUrlCredential() {
    ProviderSettings s = new ProviderSettings("azure-east", "openai",
        URI.create("https://svc-user:url-pass-123@models.example.test/v1?api-key=query-key-456&deployment=gpt"),
        "sk-live-key-789", Map.of("X-Org-Secret", "header-secret-000", "X-Region", "east"), "tool", Duration.ofSeconds(3));
    String printed = s.toString();
    for (String secret : new String[] {"url-pass-123", "query-key-456", "sk-live-key-789", "header-secret-000"}) {
      assertFalse(printed.contains(secret), "leaks " + secret + ": " + printed);
    }
    assertTrue(printed.contains("azure-east") && printed.contains("openai") && printed.contains("models.example.test"), printed);
    assertTrue(printed.contains("X-Org-Secret") && printed.contains("deployment=gpt") && printed.contains("tool"), printed);
    assertTrue(printed.contains("apiKey=****"), "says a key is set: " + printed);
  }

  @Test
  void aMissingKeyIsShownAsMissing() {
    ProviderSettings s = new ProviderSettings("local-vllm", "openai", URI.create("http://127.0.0.1:8000/v1"), null, null, null, null);
    assertTrue(s.toString().contains("apiKey=(none)"), s.toString());
    assertTrue(s.toString().contains("http://127.0.0.1:8000/v1"), s.toString());
  }
}
