package com.carmutual.phone.understand;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the open slots a caller answered without being asked, in the same breath as the question
 * asked: a yes/no said outright in a clause ("…, nobody was hurt", 也没报案, per the slot's
 * {@code said-yes}/{@code said-no} patterns), a number or date next to the slot's own key word ("ten
 * years of experience"), and the date, time and place said together. Only what is said explicitly
 * counts: "someone hit my car" does not answer "was another party involved?". When one clause says yes
 * and another no, yes wins: the questions ask whether anyone was hurt, anyone reported it. Never does I/O.
 */
final class Volunteered {
  private static final Pattern PLACE_EN =
      Pattern.compile("(?i)\\b(?:at|on|in|near|by|outside|behind|in front of|next to)\\s+(.{3,})$");
  private static final Pattern PLACE_ZH = Pattern.compile("在(.{2,})$");

  /** The scripts' patterns, compiled once (a handful per script). */
  private static final java.util.Map<String, Pattern> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

  private Volunteered() {}

  /** Adds to {@code values} every open slot other than {@code expected} that {@code text} answers. */
  static void read(ExtractInput in, SlotSpec expected, String text, LocalDate today, List<SlotValue> values) {
    Set<String> taken = values.stream().map(SlotValue::slot).collect(Collectors.toSet());
    List<Clauses.Clause> clauses = Clauses.split(text);
    for (SlotSpec s : in.slots()) {
      if (s.name().equals(expected.name()) || in.filled().contains(s.name()) || taken.contains(s.name())) {
        continue;
      }
      String v = switch (s.type()) {
        case "yes_no" -> yesNo(s, clauses);
        case "number", "money", "score", "date" -> nextToKeyword(s, clauses, today);
        default -> null;
      };
      if (v != null) {
        values.add(new SlotValue(s.name(), v));
        taken.add(s.name());
      }
    }
    if (expected.type().equals("date") || expected.type().equals("time")) {
      companions(in, expected, text, today, values, taken);
    }
  }

  /** "true"/"false" when one clause says the answer outright, else null. */
  static String yesNo(SlotSpec s, List<Clauses.Clause> clauses) {
    boolean no = false;
    for (Clauses.Clause c : clauses) {
      String t = Lexicon.norm(c.text());
      if (matchesAny(s.saidNoOrEmpty(), t)) {
        no = true;
      } else if (matchesAny(s.saidYesOrEmpty(), t) && !Clauses.negated(t)) {
        return "true"; // "I'm fine, but the other driver's neck hurts": someone was
      }
    }
    return no ? "false" : null;
  }

  private static boolean matchesAny(List<String> patterns, String t) {
    for (String p : patterns) {
      if (COMPILED.computeIfAbsent(p, Pattern::compile).matcher(t).find()) {
        return true;
      }
    }
    return false;
  }

  /** A value in a clause that also names the slot ("I have ten years of experience", 期望年薪八万). */
  private static String nextToKeyword(SlotSpec s, List<Clauses.Clause> clauses, LocalDate today) {
    for (Clauses.Clause c : clauses) {
      if (Keywords.names(s, c.text()) && !Lexicon.unknown(c.text())) {
        String v = SlotParsers.parse(s, c.text(), today);
        if (v != null) {
          return v;
        }
      }
    }
    return null;
  }

  /** Date, time and place said together ("Tuesday around six at the garage"). */
  private static void companions(
      ExtractInput in, SlotSpec expected, String utterance, LocalDate today, List<SlotValue> values, Set<String> taken) {
    SpokenDates.Found date = SpokenDates.find(utterance, today, SlotParsers.direction(expected));
    SpokenTimes.Found time = SpokenTimes.find(utterance, expected.type().equals("time"));
    for (SlotSpec s : in.slots()) {
      if (s.name().equals(expected.name()) || in.filled().contains(s.name()) || taken.contains(s.name())) {
        continue;
      }
      if (s.type().equals("time") && time != null) {
        values.add(new SlotValue(s.name(), time.time().toString()));
        taken.add(s.name());
      } else if (s.type().equals("date") && date != null) {
        SpokenDates.Found d = SpokenDates.find(utterance, today, SlotParsers.direction(s));
        values.add(new SlotValue(s.name(), d.date().toString()));
        taken.add(s.name());
      }
    }
    String rest = blank(utterance, date == null ? -1 : date.start(), date == null ? -1 : date.end());
    rest = blank(rest, time == null ? -1 : time.start(), time == null ? -1 : time.end());
    for (SlotSpec s : in.slots()) {
      if ("location".equals(s.role()) && !in.filled().contains(s.name()) && !taken.contains(s.name())) {
        String place = place(rest);
        if (place != null) {
          values.add(new SlotValue(s.name(), place));
          taken.add(s.name());
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
          .replaceFirst("(?i)^(?:(?:at|on|in|near|by|about|around|approximately|roughly|maybe|like)\\s+)+", "")
          .replaceFirst("(?i)^(?:about|around|approximately|roughly|maybe|like|sometime)$", "");
      boolean timeWords = p.toLowerCase(Locale.ROOT).matches("^(the )?(morning|afternoon|evening|night|day|week|moment|end)\\b.*");
      return !timeWords && p.length() >= 3 ? p : null;
    }
    return null;
  }
}
