package com.carmutual.claims.damage;

import com.carmutual.claims.damage.Lexicon.Entry;
import com.carmutual.claims.damage.Lexicon.Kind;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns report text into tokens of the {@link Lexicon}: normalisation (case, quotes, "light" used as
 * an adjective, road signals, misspelt part names), longest-first matching, and the checks that
 * tell a word from a look-alike by its neighbours (the driver as a person, "back" as an adverb,
 * abbreviations and single Chinese characters that need a part or a side next to them).
 */
final class Tokenizer {
  /** A match of a vocabulary entry in a clause: [start, end); {@code hint} carries an implied position. */
  record Token(Kind kind, String value, int start, int end, String text, @Nullable String hint) {
    Token(Kind kind, String value, int start, int end, String text) {
      this(kind, value, start, end, text, null);
    }
  }

  /**
   * Lights that are not the vehicle's: "stopped at a light", "ran a red light". Masked so that
   * "light" is not read as a lamp of the car.
   */
  private static final Pattern ROAD_SIGNALS =
      Pattern.compile(
          "\\b(?:at|through|ran|run|running|runs|on|by|near|for|waiting at|stopped at)\\s+(?:a|the)\\s+"
              + "(?:red\\s+|green\\s+|yellow\\s+|amber\\s+)?(?:traffic\\s+|stop\\s+)?lights?\\b"
              + "|\\b(?:traffic|red|green|yellow|amber|street)\\s+lights?\\b"
              + "|红绿灯|红灯|绿灯|黄灯|路灯|信号灯|交通灯");
  /** "light" describing a touch or a damage ("a light tap", "light scuffs") is an intensity, not a lamp. */
  private static final Pattern LIGHT_AS_ADJECTIVE =
      Pattern.compile(
          "\\blight(?=\\s+(?:tap|bump|touch|contact|hit|knock|impact|collision|crash|scratch|scuff|scrape|dent|ding|damage|mark|rub|brush|swipe|graz|chip|"
              + "fender[- ]bender|rain|hail|wind|traffic|paint)\\w*)");
  /** "won't even open", "doesn't fully close", "can no longer latch": a panel that does not close is one phrase. */
  private static final Pattern WONT_CLOSE =
      Pattern.compile("\\b(?:won'?t|will not|doesn'?t|does not|can'?t|cannot|can no longer|no longer)\\s+(?:(?:even|fully|properly|quite|really|completely)\\s+)*(open|close|shut|latch)\\b");
  private static final Pattern WORD = Pattern.compile("[a-z]{5,}");
  /** Words one letter from a part or side name that are ordinary English. */
  private static final Set<String> NOT_TYPOS =
      Set.of("bumped", "drive", "drives", "driven", "rider", "river", "diver", "spoiled", "handled", "grilled", "tailgated", "widow", "quartet", "mirrored",
          "sensed", "rocket", "rocked", "lighter", "flight", "plight", "blight", "slight", "alight", "winged", "hinged", "fenced", "pillars", "dover");
  private static final Set<String> PERSON_SIDES =
      Set.of("driver", "driver's", "drivers", "drvr", "passenger", "passenger's", "passengers", "主驾", "主驾驶", "副驾", "副驾驶", "front passenger", "rear passenger",
          "front driver", "rear driver", "driver front", "driver rear", "passenger front", "passenger rear");
  private static final Pattern CHINESE_MEASURE = Pattern.compile("^[了的个]?[块片道条个处点坑缝口]");
  private static final Pattern DEBRIS = Pattern.compile("\\b(?:piece|pieces|chunk|chunks|bit|bits|scrap|shred|shreds|remains) of (?:(?:a|an|some|the|old|somebody's|someone's)\\s+)?$");
  private static final Pattern SHORT_GAP = Pattern.compile("^[\\s/'\\-]*([a-z]+[\\s/'\\-]+)?$");

  private final Lexicon lexicon;

  Tokenizer(Lexicon lexicon) {
    this.lexicon = lexicon;
  }

  /** Lower case, plain quotes, masked road signals, "light" as an intensity, misspelt part names repaired. */
  String normalise(String description) {
    String text = description == null ? "" : description.toLowerCase(Locale.ROOT);
    text = text.replace('’', '\'').replace('‘', '\'').replace('“', '"').replace('”', '"').replace('\u00a0', ' ');
    text = ROAD_SIGNALS.matcher(text).replaceAll("signal");
    text = LIGHT_AS_ADJECTIVE.matcher(text).replaceAll("slight");
    text = WONT_CLOSE.matcher(text).replaceAll("won't $1");
    return repairTypos(text);
  }

