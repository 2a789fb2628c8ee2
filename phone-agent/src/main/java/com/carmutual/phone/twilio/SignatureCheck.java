package com.carmutual.phone.twilio;

import com.carmutual.shared.problem.ProblemException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses a webhook whose {@code X-Twilio-Signature} does not match the public URL it was sent to
 * ({@code PHONE_PUBLIC_BASE_URL} plus the request's path and query) and its form parameters. With no
 * auth token configured every webhook is refused: an unsigned telephony endpoint is never open.
 */
@Singleton
public final class SignatureCheck {
  private static final Logger LOG = LoggerFactory.getLogger(SignatureCheck.class);
  private final TwilioSettings settings;

  SignatureCheck(TwilioSettings settings) {
    this.settings = settings;
  }

  public void verify(HttpRequest<?> request, Map<String, String> params) {
    String rawPath = request.getUri().getRawPath();
    String rawQuery = request.getUri().getRawQuery();
    String url = settings.publicBase() + rawPath + (rawQuery == null || rawQuery.isEmpty() ? "" : "?" + rawQuery);
    String signature = request.getHeaders().get("X-Twilio-Signature");
    if (!TwilioSignature.valid(settings.authToken(), url, params, signature)) {
      LOG.warn("refused webhook {} with {} signature", url, signature == null ? "no" : "a bad");
      throw new ProblemException(HttpStatus.FORBIDDEN, "twilio-signature",
          signature == null ? "X-Twilio-Signature is missing" : "X-Twilio-Signature does not match the request");
    }
  }
}
