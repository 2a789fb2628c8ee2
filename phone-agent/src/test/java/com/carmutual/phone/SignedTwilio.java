package com.carmutual.phone;

import com.carmutual.phone.twilio.TwilioSignature;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Plays Twilio against the service: form-encoded webhooks signed with the test auth token over the
 * public URL, and helpers to follow the TwiML (the Gather's action URL, keys-only gathers).
 */
public final class SignedTwilio {
  public static final String TOKEN = "test-auth-token";
  public static final String PUBLIC_BASE = "https://phone.example.test";

  private final HttpClient client;

  public SignedTwilio(HttpClient client) {
    this.client = client;
  }

  /** The response (status and body, error statuses included) of a webhook signed as Twilio would. */
  public HttpResponse<String> post(String pathAndQuery, Map<String, String> params) {
    return post(pathAndQuery, params, TwilioSignature.sign(TOKEN, PUBLIC_BASE + pathAndQuery, params));
  }

  /** As {@link #post(String, Map)} with the given signature (null for none). */
  public HttpResponse<String> post(String pathAndQuery, Map<String, String> params, String signature) {
    String body = params.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
    var req = HttpRequest.POST(pathAndQuery, body).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
    if (signature != null) {
      req.header("X-Twilio-Signature", signature);
    }
    try {
      return client.toBlocking().exchange(req, String.class);
    } catch (HttpClientResponseException e) {
      @SuppressWarnings("unchecked")
      HttpResponse<String> r = (HttpResponse<String>) e.getResponse();
      return r;
    }
  }

  public static Map<String, String> callParams(String callSid) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("CallSid", callSid);
    p.put("AccountSid", "ACtest00000000000000000000000000");
    p.put("From", "+14155550100");
    p.put("To", "+15550001111");
    p.put("CallStatus", "in-progress");
    p.put("Direction", "inbound");
    p.put("ApiVersion", "2010-04-01");
    return p;
  }

  /** The path and query of the Gather's action in {@code twiml}, or null when the call ends. */
  public static String action(String twiml) {
    Matcher m = Pattern.compile("<Gather [^>]*action=\"([^\"]+)\"").matcher(twiml);
    if (!m.find()) {
      return null;
    }
    String url = m.group(1).replace("&amp;", "&");
    return url.substring(PUBLIC_BASE.length());
  }

  public static boolean keysOnly(String twiml) {
    return twiml.contains("<Gather input=\"dtmf\"");
  }

  /** Plays {@code turns} after the first answer; returns every TwiML answer in order. */
  public List<String> converse(String script, String query, String callSid, List<String> turns) {
    List<String> out = new java.util.ArrayList<>();
    HttpResponse<String> first = post("/voice/" + script + (query == null ? "" : "?" + query), callParams(callSid));
    String twiml = first.body();
    out.add(twiml);
    for (String turn : turns) {
      String action = action(twiml);
      if (action == null) {
        break;
      }
      Map<String, String> p = callParams(callSid);
      if (keysOnly(twiml)) {
        p.put("Digits", turn);
      } else {
        p.put("SpeechResult", turn);
        p.put("Confidence", "0.91");
      }
      twiml = post(action, p).body();
      out.add(twiml);
    }
    return out;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