  /**
   * A word of five letters or more that the vocabulary does not know and that is one insertion,
   * deletion or swap (or, from seven letters, one substitution) away from exactly one part or side
   * name is that name misspelt: "bumpr", "passanger", "windsheild".
   */
  private String repairTypos(String text) {
    Matcher m = WORD.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String w = m.group();
      String fix = null;
      if (!lexicon.englishWords().contains(w) && !NOT_TYPOS.contains(w)) {
        for (String target : lexicon.typoTargets()) {
          if (oneEditAway(w, target)) {
            if (fix != null && !fix.equals(target)) {
              fix = null;
              break;
            }
            fix = target;
          }
        }
      }
      m.appendReplacement(out, Matcher.quoteReplacement(fix == null ? w : fix));
    }
    m.appendTail(out);
    return out.toString();
  }

  static boolean oneEditAway(String a, String b) {
    int la = a.length();
    int lb = b.length();
    if (Math.abs(la - lb) > 1 || a.equals(b)) {
      return false;
    }
    if (la == lb) {
      int first = -1;
      int diffs = 0;
      for (int i = 0; i < la; i++) {
        if (a.charAt(i) != b.charAt(i)) {
          if (diffs++ == 0) {
            first = i;
          }
        }
      }
      boolean swap = diffs == 2 && first + 1 < la && a.charAt(first) == b.charAt(first + 1) && a.charAt(first + 1) == b.charAt(first) && (first + 2 >= la || a.substring(first + 2).equals(b.substring(first + 2)));
      return swap || (diffs == 1 && la >= 7);
    }
    String longer = la > lb ? a : b;
    String shorter = la > lb ? b : a;
    for (int i = 0; i < longer.length(); i++) {
      if ((longer.substring(0, i) + longer.substring(i + 1)).equals(shorter)) {
        return true;
      }
    }
    return false;
  }

  /** Tokens of a normalised clause, left to right. */
  List<Token> tokenize(String text) {
    List<Token> raw = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      Entry best = match(text, i);
      if (best == null) {
        i++;
        continue;
      }
      int end = i + best.phrase().length();
      raw.add(new Token(best.kind(), best.value(), i, end, best.phrase()));
      i = end;
    }
    for (int k = 0; k + 1 < raw.size(); k++) {
      Token t = raw.get(k);
      if (t.text().equals("r/r") && raw.get(k + 1).kind() == Kind.SIDE && gap(text, t, raw.get(k + 1)).isBlank()) {
        // "R/R LF fender": remove and replace, an operation, when a side follows
        raw.set(k, new Token(Kind.DAMAGE, "impact", t.start(), t.end(), t.text()));
      }
    }
    List<Token> out = new ArrayList<>();
    for (int k = 0; k < raw.size(); k++) {
      Token t = raw.get(k);
      Token prev = k > 0 ? raw.get(k - 1) : null;
      Token next = k + 1 < raw.size() ? raw.get(k + 1) : null;
      if (keep(t, prev, next, text)) {
        out.add(t);
      }
    }
    return out;
  }

  /** The longest entry at {@code i}, shortened when that lets a longer part name start inside it (左 + 后视镜, not 左后 + 视镜). */
  private Entry match(String text, int i) {
    if (!startsWord(text, i)) {
      return null;
    }
    List<Entry> candidates = lexicon.startingWith(text.charAt(i));
    Entry best = null;
    for (Entry e : candidates) {
      if (text.startsWith(e.phrase(), i) && endsWord(text, i + e.phrase().length(), e.phrase())) {
        best = e;
        break;
      }
    }
    if (best == null || best.kind() != Kind.SIDE || best.phrase().chars().allMatch(c -> c < 128)) {
      return best;
    }
    int end = i + best.phrase().length();
    for (int j = i + 1; j < end; j++) {
      for (Entry inner : lexicon.startingWith(text.charAt(j))) {
        if (inner.kind() == Kind.PART && j + inner.phrase().length() > end && text.startsWith(inner.phrase(), j)) {
          for (Entry shorter : candidates) {
            if (i + shorter.phrase().length() == j && text.startsWith(shorter.phrase(), i)) {
              return shorter;
            }
          }
        }
      }
    }
    return best;
  }

  private boolean keep(Token t, Token prev, Token next, String text) {
    boolean ascii = t.text().chars().allMatch(c -> c < 128);
    if (t.kind() == Kind.DAMAGE && t.text().equals("out")) {
      // "headlamp out", "the lamp's out": a lamp that does not light; elsewhere "out" is not damage
      return prev != null && prev.kind() == Kind.PART && gap(text, prev, t).matches("\\s*(?:(?:is|are|was|were|'s|went|has gone|completely|totally)\\s*)*");
    }
    if (t.kind() == Kind.PART && DEBRIS.matcher(text.substring(0, t.start())).find()) {
      // "a chunk of bumper on the highway", "struck bits of an old tyre": debris on the road, not our part
      return false;
    }
    if (t.kind() == Kind.SIDE && PERSON_SIDES.contains(t.text())) {
      // "the driver called the police", 副驾驶坐着人: a person, not a side, unless a part or side follows
      return next != null && Set.of(Kind.PART, Kind.POS, Kind.SIDE, Kind.BOTH, Kind.THAT_SIDE).contains(next.kind()) && gap(text, t, next).matches("[\\s'\\-s的]*(side\\s*)?");
    }
    if (t.kind() == Kind.POS && text.startsWith(" one", t.end())) {
      // "the window in the back one": the position of another part said before, not of this one
      return false;
    }
    if (t.kind() == Kind.POS && t.text().equals("back")) {
      boolean beforePart = next != null && (next.kind() == Kind.PART || next.kind() == Kind.SIDE) && gap(text, t, next).isBlank();
      String before = text.substring(Math.max(0, t.start() - 6), t.start());
      return beforePart || before.matches(".*\\b(the|in|at|from|my|its|and)\\s+$");
    }
    if (ascii && (t.kind() == Kind.PART || t.kind() == Kind.SIDE) && t.text().replaceAll("[^a-z]", "").length() <= 3) {
      // adjuster shorthand (LF, RBC, TL, dr) needs a part, side or damage next to it
      if (t.text().length() == 1) {
        return next != null && next.kind() == Kind.PART && gap(text, t, next).isBlank();
      }
      boolean nextNear = next != null && Set.of(Kind.PART, Kind.SIDE, Kind.POS, Kind.DAMAGE, Kind.FINE).contains(next.kind()) && SHORT_GAP.matcher(gap(text, t, next)).matches();
      boolean prevNear = prev != null && Set.of(Kind.PART, Kind.SIDE, Kind.POS).contains(prev.kind()) && SHORT_GAP.matcher(gap(text, prev, t)).matches();
      return nextNear || prevNear;
    }
    if (!ascii && t.text().length() == 1 && t.kind() == Kind.SEV) {
      // 小, 大, 深: an intensity only next to a damage word or a measure word (小坑, 一大块), not in 小区 or 大概
      boolean nearDamage =
          (next != null && next.kind() == Kind.DAMAGE && next.start() - t.end() <= 2) || (prev != null && prev.kind() == Kind.DAMAGE && t.start() - prev.end() <= 2);
      boolean degree = text.substring(Math.max(0, t.start() - 2), t.start()).matches(".*[很挺太较蛮特非常超]$") || text.startsWith("的", t.end());
      return nearDamage || degree || CHINESE_MEASURE.matcher(text.substring(t.end())).find();
    }
    if (!ascii && t.text().length() == 1 && t.kind() == Kind.PART) {
      // 门, 灯, 轮: a part only next to a side, position or another part, or right before a damage word
      boolean modified = prev != null && Set.of(Kind.SIDE, Kind.POS, Kind.BOTH, Kind.ALL, Kind.PART, Kind.OWN).contains(prev.kind()) && t.start() - prev.end() <= 1;
      boolean damaged = next != null && Set.of(Kind.DAMAGE, Kind.FINE, Kind.NOT, Kind.SEV, Kind.WORKS).contains(next.kind()) && next.start() - t.end() <= 3;
      return modified || damaged;
    }
    return true;
  }

  static String gap(String text, Token a, Token b) {
    return a.end() <= b.start() ? text.substring(a.end(), b.start()) : "";
  }

  private static boolean wordChar(char c) {
    return c < 128 && Character.isLetterOrDigit(c);
  }

  private static boolean startsWord(String text, int i) {
    return !wordChar(text.charAt(i)) || i == 0 || !wordChar(text.charAt(i - 1));
  }

  private static boolean endsWord(String text, int end, String phrase) {
    char last = phrase.charAt(phrase.length() - 1);
    if (!wordChar(last)) {
      return true;
    }
    return end >= text.length() || !wordChar(text.charAt(end));
  }
}
