package com.carmutual.phone.capacity;

import com.carmutual.phone.twilio.TwiML;
import com.carmutual.phone.twilio.TwilioSettings;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a caller hears when phone-agent is too busy to take a voice webhook: a short apology, a pause
 * and a {@code <Redirect>} that asks again. A turn's redirect goes to the turn before it, whose stored
 * answer repeats the last question (the caller's words of the refused turn are not in Twilio's
 * redirect, so they are asked for again); the call's state is untouched. After
 * {@value #MAX_RETRIES} busy answers in a row the call goes to the human line, or ends politely.
 */
@Singleton
final class BusyTwiml {
  static final int MAX_RETRIES = 5;
  private static final Pattern VOICE_PATH = Pattern.compile("/voice/(?!callbacks/)[^/]+(/relay-ended)?");

  private final TwilioSettings twilio;

  BusyTwiml(TwilioSettings twilio) {
    this.twilio = twilio;
  }

  /** The TwiML for a refused voice webhook, or null when {@code request} is no voice webhook. */
  @Nullable
  String answer(HttpRequest<?> request) {
    String path = request.getPath();
    if (request.getMethod() != HttpMethod.POST || !VOICE_PATH.matcher(path).matches()) {
      return null;
    }
    List<String[]> query = parse(request.getUri().getRawQuery());
    int retries = intOf(value(query, "busy"), 0);
    String lang = value(query, "lang");
    if (retries >= MAX_RETRIES) {
      return TwiML.busyGiveUp(lang, twilio.transferNumber());
    }
    Integer turn = intOf(value(query, "turn"), -1) >= 0 ? intOf(value(query, "turn"), -1) : null;
    if (turn != null) {
      put(query, "turn", String.valueOf(Math.max(0, turn - 1)));
    }
    put(query, "busy", String.valueOf(retries + 1));
    return TwiML.busy(lang, twilio.publicBase() + request.getUri().getRawPath() + "?" + format(query));
  }

  private static List<String[]> parse(@Nullable String rawQuery) {
    List<String[]> out = new ArrayList<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.add(new String[] {URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8)});
    }
    return out;
  }

  @Nullable
  private static String value(List<String[]> query, String name) {
    return query.stream().filter(p -> p[0].equals(name)).map(p -> p[1]).findFirst().orElse(null);
  }

  private static void put(List<String[]> query, String name, String value) {
    query.removeIf(p -> p[0].equals(name));
    query.add(new String[] {name, value});
  }

  private static String format(List<String[]> query) {
    StringBuilder b = new StringBuilder();
    for (String[] p : query) {
      if (b.length() > 0) {
        b.append('&');
      }
      b.append(URLEncoder.encode(p[0], StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(p[1], StandardCharsets.UTF_8));
    }
    return b.toString();
  }

  private static int intOf(@Nullable String s, int otherwise) {
    if (s == null || s.isEmpty() || s.length() > 6 || !s.chars().allMatch(Character::isDigit)) {
      return otherwise;
    }
    return Integer.parseInt(s);
  }
}
