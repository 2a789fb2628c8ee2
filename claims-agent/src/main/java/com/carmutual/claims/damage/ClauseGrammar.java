package com.carmutual.claims.damage;

import com.carmutual.claims.damage.Lexicon.Kind;
import com.carmutual.claims.damage.Mention.Slot;
import com.carmutual.claims.damage.Tokenizer.Token;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The grammar of one clause: which modifiers, damage words and intensities belong to which part.
 * Rules, each for a kind of wording:
 *
 * <ul>
 *   <li>modifiers in front of a part, coordinated or not, are its own ("LF and RF doors", 左右大灯);
 *       a side or position said after it ("mirror on the right") too;
 *   <li>a damage word after a part is that part's ("bumper cracked", 后杠裂了); one used as a noun
 *       or verb before a part with a preposition or article belongs to the next part ("a crease in the
 *       bonnet", "cracked the windscreen");
 *   <li>a negator negates the damage, intensity or part right after it ("no dents", "not deep",
 *       没有裂); "is fine" and "still works" negate the part before them;
 *   <li>a part after "behind/under/near the" is a landmark for the part before it, and 大灯下面的雾灯
 *       makes the first a landmark for the second; landmarks are not damaged parts;
 *   <li>coordinated parts share the damage said of one of them ("front and rear doors dented");
 *   <li>doubt ("might", 可能) before a part or its damage leaves it unconfirmed; a possessive of the
 *       other vehicle ("their", 对方的) makes the parts after it theirs until "my".
 * </ul>
 */
final class ClauseGrammar {
  /** One clause read: its part mentions and what no part took (for the sentence and the description). */
  record Clause(int index, String text, List<Token> tokens, List<Mention> mentions, List<Token> freePredicates, List<Token> freeIntensities, List<Token> freeSides) {
    boolean hasParts() {
      return !mentions.isEmpty();
    }
  }

  private static final Pattern PREFIX_GAP =
      Pattern.compile("[\\s\\-'/]*(?:(?:and|&|or|plus|the|my|our|its|of|s|both|all|的|和|与|及|、|,|，)[\\s\\-'/]*)*");
  private static final Pattern AFTER_PREPOSITION = Pattern.compile(".*\\b(?:on|at|in|to|from|along|near|by)\\s+(?:the\\s+)?$");
  private static final Pattern TIRE_WORDS = Pattern.compile("爆胎|扎胎|瘪胎|blowout");
  private static final Pattern GROUP_BREAK = Pattern.compile(".*(?:\\band\\b|&|\\bor\\b|\\bplus\\b|和|与|及|、|,|，|/).*");
  private static final Pattern OBJECT_GAP =
      Pattern.compile("\\s*(?:(?:on|in|to|at|of|along|across|into|onto|inside|near|around|over|under|above|below|down)\\s+)?(?:(?:the|my|our|a|an|its|both|this|that|these|those|your|his|her|their)\\s+)*");
  private static final Pattern NOUN_BEFORE =
      Pattern.compile(".*(?:^|\\b)(?:a|an|some|the|and|no|with|has|have|had|there's|theres|there|got|several|many|few|one|multiple|two|couple|three|of|any|also|plus|\\d+\\w*)\\s*$");
  private static final Pattern LANDMARK_EN =
      Pattern.compile(
          "\\s*(?:(?:is|are|was|were|that's|located|sitting|mounted|just|right)\\s+)*(?:behind|below|under|underneath|beneath|above|over|near|next to|beside|by|between|inside|in|on|of|at|around|out of|from|off|along|into|within)\\s+(?:(?:the|my|its|a|an|that)\\s+)?");
  private static final Pattern LOCATIVE_BEFORE =
      Pattern.compile(".*\\b(?:behind|below|under|underneath|beneath|above|over|near|next to|beside|by|between|inside|in|on|of|at|around|out of|from|off|along|within)\\s+(?:(?:the|my|its|a|an|that|one)\\s+)*$");
  private static final Pattern LANDMARK_ZH = Pattern.compile("的?(下面|下方|下边|下部|底下|底部|上面|上方|上边|上|旁边|边上|附近|里面|里|内侧|内|后面|前面|后方|前方|周围|中间)的?");
  private static final Pattern CONJUNCTION =
      Pattern.compile("[\\s]*(?:,|，|、|and|&|plus|as well as|or|also|along with|together with|和|与|及|以及|跟|还有|/)[\\s,]*(?:(?:and|the|my|both|its|also|all|then)\\s+)*(?:的)?");
  private static final Pattern NOT_FILLER_EN =
      Pattern.compile("\\s*(?:(?:be|been|being|is|was|are|were|even|a|any|get|got|look|looks|looked|seem|seems|seemed|appear|appears|visibly|really|very|too|so|that|have|has|had|it|like|went|go|goes|obvious|visible|the|any|single|at|all|real|much|more|further)\\s+)*(?:or\\s+)?");
  private static final Set<String> SUB_PARTS =
      Set.of("FENDER_LINER", "HOOD_HINGE", "WHEEL_FLARE", "DOOR_HANDLE", "MIRROR", "BODYSIDE_MLDG", "FRT_BUMPER_ABSORBER", "@REINF", "PARK_SENSOR", "@RADAR",
          "BSM_RADAR", "FOG_LAMP", "FRT_LOWER_GRILLE", "DOOR_GLASS", "TIRE");
  private static final Set<String> DOORS = Set.of("@DOOR", "FRT_DOOR_SHELL", "REAR_DOOR_SHELL");
  private static final Set<String> BUMPERS = Set.of("@BUMPER", "FRT_BUMPER_COVER", "REAR_BUMPER_COVER");
  private static final Set<String> REAR_OPENINGS = Set.of("@TRUNK", "@TAILGATE", "LIFTGATE", "TRUNK_LID");
  private static final Map<String, String> FAMILY =
      Map.ofEntries(
          Map.entry("@DOOR", "door"), Map.entry("FRT_DOOR_SHELL", "door"), Map.entry("REAR_DOOR_SHELL", "door"),
          Map.entry("@BUMPER", "bumper"), Map.entry("FRT_BUMPER_COVER", "bumper"), Map.entry("REAR_BUMPER_COVER", "bumper"),
          Map.entry("@LAMP", "lamp"), Map.entry("HEADLAMP", "lamp"), Map.entry("TAIL_LAMP", "lamp"),
          Map.entry("@FENDER", "fender"), Map.entry("FENDER", "fender"), Map.entry("@QUARTER", "fender"), Map.entry("QUARTER_PANEL", "fender"),
          Map.entry("@WINDOW", "glass"), Map.entry("DOOR_GLASS", "glass"), Map.entry("BACK_GLASS", "glass"), Map.entry("WINDSHIELD", "glass"),
          Map.entry("@WHEEL", "wheel"), Map.entry("WHEEL_ALLOY", "wheel"));

  Clause read(int index, String text, List<Token> raw) {
    List<Token> tokens = impliedParts(paint(compounds(raw, text), text));
    List<Integer> partIdx = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).kind() == Kind.PART) {
        partIdx.add(i);
      }
    }
    Set<Token> negated = negations(tokens, text);
    Set<Token> used = new HashSet<>();
    List<Mention> mentions = new ArrayList<>();
    for (int k = 0; k < partIdx.size(); k++) {
      int p = partIdx.get(k);
      int floor = k == 0 ? -1 : partIdx.get(k - 1);
      Mention m = new Mention(tokens.get(p), index, text);
      prefix(m, tokens, p, floor, text, used);
      m.negatedPart = partNegated(tokens, m, text);
      mentions.add(m);
    }
    for (int k = 0; k < mentions.size(); k++) {
      int from = partIdx.get(k) + 1;
      int to = k + 1 < mentions.size() ? partIdx.get(k + 1) : tokens.size();
      postModifiers(mentions.get(k), tokens, from, to, used);
    }
    List<Token> free = new ArrayList<>();
    assignPredicates(tokens, mentions, text, negated, used, free);
    for (int k = 0; k < mentions.size(); k++) {
      Mention m = mentions.get(k);
      m.spanEnd = k + 1 < mentions.size() ? mentions.get(k + 1).prefixStart : text.length();
      String before = text.substring(0, m.prefixStart);
      m.locative = LOCATIVE_BEFORE.matcher(before).matches();
    }
    landmarks(mentions, text);
    mergeFamilies(mentions, text);
    coordinate(mentions, text);
    agents(mentions, text);
    scopes(tokens, mentions, text);
    List<Token> freeIntensities = intensities(tokens, mentions, negated);
    List<Token> freeSides = new ArrayList<>();
    for (Token t : tokens) {
      if ((t.kind() == Kind.SIDE || t.kind() == Kind.POS) && !used.contains(t)) {
        freeSides.add(t);
      }
    }
    List<Mention> kept = mentions.stream().filter(m -> !m.dropped).toList();
    return new Clause(index, text, tokens, new ArrayList<>(kept), free, freeIntensities, freeSides);
  }

  /** 爆胎, 扎胎, "had a blowout": the damage word names its part when the clause names none. */
  private static List<Token> impliedParts(List<Token> tokens) {
    boolean named = tokens.stream().anyMatch(t -> t.kind() == Kind.PART);
    List<Token> out = new ArrayList<>();
    for (Token t : tokens) {
      if (!named && t.kind() == Kind.DAMAGE && TIRE_WORDS.matcher(t.text()).matches()) {
        out.add(new Token(Kind.PART, "TIRE", t.start(), t.start(), ""));
        named = true;
      }
      out.add(t);
    }
    return out;
  }

  /** Part names written together that make one part: door + glass, bumper + grille, "front wing" + liner. */
  private static List<Token> compounds(List<Token> tokens, String text) {
    List<Token> out = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
      if (t.kind() == Kind.PART && next != null && next.kind() == Kind.PART && Tokenizer.gap(text, t, next).matches("[\\s的]*|'s\\s+")) {
        String joined = joined(t.value(), next.value());
        if (joined != null) {
          out.add(new Token(Kind.PART, joined, t.start(), next.end(), text.substring(t.start(), next.end()), impliedPosition(t.value())));
          i++;
          continue;
        }
      }
      out.add(t);
    }
    return out;
  }

  private static String joined(String first, String second) {
    if (first.equals(second) || "@NONE".equals(first)) {
      return first; // 天窗玻璃, "plate light": a part of something we have no code for
    }
    if (DOORS.contains(first) && "@WINDOW".equals(second)) {
      return "DOOR_GLASS";
    }
    if (REAR_OPENINGS.contains(first) && "@WINDOW".equals(second)) {
      return "BACK_GLASS";
    }
    if (BUMPERS.contains(first) && "FRT_GRILLE".equals(second)) {
      return "FRT_LOWER_GRILLE";
    }
    if (SUB_PARTS.contains(second) && !SUB_PARTS.contains(first)) {
      return second;
    }
    return null;
  }

  /** The family of a part value ("door" for @DOOR and both door shells), or null. */
  static String family(String value) {
    return FAMILY.get(value);
  }

  static String impliedPosition(String code) {
    if (code.startsWith("FRT_") || Set.of("FENDER", "HEADLAMP", "WINDSHIELD", "HOOD", "FOG_LAMP", "RADIATOR", "RAD_SUPPORT", "AC_CONDENSER", "COWL_COVER", "HOOD_HINGE")
        .contains(code)) {
      return "front";
    }
    if (code.startsWith("REAR_") && !code.equals("REAR_DOOR_SHELL")
        || Set.of("TAIL_LAMP", "TRUNK_LID", "@TRUNK", "QUARTER_PANEL", "BACK_GLASS", "LIFTGATE", "@TAILGATE", "TAILGATE_PICKUP", "SPOILER", "BSM_RADAR").contains(code)) {
      return "rear";
    }
    return null;
  }

  /** Tokens a negator reaches: the damage words and intensities right after it ("no dents or scratches", "not deep", 没裂). */
  private static Set<Token> negations(List<Token> tokens, String text) {
    Set<Token> out = new HashSet<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).kind() != Kind.NOT) {
        continue;
      }
      Token prev = tokens.get(i);
      for (int j = i + 1; j < tokens.size(); j++) {
        Token t = tokens.get(j);
        if (!notFiller(Tokenizer.gap(text, prev, t))) {
          break;
        }
        if (t.kind() == Kind.DAMAGE || t.kind() == Kind.SEV || t.kind() == Kind.PAINT) {
          out.add(t);
          prev = t;
        } else if (Set.of(Kind.PART, Kind.SIDE, Kind.POS).contains(t.kind()) && j + 1 < tokens.size() && tokens.get(j + 1).kind() == Kind.DAMAGE
            && Tokenizer.gap(text, t, tokens.get(j + 1)).isBlank()) {
          prev = t; // "no glass damage", "no bumper scratches": the negator reaches the damage named after the part
        } else {
          break;
        }
      }
    }
    return out;
  }

  private static boolean notFiller(String gap) {
    if (gap.chars().anyMatch(c -> c >= 128)) {
      return gap.length() <= 2 && gap.matches("[有被是太很怎么那么都也还]*");
    }
    return NOT_FILLER_EN.matcher(gap).matches();
  }

  private static boolean partNegated(List<Token> tokens, Mention m, String text) {
    for (Token t : tokens) {
      if (t.kind() == Kind.NOT && t.end() <= m.prefixStart) {
        String gap = text.substring(t.end(), m.prefixStart);
        if (gap.matches("\\s*(?:(?:the|a|an|any|my|our|its|other)\\s+)*") || (t.text().chars().allMatch(c -> c >= 128) && gap.length() <= 1)) {
          return true;
        }
      }
    }
    return false;
  }

  private static void prefix(Mention m, List<Token> tokens, int p, int floor, String text, Set<Token> used) {
    List<Token> mods = new ArrayList<>();
    int next = p;
    for (int j = p - 1; j > floor; j--) {
      Token t = tokens.get(j);
      boolean modifier = Set.of(Kind.SIDE, Kind.POS, Kind.BOTH, Kind.ALL, Kind.THAT_SIDE, Kind.SEV, Kind.OWN).contains(t.kind());
      String gap = text.substring(t.end(), tokens.get(next).start());
      if (!modifier || !PREFIX_GAP.matcher(gap).matches()) {
        break;
      }
      // "hood scuffed on the left and right mirror gone": a side after a preposition closes the part before
      if (floor >= 0 && GROUP_BREAK.matcher(gap).matches() && AFTER_PREPOSITION.matcher(text.substring(0, t.start())).matches()) {
        break;
      }
      mods.add(0, t);
      next = j;
    }
    if (mods.isEmpty()) {
      return;
    }
    m.prefixStart = mods.get(0).start();
    String side = null;
    String pos = null;
    boolean both = false;
    boolean all = false;
    Token last = null;
    for (Token t : mods) {
      if (last != null && GROUP_BREAK.matcher(text.substring(last.end(), t.start())).matches() && (side != null || pos != null || both || all)
          && (t.kind() == Kind.SIDE || t.kind() == Kind.POS)) {
        addSlots(m, side, pos, both, all);
        side = null;
        pos = null;
        both = false;
        all = false;
      }
      switch (t.kind()) {
        case SIDE -> {
          String[] sp = t.value().split(":");
          if (side == null || sp.length == 1) {
            side = sp[0];
          }
          // "LT rr door": after a side, a corner abbreviation only says front or rear
          if (sp.length > 1) {
            pos = sp[1];
          }
        }
        case POS -> pos = t.value();
        case BOTH -> both = true;
        case ALL -> all = true;
        case THAT_SIDE -> m.thatSide = true;
        default -> {}
      }
      if (t.kind() != Kind.SEV) {
        used.add(t);
      }
      last = t;
    }
    addSlots(m, side, pos, both, all);
    // "left front and rear doors": a slot without a side takes the side of the slot before it
    for (int i = 1; i < m.slots.size(); i++) {
      Slot s = m.slots.get(i);
      if (s.side() == null && m.slots.get(i - 1).side() != null) {
        m.slots.set(i, new Slot(m.slots.get(i - 1).side(), s.pos(), s.both(), s.all()));
      }
    }
  }

  private static void addSlots(Mention m, String side, String pos, boolean both, boolean all) {
    if (side == null && pos == null && !both && !all) {
      return;
    }
    if (pos != null && pos.contains("|")) {
      for (String p : pos.split("\\|")) {
        m.slots.add(new Slot(side, p, both, all));
      }
    } else {
      m.slots.add(new Slot(side, pos, both, all));
    }
  }

  private static void postModifiers(Mention m, List<Token> tokens, int from, int to, Set<Token> used) {
    for (int j = from; j < to; j++) {
      Token t = tokens.get(j);
      if (used.contains(t)) {
        continue;
      }
      switch (t.kind()) {
        case SIDE -> {
          if (m.postSide == null && !m.ownSideFromSlots()) {
            String[] sp = t.value().split(":");
            m.postSide = sp[0];
            if (sp.length > 1 && m.postPos == null) {
              m.postPos = sp[1];
            }
            used.add(t);
          }
        }
        case POS -> {
          if (m.postPos == null && m.slots.stream().noneMatch(s -> s.pos() != null)) {
            m.postPos = t.value().split("\\|")[0];
            used.add(t);
          }
        }
        case BOTH, ALL -> {
          // "headlights both broken", 大灯左右都坏了; not "fender and door both dented" (both parts, one side)
          boolean english = t.text().chars().allMatch(c -> c < 128);
          m.postBoth |= !english || m.part.text().endsWith("s");
          used.add(t);
        }
        case THAT_SIDE -> {
          m.thatSide = true;
          used.add(t);
        }
        default -> {}
      }
    }
  }

  private static void assignPredicates(List<Token> tokens, List<Mention> mentions, String text, Set<Token> negated, Set<Token> used, List<Token> free) {
    for (int d = 0; d < tokens.size(); d++) {
      Token t = tokens.get(d);
      if (t.kind() != Kind.DAMAGE && t.kind() != Kind.FINE && t.kind() != Kind.WORKS) {
        continue;
      }
      Mention prev = null;
      Mention next = null;
      for (Mention m : mentions) {
        if (m.part.end() <= t.start()) {
          prev = m;
        } else if (next == null && m.part.start() >= t.end()) {
          next = m;
        }
      }
      Mention owner = owner(t, prev, next, text);
      if (owner == null) {
        free.add(t);
        continue;
      }
      boolean denies = t.kind() != Kind.DAMAGE || negated.contains(t);
      (denies ? owner.negatedPredicates : owner.predicates).add(t);
    }
  }

  private static Mention owner(Token t, Mention prev, Mention next, String text) {
    boolean chinese = t.text().chars().anyMatch(c -> c >= 128);
    if (t.kind() == Kind.WORKS) {
      if (prev == null) {
        return null;
      }
      String gap = text.substring(prev.part.end(), t.start());
      boolean tight = chinese ? gap.length() <= 2 : gap.matches("\\s*(?:(?:still|all|both|are|is|seem|seems|to|and|just|also|fine|perfectly|now)\\s+)*");
      return tight ? prev : null;
    }
    if (t.kind() == Kind.FINE || chinese) {
      return prev != null ? prev : next;
    }
    if (next != null && prev != null) {
      String after = text.substring(t.end(), next.prefixStart);
      String before = text.substring(prev.part.end(), t.start());
      boolean objectGap = OBJECT_GAP.matcher(after).matches();
      boolean nounUse = NOUN_BEFORE.matcher(text.substring(0, t.start())).matches() && !before.isBlank();
      if (objectGap && (prev.hasDamage() || nounUse)) {
        return next;
      }
      return prev;
    }
    if (prev != null) {
      return prev;
    }
    // "took off my mirror": forward only when nothing but an article or preposition stands between
    return next != null && !text.substring(t.end(), next.prefixStart).matches(".*\\b(and|but|then|so|while|when)\\b.*") ? next : null;
  }

  /** "the sensor under the bumper is cracked": the bumper only says where; 后杠上的雷达: so does 后杠. */
  private static void landmarks(List<Mention> mentions, String text) {
    for (int k = 0; k + 1 < mentions.size(); k++) {
      Mention a = mentions.get(k);
      Mention b = mentions.get(k + 1);
      if (a.part.end() > b.prefixStart) {
        continue;
      }
      String gap = text.substring(a.part.end(), b.prefixStart);
      if (!a.hasPredicate() && LANDMARK_EN.matcher(gap).matches()) {
        a.predicates.addAll(b.predicates);
        a.negatedPredicates.addAll(b.negatedPredicates);
        b.predicates.clear();
        b.negatedPredicates.clear();
        b.landmark = true;
        b.dropped = true;
        inheritPlace(a, b);
      } else if (!a.hasPredicate() && LANDMARK_ZH.matcher(gap).matches()) {
        a.landmark = true;
        a.dropped = true;
        if ("FRT_GRILLE".equals(b.value) && FAMILY.getOrDefault(a.value, "").equals("bumper") && gap.matches("的?[下底].*")) {
          b.value = "FRT_LOWER_GRILLE";
        }
        inheritPlace(b, a);
      }
    }
  }

  private static void inheritPlace(Mention host, Mention landmark) {
    if (!host.ownSide()) {
      for (Slot s : landmark.slots) {
        if (s.side() != null) {
          host.postSide = s.side();
        }
      }
      if (host.postSide == null) {
        host.postSide = landmark.postSide;
      }
    }
    if (!host.ownPos()) {
      String pos = landmark.impliedPos != null ? landmark.impliedPos : impliedPosition(landmark.value);
      for (Slot s : landmark.slots) {
        if (s.pos() != null) {
          pos = s.pos();
        }
      }
      host.impliedPos = pos;
    }
  }

  /** "a door ding on the left rear door": a part named generally and then precisely is one part. */
  private static void mergeFamilies(List<Mention> mentions, String text) {
    for (Mention g : mentions) {
      if (g.dropped || !g.value.startsWith("@") || g.ownPos() || g.ownSide()) {
        continue;
      }
      for (Mention s : mentions) {
        if (s == g || s.dropped || !FAMILY.containsKey(s.value) || !FAMILY.get(s.value).equals(FAMILY.get(g.value)) || !(s.ownPos() || s.ownSide())) {
          continue;
        }
        Mention first = g.part.start() < s.part.start() ? g : s;
        Mention second = first == g ? s : g;
        if (first.part.end() <= second.prefixStart && CONJUNCTION.matcher(text.substring(first.part.end(), second.prefixStart)).matches()) {
          continue;
        }
        if (!s.hasPredicate()) {
          s.predicates.addAll(g.predicates);
          s.negatedPredicates.addAll(g.negatedPredicates);
        }
        g.dropped = true;
        break;
      }
    }
  }

  /** Coordinated parts share what is said of the other: "hood and roof dented", "dents in the hood and the roof". */
  private static void coordinate(List<Mention> mentions, String text) {
    List<Mention> live = mentions.stream().filter(m -> !m.dropped).toList();
    for (int k = live.size() - 2; k >= 0; k--) {
      share(live.get(k + 1), live.get(k), text, live.get(k), live.get(k + 1));
    }
    for (int k = 1; k < live.size(); k++) {
      share(live.get(k - 1), live.get(k), text, live.get(k - 1), live.get(k));
    }
  }

  private static void share(Mention from, Mention to, String text, Mention first, Mention second) {
    if (to.hasPredicate() || !from.hasPredicate() || first.part.end() > second.prefixStart) {
      return;
    }
    String gap = text.substring(lastEnd(first), second.prefixStart);
    if (!CONJUNCTION.matcher(gap).matches()) {
      return;
    }
    to.predicates.addAll(from.predicates);
    to.negatedPredicates.addAll(from.negatedPredicates);
    to.negatedPart |= from.negatedPart;
  }

  private static int lastEnd(Mention m) {
    int end = m.part.end();
    for (Token t : m.predicates) {
      if (t.end() <= m.spanEnd) {
        end = Math.max(end, t.end());
      }
    }
    for (Token t : m.negatedPredicates) {
      if (t.end() <= m.spanEnd) {
        end = Math.max(end, t.end());
      }
    }
    return end;
  }

  private static void scopes(List<Token> tokens, List<Mention> mentions, String text) {
    for (Mention m : mentions) {
      int predicateStart = m.predicates.stream().mapToInt(Token::start).max().orElse(m.part.start());
      boolean other = false;
      for (Token t : tokens) {
        if (t.kind() == Kind.DOUBT && (t.start() < m.part.start() || t.start() < predicateStart)) {
          m.doubted = true;
        }
        boolean adjacent = t.end() <= m.prefixStart && text.substring(t.end(), m.prefixStart).matches("的?|\\s*");
        if (t.start() < m.part.start() && t.kind() == Kind.OTHER && (!"NOUN".equals(t.value()) || adjacent)) {
          other = true;
        } else if (t.start() < m.part.start() && t.kind() == Kind.OWN) {
          other = false;
        }
      }
      m.otherVehicle = other;
    }
  }

  /** 左后门被电动车把手划了: a part right after 被 is what did it; its damage word is the part's before 被. */
  private static void agents(List<Mention> mentions, String text) {
    for (int k = 1; k < mentions.size(); k++) {
      Mention agent = mentions.get(k);
      Mention patient = mentions.get(k - 1);
      String before = text.substring(patient.part.end(), agent.prefixStart);
      if (before.matches("[^，,。]{0,2}被[^，,。被]{0,4}") && !patient.hasDamage()) {
        patient.predicates.addAll(agent.predicates);
        patient.negatedPredicates.addAll(agent.negatedPredicates);
        agent.dropped = true;
      }
    }
  }

  /** "paint came off", 漆掉了, "peeling paint": paint lost from a panel is a scratch, not a missing part. */
  private static List<Token> paint(List<Token> tokens, String text) {
    List<Token> out = new ArrayList<>(tokens);
    for (int i = 0; i < out.size(); i++) {
      Token t = out.get(i);
      if (t.kind() != Kind.DAMAGE || !Set.of("missing", "torn", "broken", "chip").contains(t.value().split(":")[0])) {
        continue;
      }
      for (int j = Math.max(0, i - 2); j < Math.min(out.size(), i + 3); j++) {
        Token p = out.get(j);
        if (p.kind() == Kind.PAINT) {
          String gap = j < i ? Tokenizer.gap(text, p, t) : Tokenizer.gap(text, t, p);
          boolean near = gap.chars().anyMatch(c -> c >= 128) ? gap.length() <= 3 : gap.trim().split("\\s+").length <= 3;
          if (near) {
            out.set(i, new Token(Kind.DAMAGE, "scratch", t.start(), t.end(), t.text()));
          }
        }
      }
    }
    return out;
  }

  /** Intensity words go with the nearest damage word of a part ("a big dent", 瘪了一大块, "all minor"). */
  private static List<Token> intensities(List<Token> tokens, List<Mention> mentions, Set<Token> negated) {
    List<Token> free = new ArrayList<>();
    List<Mention> live = mentions.stream().filter(m -> !m.dropped).toList();
    for (Token t : tokens) {
      if (t.kind() != Kind.SEV) {
        continue;
      }
      Mention best = null;
      int bestDistance = Integer.MAX_VALUE;
      for (Mention m : live) {
        for (Token p : m.predicates) {
          int d = Math.abs(p.start() - t.start());
          if (d < bestDistance) {
            bestDistance = d;
            best = m;
          }
        }
      }
      if (best == null) {
        for (Mention m : live) {
          int d = Math.abs(m.part.start() - t.start());
          if (d < bestDistance) {
            bestDistance = d;
            best = m;
          }
        }
      }
      if (best == null) {
        free.add(t);
        continue;
      }
      // a damage word shared by coordinated parts carries its intensity to all of them ("dents in the hood and the roof, all small")
      Token nearest = null;
      for (Token p : best.predicates) {
        if (nearest == null || Math.abs(p.start() - t.start()) < Math.abs(nearest.start() - t.start())) {
          nearest = p;
        }
      }
      for (Mention m : live) {
        if (m == best || (nearest != null && m.predicates.contains(nearest))) {
          (negated.contains(t) ? m.negatedIntensities : m.intensities).add(t);
        }
      }
    }
    return free;
  }
}
