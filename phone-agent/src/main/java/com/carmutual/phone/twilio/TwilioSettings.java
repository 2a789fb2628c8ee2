package com.carmutual.phone.twilio;

import com.carmutual.shared.logging.Secrets;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Twilio account and telephony settings, from the environment ({@code TWILIO_AUTH_TOKEN},
 * {@code TWILIO_ACCOUNT_SID}, {@code TWILIO_API_BASE_URL}, {@code PHONE_PUBLIC_BASE_URL},
 * {@code PHONE_CALLER_ID}, {@code PHONE_TRANSFER_NUMBER}).
 *
 * @param authToken key of webhook signatures and REST basic auth
 * @param publicBaseUrl the URL Twilio calls this service by (behind proxies), e.g. https://phone.example.com
 */
@ConfigurationProperties("phone.twilio")
public record TwilioSettings(
    @Nullable String authToken,
    @Nullable String accountSid,
    @Nullable String apiBaseUrl,
    @Nullable String publicBaseUrl,
    @Nullable String callerId,
    @Nullable String transferNumber) {

  public String publicBase() {
    String b = publicBaseUrl == null || publicBaseUrl.isBlank() ? "http://localhost:8084" : publicBaseUrl.trim();
    return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
  }

  public String apiBase() {
    String b = apiBaseUrl == null || apiBaseUrl.isBlank() ? "https://api.twilio.com" : apiBaseUrl.trim();
    return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
  }
  /** Everything but the auth token (whether one is set). */
  @Override
  public String toString() {
    return "TwilioSettings[authToken=" + Secrets.mask(authToken) + ", accountSid=" + accountSid + ", apiBaseUrl="
        + apiBaseUrl + ", publicBaseUrl=" + publicBaseUrl + ", callerId=" + callerId + ", transferNumber="
        + transferNumber + "]";
  }
}
