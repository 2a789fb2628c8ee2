package com.carmutual.phone.claims;

import com.carmutual.shared.logging.Secrets;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/** Where claims-agent is ({@code CLAIMS_AGENT_URL}) and the API key to use ({@code PHONE_CLAIMS_API_KEY}). */
@ConfigurationProperties("phone.claims")
record ClaimsAgentSettings(@Nullable String url, @Nullable String apiKey) {
  /** The URL, and whether a key is set (never the key). */
  @Override
  public String toString() {
    return "ClaimsAgentSettings[url=" + url + ", apiKey=" + Secrets.mask(apiKey) + "]";
  }
}
