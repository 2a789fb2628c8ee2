package com.carmutual.phone.dialogue;

import com.carmutual.phone.script.Script;
import com.carmutual.phone.understand.DeterministicExtractor;
import com.carmutual.phone.understand.ExtractInput;
import com.carmutual.phone.understand.Extraction;
import com.carmutual.phone.understand.SlotSpec;
import com.carmutual.phone.understand.SlotValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dialogue state machine, a pure function of script, state and the checked answer. Mixed
 * initiative: every value a turn gives is kept (the slot asked, others said in the same breath,
 * corrections of earlier ones), and the next question is always the first slot still missing. An
 * optional slot not understood is asked once more with a hint, then left empty; a required one is
 * re-prompted twice, then asked for keys, then handed to a person. Ends with a read-back that takes
 * corrections and reads back again. Never does I/O.
 */
public final class Dialogue {
  private static final String CONFIRM = DeterministicExtractor.CONFIRM;
  /** Longest caller turn kept in the transcript. */
  static final int MAX_HEARD = 1000;

  private Dialogue() {}

  /** The new state and what to tell the caller. */
  @io.micronaut.serde.annotation.Serdeable
  public record Step(CallState state, Reply reply) {}

  /** A new call: greeting with the automated-assistant and recording disclosure, then the first question. */
  public static Step start(Script script, String lang, ZoneId zone, Instant now) {
    String first = script.slots().get(0).spec().name();
    List<CallState.TranscriptTurn> transcript = new ArrayList<>();
    CallState s =
        new CallState(
            script.name(), lang, zone.getId(), LocalDate.ofInstant(now, zone).toString(), Map.of(), List.of(),
            first, 0, false, CallState.IN_PROGRESS, false, transcript);
    List<String> say = List.of(Phrases.pick(script.greeting(), lang), Phrases.pick(script.slot(first).prompt(), lang));
    return spoken(s, gather(s, say, false, null), now);
  }

  /** An answering machine picked up: a short message without personal data, then hang up. */
  public static Step voicemail(Script script, String lang, ZoneId zone, Instant now) {
    CallState s =
        new CallState(
            script.name(), lang, zone.getId(), LocalDate.ofInstant(now, zone).toString(), Map.of(), List.of(),
            CallState.DONE, 0, false, CallState.VOICEMAIL, false, List.of());
    Reply reply = new Reply(lang, List.of(Phrases.get("voicemail", lang)), Reply.Action.HANGUP, false, null, List.of());
    return spoken(s, reply, now);
  }

  /** The extractor's input for this turn; switches the call to Chinese when the caller speaks it. */
  public static ExtractInput extractInput(Script script, CallState s, String speech, String digits) {
    String previous = null;
    for (CallState.TranscriptTurn t : s.transcript()) {
      if ("caller".equals(t.speaker())) {
        previous = t.text();
      }
    }
    return new ExtractInput(
        script.name(), s.lang(), s.today(), s.pending().startsWith("#") ? CONFIRM : s.pending(),
        script.specs(), s.filled(), speech, digits, previous, s.values());
  }

  /** The validate node: keeps only values that fit their slot's type and rules. */
  public static Checked validate(Script script, CallState s, Extraction x) {
    List<SlotValue> accepted = new ArrayList<>();
    List<SlotValue> rejected = new ArrayList<>();
    LocalDate today = LocalDate.parse(s.today());
    for (SlotValue v : x.values() == null ? List.<SlotValue>of() : x.values()) {
      boolean ok;
      if (CONFIRM.equals(v.slot())) {
        ok = "true".equals(v.value()) || "false".equals(v.value());
      } else {
        Script.Slot slot = script.slot(v.slot());
        ok = slot != null && Validation.valid(slot.spec(), v.value(), today);
      }
      (ok ? accepted : rejected).add(v);
    }
    String intent = x.intent() == null ? Extraction.ANSWER : x.intent();
    return new Checked(accepted, rejected, intent);
  }

