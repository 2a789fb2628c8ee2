package com.carmutual.phone.twilio;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's {@code X-Twilio-Signature}: Base64 of HMAC-SHA1, keyed by the auth token, over the full
 * URL followed by each form parameter's name and value sorted by name. The URL is also accepted with
 * the default port added or removed, because proxies rewrite it; comparison is constant-time.
 */
public final class TwilioSignature {
  private TwilioSignature() {}

  /** The signature Twilio would send for {@code url} and form {@code params}. */
  public static String sign(String authToken, String url, Map<String, String> params) {
    StringBuilder data = new StringBuilder(url);
    new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v == null ? "" : v));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA1 unavailable", e);
    }
  }

  /** True when {@code signature} matches {@code url} (or its default-port variant) and {@code params}. */
  public static boolean valid(String authToken, String url, Map<String, String> params, String signature) {
    if (authToken == null || authToken.isEmpty() || signature == null || signature.isEmpty()) {
      return false;
    }
    byte[] given = signature.getBytes(StandardCharsets.UTF_8);
    boolean ok = false;
    for (String candidate : variants(url)) {
      // no early exit: every variant is compared, each in constant time
      ok |= MessageDigest.isEqual(sign(authToken, candidate, params).getBytes(StandardCharsets.UTF_8), given);
    }
    return ok;
  }

  /** {@code url} as given, and with the scheme's default port added or removed. */
  static List<String> variants(String url) {
    List<String> out = new ArrayList<>();
    out.add(url);
    try {
      URI u = URI.create(url);
      String scheme = u.getScheme();
      int defaultPort = "https".equalsIgnoreCase(scheme) ? 443 : "http".equalsIgnoreCase(scheme) ? 80 : -1;
      if (defaultPort < 0 || u.getRawAuthority() == null) {
        return out;
      }
      String rest = url.substring(url.indexOf(u.getRawAuthority()) + u.getRawAuthority().length());
      String userInfo = u.getRawUserInfo() == null ? "" : u.getRawUserInfo() + "@";
      if (u.getPort() == -1) {
        out.add(scheme + "://" + userInfo + u.getHost() + ":" + defaultPort + rest);
      } else if (u.getPort() == defaultPort) {
        out.add(scheme + "://" + userInfo + u.getHost() + rest);
      }
    } catch (IllegalArgumentException e) {
      // not a URL we can rewrite: only the exact form is tried
    }
    return out;
  }
}
