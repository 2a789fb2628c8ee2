package com.carmutual.phone.understand;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The deterministic implementation of {@code phone.extract}: reads every turn for the expected slot,
 * for every other open slot said in the same breath ({@link Volunteered}) and for corrections of
 * filled ones, inside the turn or at the read-back; recognises requests for a person or a repeat,
 * keypad input of any length, and "I don't know" or a refusal as an explicit null.
 */
public final class DeterministicExtractor {
  /** Name of the pseudo-slot for the read-back question at the end of a script. */
  public static final String CONFIRM = "#confirm";

  private static final SlotSpec CONFIRM_SPEC =
      new SlotSpec(CONFIRM, "yes_no", null, null, false, null, null, null, null, null, null);
  /** Longer speech is cut: a turn is a few sentences, and the parsers' work stays bounded. */
  static final int MAX_UTTERANCE = 600;
  /** Keypad input longer than this is not an answer to any question. */
  static final int MAX_DIGITS = 16;

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
    if (utterance.length() > MAX_UTTERANCE) {
      utterance = utterance.substring(0, MAX_UTTERANCE);
    }
    if (Lexicon.wantsAgent(utterance)) {
      return new Extraction(List.of(), Extraction.AGENT);
    }
    if (Lexicon.wantsRepeat(utterance) && utterance.length() < 40) {
      return new Extraction(List.of(), Extraction.REPEAT);
    }
    if (expected.name().equals(CONFIRM)) {
      return confirm(in, utterance, today);
    }
    return answer(in, expected, utterance, today);
  }

  /**
   * A turn answering a slot: the expected slot (the value after an in-turn correction wins), an
   * earlier slot corrected after a marker ("…, oh and the time was actually 3"), and every open slot
   * said in the same breath.
   */
  private static Extraction answer(ExtractInput in, SlotSpec expected, String utterance, LocalDate today) {
    List<SlotValue> values = new ArrayList<>();
    boolean corrected = false;
    String answerText = utterance;
    boolean freeText = expected.type().equals("text");
    Clauses.Marker marker = Clauses.lastMarker(utterance, !freeText && !expected.type().equals("yes_no"));
    if (marker != null) {
      List<SlotValue> earlier = corrections(in, marker.after(), today, expected, false);
      if (earlier.isEmpty() && expected.type().equals("yes_no")) {
        // a yes/no reads almost anything; a typed value after the marker corrects an earlier slot first
        earlier = corrections(in, marker.after(), today, expected, true);
      }
      if (earlier.isEmpty() && !freeText && value(expected, Clauses.withoutNegatedValues(marker.after()), today) != null) {
        answerText = marker.after(); // "three, no wait, make it four"
      } else {
        if (earlier.isEmpty()) {
          earlier = corrections(in, marker.after(), today, expected, true);
        }
        if (!earlier.isEmpty()) {
          values.addAll(earlier);
          corrected = true;
          answerText = marker.before();
        }
      }
    }
    if (!answerText.isBlank()) {
      String v = value(expected, freeText ? answerText
          : withPeriodFrom(in.previous(), expected, Clauses.withoutNegatedValues(answerText)), today);
      if (v != null) {
        values.add(0, new SlotValue(expected.name(), v));
      } else if (saysNothing(expected, answerText)) {
        values.add(0, new SlotValue(expected.name(), null));
      }
      Volunteered.read(in, expected, answerText, today, values);
    }
    return new Extraction(values, corrected ? Extraction.CORRECTION : Extraction.ANSWER);
  }

  /** The expected slot's value; "nothing more to say" is no comment, and a refused consent is a no. */
  private static String value(SlotSpec expected, String text, LocalDate today) {
    if ("comment".equals(expected.role()) && Lexicon.nothing(text)) {
      return null;
    }
    if (expected.type().equals("time") && SpokenTimes.find(text, true) == null && vagueTime(text)) {
      return null;
    }
    return SlotParsers.parse(expected, text, today);
  }

  /** A time said without a part of the day takes the one said just before ("Sunday night" … "around 11"). */
  private static String withPeriodFrom(String previous, SlotSpec expected, String text) {
    if (!expected.type().equals("time") || SpokenTimes.period(text) != null) {
      return text;
    }
    String period = SpokenTimes.period(previous);
    return period == null ? text : Lexicon.isChinese(period) ? period + text : text + " " + period;
  }

  /** "I don't know", "I'd rather not say", "nothing more to say": an explicit null for the slot. */
  private static boolean saysNothing(SlotSpec spec, String utterance) {
    if ("comment".equals(spec.role())) {
      return Lexicon.nothing(utterance) || Lexicon.unknown(utterance);
    }
    if (spec.type().equals("time") && vagueTime(utterance)) {
      return true; // a part of the day but no hour: the exact time is not known
    }
    return Lexicon.unknown(utterance)
        || (spec.type().equals("plate") && Lexicon.norm(utterance).matches("^(no|none|没有|无).*"));
  }

  private static boolean vagueTime(String utterance) {
    return SpokenTimes.find(utterance, true) == null
        && utterance.toLowerCase(Locale.ROOT).matches(".*(morning|afternoon|evening|night|lunchtime|lunch time|早上|上午|中午|下午|晚上|傍晚|夜里|凌晨).*");
  }

  /**
   * Earlier answers corrected in {@code text}: each slot named by a key word, read from its clause up
   * to the next slot named ("the time was 3, not 2"); with no key word, the latest filled slot whose
   * type reads the text ("no, it was Tuesday"). {@code exclude} is the slot being asked, if any.
   */
  static List<SlotValue> corrections(ExtractInput in, String text, LocalDate today, SlotSpec exclude, boolean unnamed) {
    String said = Clauses.withoutNegatedValues(text);
    String t = said.toLowerCase(Locale.ROOT).replace('’', '\''); // same offsets as what was said
    List<SlotValue> out = new ArrayList<>();
    List<Keywords.Mention> named = Keywords.mentions(in.slots(), t);
    for (int i = 0; i < named.size(); i++) {
      SlotSpec s = named.get(i).slot();
      if (exclude != null && s.name().equals(exclude.name()) || out.stream().anyMatch(v -> v.slot().equals(s.name()))) {
        continue;
      }
      int from = clauseStart(t, named.get(i).start());
      int to = i + 1 < named.size() ? clauseStart(t, named.get(i + 1).start()) : t.length();
      if (to <= from) {
        to = i + 1 < named.size() ? named.get(i + 1).start() : t.length();
      }
      String segment = t.substring(from, Math.max(from, to));
      String v;
      if (s.type().equals("yes_no")) {
        v = SlotParsers.parse(s, segment, today);
      } else if (s.type().equals("text")) {
        v = SlotParsers.parse(s, Keywords.strip(s, said.substring(named.get(i).start(), Math.max(named.get(i).start(), to))), today);
      } else {
        v = SlotParsers.parse(s, segment, today);
        v = v != null ? v : SlotParsers.parse(s, Keywords.strip(s, segment), today);
        v = nearHeld(in, s, segment, v);
      }
      if (v != null && Boolean.TRUE.equals(!s.type().equals("text") || v.length() >= 2)) {
        out.add(new SlotValue(s.name(), v));
      }
    }
    if (!out.isEmpty() || !named.isEmpty() || !unnamed) {
      return out;
    }
    List<String> filled = in.filled();
    for (int i = filled.size() - 1; i >= 0; i--) {
      SlotSpec s = spec(in, filled.get(i));
      if (exclude != null && s.name().equals(exclude.name()) || TYPED_ONLY.contains(s.type()) == false) {
        continue;
      }
      String v = nearHeld(in, s, t, SlotParsers.parse(s, t, today));
      if (v != null) {
        return List.of(new SlotValue(s.name(), v));
      }
    }
    return out;
  }

  /**
   * A corrected time said without a part of the day ("no, nine") is read on the same half of the
   * day as the time it replaces, when that is closer: 20:00 corrected to "nine" is 21:00.
   */
  private static String nearHeld(ExtractInput in, SlotSpec s, String said, String v) {
    String held = in.values() == null ? null : in.values().get(s.name());
    if (v == null || held == null || !s.type().equals("time") || SpokenTimes.period(said) != null
        || said.matches("(?i).*\\b(a\\.?m\\.?|p\\.?m\\.?|noon|midnight)\\b.*")) {
      return v;
    }
    try {
      java.time.LocalTime now = java.time.LocalTime.parse(v);
      java.time.LocalTime old = java.time.LocalTime.parse(held);
      java.time.LocalTime other = now.plusHours(12);
      long d1 = Math.abs(java.time.Duration.between(old, now).toMinutes());
      long d2 = Math.abs(java.time.Duration.between(old, other).toMinutes());
      return d2 < d1 ? other.toString() : v;
    } catch (RuntimeException e) {
      return v;
    }
  }

  /** Slot types whose value cannot be mistaken for ordinary words, so a correction can name none. */
  private static final java.util.Set<String> TYPED_ONLY = java.util.Set.of("date", "time", "plate", "member_id");

  private static int clauseStart(String t, int at) {
    int from = at;
    while (from > 0 && ",.;!?，。；！？".indexOf(t.charAt(from - 1)) < 0) {
      from--;
    }
    return from;
  }

  /**
   * The read-back answer: yes, no, or the details to change (several at once is fine). After a plain
   * yes only details named by a key word count ("yes, but the plate is …").
   */
  private static Extraction confirm(ExtractInput in, String utterance, LocalDate today) {
    Boolean yes = Lexicon.yesNo(utterance, List.of(), List.of());
    String rest = utterance.trim().replaceFirst("(?i)^\\s*(no|nope|nah|not quite|not really|wrong|that's wrong|that is wrong|incorrect|不对|不是|错了|有错)[,.，。!！\\s]*", "");
    List<SlotValue> changes = List.of();
    if (!rest.isBlank()) {
      changes = corrections(in, rest, today, null, !Boolean.TRUE.equals(yes));
    }
    Clauses.Marker marker = Clauses.lastMarker(utterance, false);
    if (changes.isEmpty() && marker != null) {
      changes = corrections(in, marker.after(), today, null, !Boolean.TRUE.equals(yes));
    }
    List<SlotValue> values = new ArrayList<>();
    if (!changes.isEmpty()) {
      values.addAll(changes);
      return new Extraction(values, Extraction.CORRECTION);
    }
    if (yes != null) {
      values.add(new SlotValue(CONFIRM, yes.toString()));
    }
    return new Extraction(values, Extraction.ANSWER);
  }

  private static Extraction dtmf(SlotSpec expected, String digits, LocalDate today) {
    if (digits.equals("*")) {
      return new Extraction(List.of(), Extraction.AGENT);
    }
    String d = digits.replaceAll("[^0-9]", "");
    if (d.isEmpty() || d.length() > MAX_DIGITS) {
      return new Extraction(List.of(), Extraction.NONE); // keys that answer nothing: the dialogue asks again
    }
    String value =
        switch (expected.type()) {
          case "yes_no" -> d.equals("1") ? "true" : d.equals("2") ? "false" : null;
          case "number", "score", "money" -> d.length() > 12 ? null : String.valueOf(Long.parseLong(d));
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
