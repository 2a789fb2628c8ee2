package com.carmutual.phone.understand;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deterministic implementation of {@code phone.extract}: reads the expected slot by its type,
 * picks up the date, time and place said in the same breath, recognises corrections ("no, I meant
 * ..."), requests for a person or a repeat, DTMF keys, and "I don't know" for nullable slots.
 */
public final class DeterministicExtractor {
  /** Name of the pseudo-slot for the read-back question at the end of a script. */
  public static final String CONFIRM = "#confirm";

  private static final SlotSpec CONFIRM_SPEC =
      new SlotSpec(CONFIRM, "yes_no", null, null, false, null, null, null, null, null, null);
  private static final Pattern PLACE_EN =
      Pattern.compile("(?i)\\b(?:at|on|in|near|by|outside|behind|in front of|next to)\\s+(.{3,})$");
  private static final Pattern PLACE_ZH = Pattern.compile("在(.{2,})$");

  /** Fills slots from {@code in}; never throws for odd input, answers intent {@code none} instead. */
  public Extraction extract(ExtractInput in) {
    LocalDate today = LocalDate.parse(in.today());
    String utterance = in.utterance() == null ? "" : in.utterance().trim();
    String digits = in.digits() == null ? "" : in.digits().trim();
    SlotSpec expected = spec(in, in.expecting());
    if (!digits.isEmpty()) {
      return dtmf(expected, digits, today);
    }
    if (utterance.isEmpty()) {
      return new Extraction(List.of(), Extraction.NONE);
    }
    if (Lexicon.wantsAgent(utterance)) {
      return new Extraction(List.of(), Extraction.AGENT);
    }
    if (Lexicon.wantsRepeat(utterance) && utterance.length() < 40) {
      return new Extraction(List.of(), Extraction.REPEAT);
    }
    String corrected = Lexicon.correction(utterance);
    if (corrected != null) {
      SlotSpec target = correctionTarget(in, corrected, today);
      if (target != null && !target.name().equals(expected.name())) {
        String v = SlotParsers.parse(target, corrected, today);
        return new Extraction(List.of(new SlotValue(target.name(), v)), Extraction.CORRECTION);
      }
      utterance = corrected;
    }
    if (expected.name().equals(CONFIRM)) {
      return confirm(in, utterance, today);
    }
    List<SlotValue> values = new ArrayList<>();
    String value = expected.nullable() && saysNothing(expected, utterance) ? null : SlotParsers.parse(expected, utterance, today);
    if (value == null && expected.nullable() && saysNothing(expected, utterance)) {
      values.add(new SlotValue(expected.name(), null));
    } else if (value != null && "comment".equals(expected.role()) && Lexicon.nothing(utterance)) {
      values.add(new SlotValue(expected.name(), null));
    } else if (value != null) {
      values.add(new SlotValue(expected.name(), value));
    }
    if (expected.type().equals("date") || expected.type().equals("time")) {
      companions(in, expected, utterance, today, values);
    }
    return new Extraction(values, Extraction.ANSWER);
  }

  private static boolean saysNothing(SlotSpec spec, String utterance) {
    if ("comment".equals(spec.role())) {
      return Lexicon.nothing(utterance);
    }
    if (spec.type().equals("time") && SpokenTimes.find(utterance, true) == null
        && utterance.toLowerCase(Locale.ROOT).matches(".*(morning|afternoon|evening|night|早上|上午|下午|晚上|傍晚|夜里|凌晨).*")) {
      return true; // a part of the day but no hour: the exact time is not known
    }
    return Lexicon.unknown(utterance)
        || (spec.type().equals("plate") && Lexicon.norm(utterance).matches("^(no|none|没有|无).*"));
  }

  /** Date, time and place said together ("last Friday around 9 at the mall"). */
  private static void companions(ExtractInput in, SlotSpec expected, String utterance, LocalDate today, List<SlotValue> values) {
    String rest = utterance;
    SpokenDates.Found date = SpokenDates.find(utterance, today, SlotParsers.direction(expected));
    SpokenTimes.Found time = SpokenTimes.find(utterance, expected.type().equals("time"));
    for (SlotSpec s : in.slots()) {
      if (s.name().equals(expected.name()) || in.filled().contains(s.name())) {
        continue;
      }
      if (s.type().equals("time") && time != null) {
        values.add(new SlotValue(s.name(), time.time().toString()));
      } else if (s.type().equals("date") && date != null) {
        SpokenDates.Found d = SpokenDates.find(utterance, today, SlotParsers.direction(s));
        values.add(new SlotValue(s.name(), d.date().toString()));
      }
    }
    rest = blank(rest, date == null ? -1 : date.start(), date == null ? -1 : date.end());
    rest = blank(rest, time == null ? -1 : time.start(), time == null ? -1 : time.end());
    for (SlotSpec s : in.slots()) {
      if ("location".equals(s.role()) && !in.filled().contains(s.name())) {
        String place = place(rest);
        if (place != null) {
          values.add(new SlotValue(s.name(), place));
        }
      }
    }
  }

  private static String blank(String text, int start, int end) {
    if (start < 0) {
      return text;
    }
    return text.substring(0, start) + " ".repeat(end - start) + text.substring(end);
  }

  private static String place(String rest) {
    String r = rest.replaceAll("\\s+", " ").trim();
    Matcher zh = PLACE_ZH.matcher(r);
    if (zh.find()) {
      return zh.group(1).trim();
    }
    Matcher en = PLACE_EN.matcher(r);
    if (en.find()) {
      String p = en.group(1).trim().replaceAll("[.!]+$", "")
          .replaceFirst("(?i)^(?:(?:at|on|in|near|by)\\s+)+", "");
      boolean timeWords = p.toLowerCase(Locale.ROOT).matches("^(the )?(morning|afternoon|evening|night|day|week|moment|end)\\b.*");
      return !timeWords && p.length() >= 3 ? p : null;
    }
    return null;
  }

  private static Extraction confirm(ExtractInput in, String utterance, LocalDate today) {
    Boolean yes = Lexicon.yesNo(utterance, List.of(), List.of());
    List<SlotValue> values = new ArrayList<>();
    if (yes != null) {
      values.add(new SlotValue(CONFIRM, yes.toString()));
    }
    if (Boolean.FALSE.equals(yes)) {
      String rest = utterance.replaceFirst("(?i)^\\s*(no|nope|not quite|不对|不是|错了)[,.，。!\\s]*", "");
      SlotSpec target = rest.isBlank() ? null : byKeyword(in, rest);
      if (target != null) {
        String v = SlotParsers.parse(target, stripKeyword(target, rest), today);
        if (v != null) {
          values.add(new SlotValue(target.name(), v));
          return new Extraction(values, Extraction.CORRECTION);
        }
      }
    }
    return new Extraction(values, Extraction.ANSWER);
  }

  private static SlotSpec correctionTarget(ExtractInput in, String corrected, LocalDate today) {
    SlotSpec named = byKeyword(in, corrected);
    if (named != null) {
      return named;
    }
    List<String> filled = in.filled();
    for (int i = filled.size() - 1; i >= 0; i--) {
      SlotSpec s = spec(in, filled.get(i));
      if (!s.type().equals("text") && SlotParsers.parse(s, corrected, today) != null) {
        return s;
      }
      if (i == filled.size() - 1 && s.type().equals("text")) {
        return s; // "no, I meant Anna Lee" right after the name question
      }
    }
    return null;
  }

  private static SlotSpec byKeyword(ExtractInput in, String text) {
    String t = text.toLowerCase(Locale.ROOT);
    for (SlotSpec s : in.slots()) {
      for (String k : s.keywordsOrEmpty()) {
        if (t.contains(k.toLowerCase(Locale.ROOT))) {
          return s;
        }
      }
    }
    return null;
  }

  private static String stripKeyword(SlotSpec s, String text) {
    String out = text;
    for (String k : s.keywordsOrEmpty()) {
      out = out.replaceAll("(?i)(the |my )?" + Pattern.quote(k) + "( is| was| should be|是|应该是)?", " ");
    }
    return out.trim();
  }

  private static Extraction dtmf(SlotSpec expected, String digits, LocalDate today) {
    if (digits.equals("*")) {
      return new Extraction(List.of(), Extraction.AGENT);
    }
    String d = digits.replaceAll("[^0-9]", "");
    if (d.isEmpty()) {
      return new Extraction(List.of(), Extraction.NONE);
    }
    String value =
        switch (expected.type()) {
          case "yes_no" -> d.equals("1") ? "true" : d.equals("2") ? "false" : null;
          case "number", "score", "money" -> String.valueOf(Long.parseLong(d));
          case "member_id" -> d.length() == 6 ? "M" + d : null;
          case "time" -> d.length() == 4 || d.length() == 3 ? timeOf(d) : null;
          case "date" -> dateOf(d, today, SlotParsers.direction(expected));
          default -> null;
        };
    return new Extraction(
        value == null ? List.of() : List.of(new SlotValue(expected.name(), value)), Extraction.ANSWER);
  }

  private static String timeOf(String d) {
    int hhmm = Integer.parseInt(d);
    int h = hhmm / 100;
    int m = hhmm % 100;
    return h < 24 && m < 60 ? String.format("%02d:%02d", h, m) : null;
  }

  private static String dateOf(String d, LocalDate today, SpokenDates.Direction direction) {
    try {
      if (d.length() == 8) {
        return LocalDate.of(Integer.parseInt(d.substring(0, 4)), Integer.parseInt(d.substring(4, 6)), Integer.parseInt(d.substring(6))).toString();
      }
      if (d.length() == 4) {
        SpokenDates.Found f = SpokenDates.find(Integer.parseInt(d.substring(0, 2)) + "/" + Integer.parseInt(d.substring(2)), today, direction);
        return f == null ? null : f.date().toString();
      }
    } catch (RuntimeException e) {
      return null;
    }
    return null;
  }

  private static SlotSpec spec(ExtractInput in, String name) {
    if (CONFIRM.equals(name)) {
      return CONFIRM_SPEC;
    }
    return in.slots().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown slot: " + name));
  }
}