  /** Applies one checked answer and decides what to say next. */
  public static Step advance(
      Script script, CallState s, String speech, String digits, Double confidence, Checked checked, Instant now) {
    String heard = speech != null && !speech.isBlank() ? speech.trim() : digits != null && !digits.isBlank() ? digits.trim() : null;
    if (heard != null && heard.length() > MAX_HEARD) {
      heard = heard.substring(0, MAX_HEARD) + "…"; // the stored transcript stays bounded whatever is sent
    }
    String lang = s.lang();
    if (speech != null && "en".equals(lang) && speech.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
      lang = "zh"; // the caller answered in Chinese: carry on in Chinese
    }
    List<CallState.TranscriptTurn> transcript = new ArrayList<>(s.transcript());
    if (heard != null) {
      transcript.add(new CallState.TranscriptTurn(
          "caller", heard, now.toString(), s.pending(), speech != null && !speech.isBlank() ? "speech" : "dtmf", confidence));
    }
    Work w = new Work(script, s, lang, transcript);
    if (s.pending().equals(CallState.DONE)) {
      return w.end(CallState.DONE.equals(s.pending()) ? s.outcome() : CallState.ENDED, List.of(Phrases.get("ended", lang)), false, now);
    }
    if (Extraction.AGENT.equals(checked.intent())) {
      return w.end(CallState.TRANSFERRED, List.of(Phrases.get("transfer", lang)), true, now);
    }
    if (Extraction.REPEAT.equals(checked.intent())) {
      return w.ask(s.pending(), List.of(), s.attempts(), s.dtmf(), now);
    }
    if (s.pending().equals(CONFIRM)) {
      return w.confirm(checked, now);
    }
    if (s.pending().equals(CallState.CHANGE)) {
      return w.change(checked, speech, now);
    }
    return w.slot(checked, now);
  }

