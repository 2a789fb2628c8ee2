package com.carmutual.shared.gateway.provider;

import com.carmutual.shared.logging.Secrets;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * One configured provider: its wire {@code type} ({@code openai} or {@code anthropic}), base URL,
 * key, extra headers, and for OpenAI-compatible servers how structured output is asked for
 * ({@code json_schema}, {@code tool} or {@code json_object}).
 */
public record ProviderSettings(
    String name,
    String type,
    URI baseUrl,
    @Nullable String apiKey,
    Map<String, String> headers,
    String structuredOutput,
    Duration connectTimeout) {

  public ProviderSettings {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    structuredOutput = structuredOutput == null ? "json_schema" : structuredOutput;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
  }

  /** Everything but the key, header values and any credentials in the base URL, which may be secrets. */
  @Override
  public String toString() {
    return "ProviderSettings[name=" + name + ", type=" + type + ", baseUrl=" + Secrets.maskUrl(String.valueOf(baseUrl)) + ", apiKey="
        + Secrets.mask(apiKey) + ", headers=" + Secrets.maskValues(headers) + ", structuredOutput=" + structuredOutput
        + ", connectTimeout=" + connectTimeout + "]";
  }
}