  /** The outcome fields by their canonical names, typed (booleans, numbers, ISO dates), with derived fields. */
  public static Map<String, Object> fields(Script script, CallState s) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Script.Slot slot : script.slots()) {
      String v = s.values().get(slot.spec().name());
      out.put(slot.spec().name(), v == null ? null : typed(slot.spec(), v));
    }
    script.derivedAllTrue().forEach(
        (name, parts) -> out.put(name, parts.stream().allMatch(p -> Boolean.TRUE.equals(out.get(p)))));
    return out;
  }

  /** A one-line summary of the call's outcome, in the call's language. */
  public static String summary(Script script, CallState s) {
    String read = readBack(script, s.values(), s.filled(), s.lang());
    return s.outcome() + (read.isEmpty() ? "" : ": " + read);
  }

  /** True when {@code canonical} is an acceptable value of {@code spec} for a call on {@code today}. */
  public static boolean valid(SlotSpec spec, String canonical, LocalDate today) {
    return Validation.valid(spec, canonical, today);
  }

  static Object typed(SlotSpec spec, String v) {
    return switch (spec.type()) {
      case "yes_no" -> Boolean.valueOf(v);
      case "score" -> (int) Double.parseDouble(v);
      case "number", "money" -> {
        double d = Double.parseDouble(v);
        yield d == Math.rint(d) ? (Object) (long) d : (Object) d;
      }
      default -> v;
    };
  }

  static String readBack(Script script, Map<String, String> values, List<String> filled, String lang) {
    List<String> parts = new ArrayList<>();
    for (Script.Slot slot : script.slots()) {
      String name = slot.spec().name();
      if (!filled.contains(name)) {
        continue;
      }
      String label = Phrases.pick(slot.label(), lang);
      parts.add(label + ("zh".equals(lang) ? "：" : ": ") + spoken(slot.spec(), values.get(name), lang));
    }
    return String.join("zh".equals(lang) ? "；" : "; ", parts);
  }

  private static final String[] NATO = {
    "Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliett", "Kilo", "Lima",
    "Mike", "November", "Oscar", "Papa", "Quebec", "Romeo", "Sierra", "Tango", "Uniform", "Victor", "Whiskey",
    "X-ray", "Yankee", "Zulu"
  };

  static String spoken(SlotSpec spec, String v, String lang) {
    if (v == null) {
      return Phrases.get("not-given", lang);
    }
    boolean zh = "zh".equals(lang);
    return switch (spec.type()) {
      case "date" -> LocalDate.parse(v).format(zh
          ? DateTimeFormatter.ofPattern("yyyy年M月d日EEEE", Locale.CHINESE)
          : DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.ENGLISH));
      case "time" -> LocalTime.parse(v).format(zh
          ? DateTimeFormatter.ofPattern("H点mm分", Locale.CHINESE)
          : DateTimeFormatter.ofPattern("h:mm a", Locale.ENGLISH));
      case "yes_no" -> Phrases.get(Boolean.parseBoolean(v) ? "yes" : "no", lang);
      case "plate", "member_id" -> {
        List<String> chars = new ArrayList<>();
        for (char c : v.toCharArray()) {
          chars.add(!zh && c >= 'A' && c <= 'Z' ? NATO[c - 'A'] : String.valueOf(c));
        }
        yield String.join(" ", chars);
      }
      default -> v;
    };
  }

  private static Reply gather(CallState s, List<String> say, boolean keysOnly, Integer numDigits) {
    return new Reply(s.lang(), List.copyOf(say), Reply.Action.GATHER, keysOnly, numDigits, List.of());
  }

  private static Step spoken(CallState s, Reply reply, Instant now) {
    List<CallState.TranscriptTurn> t = new ArrayList<>(s.transcript());
    t.add(new CallState.TranscriptTurn("agent", String.join(" ", reply.say()), now.toString(), s.pending(), null, null));
    CallState withTranscript =
        new CallState(s.script(), s.lang(), s.zone(), s.today(), s.values(), s.filled(), s.pending(), s.attempts(),
            s.dtmf(), s.outcome(), s.transferAtEnd(), List.copyOf(t));
    return new Step(withTranscript, reply);
  }

  /** One turn's working copy of the state. */
  private static final class Work {
    final Script script;
    final CallState s;
    final String lang;
    final List<CallState.TranscriptTurn> transcript;
    final Map<String, String> values;
    final List<String> filled;
    boolean transferAtEnd;

    Work(Script script, CallState s, String lang, List<CallState.TranscriptTurn> transcript) {
      this.script = script;
      this.s = s;
      this.lang = lang;
      this.transcript = transcript;
      this.values = new HashMap<>(s.values());
      this.filled = new ArrayList<>(s.filled());
      this.transferAtEnd = s.transferAtEnd();
    }

    CallState state(String pending, int attempts, boolean dtmf, String outcome) {
      return new CallState(script.name(), lang, s.zone(), s.today(), Map.copyOf(values), List.copyOf(filled), pending,
          attempts, dtmf, outcome, transferAtEnd, List.copyOf(transcript));
    }

    /** Applies values; returns the yes/no said after each slot that has something to say. */
    List<String> apply(List<SlotValue> accepted) {
      List<String> notes = new ArrayList<>();
      for (SlotValue v : accepted) {
        if (CONFIRM.equals(v.slot())) {
          continue;
        }
        if (v.value() == null) {
          values.remove(v.slot());
        } else {
          values.put(v.slot(), v.value());
        }
        if (!filled.contains(v.slot())) {
          filled.add(v.slot());
        }
        Script.Slot slot = script.slot(v.slot());
        if ("true".equals(v.value()) && slot != null) {
          if (slot.transferWhenTrue()) {
            transferAtEnd = true;
          }
          if (!slot.whenTrue().isEmpty()) {
            notes.add(Phrases.pick(slot.whenTrue(), lang));
          }
        }
      }
      return notes;
    }

    Step slot(Checked checked, Instant now) {
      String pending = s.pending();
      List<String> notes = apply(checked.accepted());
      if (Extraction.CORRECTION.equals(checked.intent()) && !checked.accepted().isEmpty()) {
        notes.add(0, Phrases.get("corrected", lang));
      }
      if (filled.contains(pending)) {
        Script.Slot slot = script.slot(pending);
        if (slot.endWhenFalse() && "false".equals(values.get(pending))) {
          return end(CallState.DECLINED, List.of(Phrases.pick(script.declined(), lang)), false, now);
        }
        return next(notes, now);
      }
      if (!checked.accepted().isEmpty()) {
        // other details were given (or corrected) but not this one: ask it again, no attempt lost
        return ask(pending, notes, s.attempts(), s.dtmf(), now);
      }
      return failed(pending, now);
    }

    Step confirm(Checked checked, Instant now) {
      Boolean yes = checked.accepted().stream()
          .filter(v -> CONFIRM.equals(v.slot()))
          .map(v -> Boolean.valueOf(v.value()))
          .findFirst()
          .orElse(null);
      boolean changed = checked.accepted().stream().anyMatch(v -> !CONFIRM.equals(v.slot()));
      if (changed) {
        List<String> notes = apply(checked.accepted());
        notes.add(0, Phrases.get("updated", lang));
        return next(notes, now);
      }
      if (Boolean.TRUE.equals(yes)) {
        return finish(now);
      }
      if (Boolean.FALSE.equals(yes)) {
        return say(CallState.CHANGE, List.of(Phrases.get("which-change", lang)), 0, false, now);
      }
      return failed(CONFIRM, now);
    }

    Step change(Checked checked, String speech, Instant now) {
      boolean changed = checked.accepted().stream().anyMatch(v -> !CONFIRM.equals(v.slot()));
      if (changed) {
        List<String> notes = apply(checked.accepted());
        notes.add(0, Phrases.get("updated", lang));
        return next(notes, now);
      }
      String t = speech == null ? "" : speech.toLowerCase(Locale.ROOT);
      for (Script.Slot slot : script.slots()) {
        for (String k : slot.spec().keywordsOrEmpty()) {
          if (!t.isEmpty() && t.contains(k.toLowerCase(Locale.ROOT))) {
            filled.remove(slot.spec().name());
            values.remove(slot.spec().name());
            return ask(slot.spec().name(), List.of(), 0, false, now);
          }
        }
      }
      return failed(CallState.CHANGE, now);
    }

    Step next(List<String> notes, Instant now) {
      for (Script.Slot slot : script.slots()) {
        if (!filled.contains(slot.spec().name())) {
          return ask(slot.spec().name(), notes, 0, false, now);
        }
      }
      List<String> say = new ArrayList<>(notes);
      say.add(Phrases.pick(script.confirm(), lang).replace("{summary}", readBack(script, values, filled, lang)));
      return say(CONFIRM, say, 0, false, now);
    }

    Step ask(String pending, List<String> notes, int attempts, boolean dtmf, Instant now) {
      List<String> say = new ArrayList<>(notes);
      if (pending.equals(CONFIRM)) {
        say.add(Phrases.pick(script.confirm(), lang).replace("{summary}", readBack(script, values, filled, lang)));
      } else if (pending.equals(CallState.CHANGE)) {
        say.add(Phrases.get("which-change", lang));
      } else {
        say.add(Phrases.pick(script.slot(pending).prompt(), lang));
      }
      return say(pending, say, attempts, dtmf, now);
    }

    /**
     * No usable answer. An optional slot is asked once more with a hint of what is expected, then left
     * empty; a required one gets two re-prompts, then keys (where keys can answer), then a person.
     */
    Step failed(String pending, Instant now) {
      int attempts = s.attempts() + 1;
      String type = pending.startsWith("#") ? (pending.equals(CONFIRM) ? "yes_no" : "text") : script.slot(pending).spec().type();
      boolean optional = !pending.startsWith("#") && script.slot(pending).spec().nullable();
      if (optional && attempts >= 2) {
        values.remove(pending);
        filled.add(pending);
        return next(List.of(), now);
      }
      if (attempts <= 2) {
        String reprompt = pending.equals(CONFIRM) ? Phrases.get("confirm-reprompt", lang)
            : pending.equals(CallState.CHANGE) ? Phrases.get("which-change", lang)
            : Phrases.pick(script.slot(pending).reprompt(), lang);
        return say(pending, List.of(reprompt), attempts, false, now);
      }
      String dtmfKey = switch (type) {
        case "yes_no" -> "dtmf-yes_no";
        case "number", "money", "score" -> "dtmf-number";
        case "member_id" -> "dtmf-member_id";
        case "date" -> "dtmf-date";
        case "time" -> "dtmf-time";
        default -> null;
      };
      if (attempts == 3 && dtmfKey != null) {
        return say(pending, List.of(Phrases.get(dtmfKey, lang)), attempts, true, now);
      }
      return end(CallState.TRANSFERRED, List.of(Phrases.get("transfer", lang)), true, now);
    }

    Step finish(Instant now) {
      List<String> say = new ArrayList<>();
      say.add(Phrases.pick(script.closing(), lang));
      if (transferAtEnd) {
        say.add(Phrases.get("transfer-injury", lang));
      }
      return end(CallState.COMPLETED, say, transferAtEnd, now);
    }

    Step say(String pending, List<String> say, int attempts, boolean dtmf, Instant now) {
      CallState next = state(pending, attempts, dtmf, CallState.IN_PROGRESS);
      Integer numDigits = null;
      if (dtmf) {
        String type = pending.startsWith("#") ? "yes_no" : script.slot(pending).spec().type();
        numDigits = switch (type) {
          case "yes_no" -> Integer.valueOf(1);
          case "member_id" -> Integer.valueOf(6);
          case "date", "time" -> Integer.valueOf(4);
          default -> null;
        };
      }
      return spoken(next, new Reply(lang, List.copyOf(say), Reply.Action.GATHER, dtmf, numDigits, List.of()), now);
    }

    Step end(String outcome, List<String> say, boolean transfer, Instant now) {
      CallState next = state(CallState.DONE, 0, false, outcome);
      Reply reply = new Reply(lang, List.copyOf(say), transfer ? Reply.Action.TRANSFER : Reply.Action.HANGUP, false, null, List.of());
      return spoken(next, reply, now);
    }
  }
}
