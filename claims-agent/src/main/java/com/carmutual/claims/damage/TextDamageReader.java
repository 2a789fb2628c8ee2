package com.carmutual.claims.damage;

import com.carmutual.claims.damage.Lexicon.Kind;
import com.carmutual.claims.damage.Lexicon.Token;
import com.carmutual.claims.taxonomy.Part;
import com.carmutual.claims.taxonomy.Taxonomy;
import com.carmutual.claims.vehicle.VehicleClass;
import com.carmutual.claims.vehicle.VehicleDescription;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads damaged parts from a claim description in English or Chinese, without a model: a lexicon of
 * part names, sides, positions, damage and severity words, and a small grammar over sentences and
 * clauses (a part takes the damage word that follows it, else the one before it, else the one of the
 * previous clause; sides and front/rear come from the words next to the part, then the clause, then
 * the sentence). Parts said to be fine are left out. Structured annotations from the report win
 * over the text for the same part and side.
 */
@Singleton
public class TextDamageReader {
  private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?])\\s+|[。！？；;\\n]+");
  private static final Pattern CLAUSES = Pattern.compile("[,，、:：()（）]+|\\s+but\\s+|\\s+however\\s+|\\s+except\\s+");
  private static final Pattern FILLER = Pattern.compile("(?i)[\\s\\-]*|(\\s*(the|from|a|an|my|of|all|way|on|to|in|at|along|across|near)\\s*)*");
  private static final Pattern SIDE_WORDS =
      Pattern.compile("(?i)\\b(left|right|front|rear|back|driver'?s?|passenger'?s?|side|lf|rf|lr|rr|lh|rh)\\b");
  private static final Pattern CONJUNCTION = Pattern.compile("(?i)\\s*(,|and|&|plus|as well as|和|与|及|以及|跟|还有)\\s*(the\\s+)?(both\\s+)?\\s*");
  private static final List<String> SIDE_CHAIN = List.of("FENDER", "FRT_DOOR_SHELL", "REAR_DOOR_SHELL", "QUARTER_PANEL");
  private static final Map<String, Set<String>> FAMILIES =
      Map.of(
          "@DOOR", Set.of("FRT_DOOR_SHELL", "REAR_DOOR_SHELL"),
          "@BUMPER", Set.of("FRT_BUMPER_COVER", "REAR_BUMPER_COVER"),
          "@LAMP", Set.of("HEADLAMP", "TAIL_LAMP", "FOG_LAMP"),
          "@FENDER", Set.of("FENDER", "QUARTER_PANEL", "FENDER_LINER"),
          "@WINDOW", Set.of("DOOR_GLASS", "BACK_GLASS", "WINDSHIELD"),
          "@RADAR", Set.of("FRT_RADAR", "BSM_RADAR", "PARK_SENSOR"),
          "@REINF", Set.of("FRT_BUMPER_REINF", "REAR_BUMPER_REINF"));
  private static final Set<String> PUNCTURABLE = Set.of("TIRE", "RADIATOR", "AC_CONDENSER", "FENDER_LINER");
  private static final Set<String> BREAKABLE =
      Set.of("HEADLAMP", "TAIL_LAMP", "FOG_LAMP", "MIRROR", "PARK_SENSOR", "FRT_RADAR", "BSM_RADAR", "FRT_GRILLE", "FRT_LOWER_GRILLE", "DOOR_HANDLE", "WHEEL_ALLOY", "SPOILER", "COWL_COVER", "BODYSIDE_MLDG");

  private static final Set<String> SUB_PARTS =
      Set.of("FENDER_LINER", "HOOD_HINGE", "WHEEL_FLARE", "@WINDOW", "DOOR_GLASS", "BACK_GLASS", "DOOR_HANDLE", "MIRROR", "BODYSIDE_MLDG",
          "FRT_BUMPER_ABSORBER", "@REINF", "PARK_SENSOR", "@RADAR", "BSM_RADAR", "FRT_LOWER_GRILLE", "FOG_LAMP");

  private final Lexicon lexicon = new Lexicon();
  private final Taxonomy taxonomy;

  public TextDamageReader(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  /** The damages of {@code input}: annotations first, then what the description says. */
  public Damages read(DamageInput input) {
    Map<String, Damage> found = new LinkedHashMap<>();
    for (DamageAnnotation a : input.annotations()) {
      Damage d = fromAnnotation(a);
      if (d != null) {
        found.put(d.key(), d);
      }
    }
    for (Damage d : readText(input.description(), input.vehicle())) {
      found.putIfAbsent(d.key(), d);
    }
    return new Damages(new ArrayList<>(found.values()));
  }

  private Damage fromAnnotation(DamageAnnotation a) {
    Part part = taxonomy.part(a.partCode()).orElse(null);
    if (part == null) {
      return null;
    }
    String side = part.perSide() ? normaliseSide(a.side()) : "CENTER";
    String type = a.damageType() == null ? "dent" : a.damageType().toLowerCase(Locale.ROOT);
    String severity = a.severity() == null ? defaultSeverity(type) : a.severity().toLowerCase(Locale.ROOT);
    return new Damage(part.code(), side, type, severity, "annotation", 1.0, null, "structured annotation in the report");
  }

  private static String normaliseSide(String side) {
    if (side == null) {
      return "LEFT";
    }
    String s = side.trim().toUpperCase(Locale.ROOT);
    return switch (s) {
      case "L", "LEFT", "DRIVER", "LH" -> "LEFT";
      case "R", "RIGHT", "PASSENGER", "RH" -> "RIGHT";
      default -> "LEFT";
    };
  }

  /** One mention of a part in a clause, with everything the grammar attached to it. */
  private static final class Mention {
    Token part;
    String code;
    boolean explicitPosition;
    List<String> sides = new ArrayList<>();
    boolean sideDefaulted;
    Token damage;
    boolean damageInherited;
    boolean weak;
    String severity;
    boolean negated;
    boolean bothDoors;
    String evidence;
  }

  private record Clause(String text, List<Token> tokens) {
    List<Token> of(Kind kind) {
      return tokens.stream().filter(t -> t.kind() == kind).toList();
    }

    boolean hasParts() {
      return tokens.stream().anyMatch(t -> t.kind() == Kind.PART);
    }
  }

  /**
   * Lights that are not the vehicle's: "stopped at a light", "ran a red light", 红绿灯. Masked before
   * tokenising so that "light" is not read as a lamp of the car.
   */
  private static final Pattern ROAD_SIGNALS =
      Pattern.compile(
          "\\b(?:at|through|ran|run|running|runs|on|by|near|for|waiting at|stopped at)\\s+(?:a|the)\\s+"
              + "(?:red\\s+|green\\s+|yellow\\s+|amber\\s+)?(?:traffic\\s+|stop\\s+)?lights?\\b"
              + "|\\b(?:traffic|red|green|yellow|amber|street)\\s+lights?\\b"
              + "|红绿灯|红灯|绿灯|黄灯|路灯|信号灯|交通灯");

  List<Damage> readText(String description, VehicleDescription vehicle) {
    String text = description == null ? "" : description.toLowerCase(Locale.ROOT).replace('’', '\'');
    text = ROAD_SIGNALS.matcher(text).replaceAll("signal");
    List<List<Clause>> sentences = new ArrayList<>();
    for (String s : SENTENCES.split(text)) {
      if (s.isBlank()) {
        continue;
      }
      List<Clause> clauses = new ArrayList<>();
      for (String c : CLAUSES.split(s)) {
        if (!c.isBlank()) {
          clauses.add(new Clause(c.trim(), attachSubParts(lexicon.tokenize(c.trim()), c.trim())));
        }
      }
      if (!clauses.isEmpty()) {
        sentences.add(clauses);
      }
    }
    String descriptionPosition = firstPosition(sentences);
    String lastSide = null;
    String lastPosition = null;
    List<Mention> mentions = new ArrayList<>();
    for (List<Clause> sentence : sentences) {
      for (int ci = 0; ci < sentence.size(); ci++) {
        Clause clause = sentence.get(ci);
        List<Mention> clauseMentions = mentionsOf(clause, sentence, ci, vehicle, lastSide, lastPosition, descriptionPosition);
        mentions.addAll(clauseMentions);
      }
      for (Clause c : sentence) {
        for (Token t : c.tokens()) {
          if (t.kind() == Kind.SIDE) {
            lastSide = t.value().split(":")[0];
          }
          String pos = positionOf(t);
          if (pos != null) {
            lastPosition = pos;
          }
        }
      }
    }
    return toDamages(mentions);
  }

  private static String positionOf(Token t) {
    if (t.kind() == Kind.POS) {
      return t.value();
    }
    if (t.kind() == Kind.SIDE && t.value().contains(":")) {
      return t.value().split(":")[1];
    }
    return null;
  }

  private static String firstPosition(List<List<Clause>> sentences) {
    for (List<Clause> s : sentences) {
      for (Clause c : s) {
        for (Token t : c.tokens()) {
          String p = positionOf(t);
          if (p != null) {
            return p;
          }
        }
      }
    }
    return null;
  }

  private List<Mention> mentionsOf(
      Clause clause,
      List<Clause> sentence,
      int ci,
      VehicleDescription vehicle,
      String lastSide,
      String lastPosition,
      String descriptionPosition) {
    List<Token> tokens = clause.tokens();
    List<Integer> partIdx = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).kind() == Kind.PART) {
        partIdx.add(i);
      }
    }
    if (partIdx.isEmpty()) {
      return List.of();
    }
    boolean negatedClause = !clause.of(Kind.NEG).isEmpty();
    List<Mention> out = new ArrayList<>();
    for (int k = 0; k < partIdx.size(); k++) {
      int ti = partIdx.get(k);
      int prevPart = k == 0 ? -1 : partIdx.get(k - 1);
      int nextPart = k + 1 < partIdx.size() ? partIdx.get(k + 1) : tokens.size();
      Mention m = new Mention();
      m.part = tokens.get(ti);
      m.evidence = clause.text();
      // front/rear position: next to the part, then the clause, the sentence, the description
      String position = null;
      for (int j = ti - 1; j > prevPart; j--) {
        String p = positionOf(tokens.get(j));
        if (p != null) {
          position = p;
          break;
        }
      }
      m.explicitPosition = position != null;
      if (position == null) {
        position = nearestInClause(tokens, ti, Lexicon.Kind.POS);
      }
      if (position == null) {
        position = sentencePosition(sentence, ci);
      }
      if (position == null) {
        position = lastPosition != null ? lastPosition : descriptionPosition;
      }
      m.code = resolve(m.part.value(), position, m.explicitPosition, tokens, ti, prevPart, nextPart, vehicle);
      // damage word: adjective right before, else the first after, else the nearest before
      Token own = null;
      int back = ti - 1;
      while (back > prevPart && Set.of(Kind.SIDE, Kind.POS, Kind.SEV, Kind.BOTH).contains(tokens.get(back).kind())) {
        back--;
      }
      if (back > prevPart && tokens.get(back).kind() == Kind.DAMAGE && adjacent(clause.text(), tokens.get(back), m.part)) {
        own = tokens.get(back);
      }
      if (own == null) {
        for (int j = ti + 1; j < nextPart; j++) {
          if (tokens.get(j).kind() == Kind.DAMAGE) {
            own = tokens.get(j);
            break;
          }
        }
      }
      // "bumper and both fog lights broken", 车门和后门都被撞凹了: coordinated parts share the damage word
      for (int kk = k; own == null && kk + 1 < partIdx.size(); kk++) {
        Token here = tokens.get(partIdx.get(kk));
        Token there = tokens.get(partIdx.get(kk + 1));
        if (!CONJUNCTION.matcher(SIDE_WORDS.matcher(clause.text().substring(here.end(), there.start())).replaceAll(" ")).matches()) {
          break;
        }
        int after = kk + 2 < partIdx.size() ? partIdx.get(kk + 2) : tokens.size();
        for (int j = partIdx.get(kk + 1) + 1; j < after && own == null; j++) {
          if (tokens.get(j).kind() == Kind.DAMAGE) {
            own = tokens.get(j);
          }
        }
      }
      if (own == null) {
        for (int j = ti - 1; j >= 0; j--) {
          if (tokens.get(j).kind() == Kind.DAMAGE) {
            own = tokens.get(j);
            m.weak = prevPart >= 0;
            break;
          }
        }
      }
      if (own == null) {
        m.damageInherited = true;
        own = inheritedDamage(sentence, ci);
      }
      m.damage = own;
      m.negated = negatedClause && (own == null || m.damageInherited);
      m.severity = severityWord(tokens, prevPart, nextPart);
      if (m.severity == null) {
        m.severity = trailingSeverity(sentence, ci);
      }
      out.add(m);
    }
    mergeFamilies(out);
    assignSides(out, tokens, partIdx, sentence, ci, lastSide);
    expandRanges(out, clause);
    return out;
  }

  /**
   * "front fender liner", "front door handle", 车门玻璃: a part name right before a sub-part only
   * says where the sub-part is. The first becomes a front/rear position.
   */
  private static List<Token> attachSubParts(List<Token> tokens, String text) {
    List<Token> out = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind() == Kind.PART && i + 1 < tokens.size()) {
        Token next = tokens.get(i + 1);
        if (next.kind() == Kind.PART && SUB_PARTS.contains(next.value()) && text.substring(t.end(), next.start()).isBlank()) {
          String pos = impliedPosition(t.value());
          if (pos != null) {
            out.add(new Token(Kind.POS, pos, t.start(), t.end(), t.text()));
          }
          continue;
        }
      }
      out.add(t);
    }
    return out;
  }

  private static String impliedPosition(String code) {
    if (code.startsWith("FRT_") || Set.of("FENDER", "HEADLAMP", "WINDSHIELD", "HOOD", "FOG_LAMP").contains(code)) {
      return "front";
    }
    if (code.startsWith("REAR_") || Set.of("TAIL_LAMP", "TRUNK_LID", "QUARTER_PANEL", "BACK_GLASS", "LIFTGATE", "@TAILGATE").contains(code)) {
      return "rear";
    }
    return null;
  }

  private static boolean adjacent(String text, Token before, Token part) {
    String gap = SIDE_WORDS.matcher(text.substring(before.end(), part.start())).replaceAll(" ");
    return FILLER.matcher(gap).matches();
  }

  private static String nearestInClause(List<Token> tokens, int ti, Kind kind) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (int j = 0; j < tokens.size(); j++) {
      String p = positionOf(tokens.get(j));
      if (p != null && Math.abs(j - ti) < bestDistance) {
        best = p;
        bestDistance = Math.abs(j - ti);
      }
    }
    return best;
  }

  private static String sentencePosition(List<Clause> sentence, int ci) {
    for (int c = ci - 1; c >= 0; c--) {
      List<Token> ts = sentence.get(c).tokens();
      for (int j = ts.size() - 1; j >= 0; j--) {
        String p = positionOf(ts.get(j));
        if (p != null) {
          return p;
        }
      }
    }
    return null;
  }

  private static Token inheritedDamage(List<Clause> sentence, int ci) {
    for (int c = ci - 1; c >= 0; c--) {
      List<Token> d = sentence.get(c).of(Kind.DAMAGE);
      if (!d.isEmpty()) {
        return d.get(d.size() - 1);
      }
    }
    for (int c = ci + 1; c < sentence.size(); c++) {
      if (sentence.get(c).hasParts()) {
        break;
      }
      List<Token> d = sentence.get(c).of(Kind.DAMAGE);
      if (!d.isEmpty()) {
        return d.get(0);
      }
    }
    return null;
  }

  private static String severityWord(List<Token> tokens, int from, int to) {
    String found = null;
    for (int j = Math.max(0, from + 1); j < to; j++) {
      if (tokens.get(j).kind() == Kind.SEV) {
        found = strongest(found, tokens.get(j).value());
      }
    }
    return found;
  }

  /** Severity words in the part-less clauses that follow ("..., small ones", "..., paint gone in a long strip"). */
  private static String trailingSeverity(List<Clause> sentence, int ci) {
    String found = null;
    for (int c = ci + 1; c < sentence.size() && !sentence.get(c).hasParts(); c++) {
      for (Token t : sentence.get(c).tokens()) {
        if (t.kind() == Kind.SEV) {
          found = strongest(found, t.value());
        } else if (t.kind() == Kind.DAMAGE && t.value().contains(":")) {
          found = strongest(found, t.value().split(":")[1]);
        }
      }
    }
    return found;
  }

  private static int rank(String severity) {
    return switch (severity) {
      case "minor" -> 1;
      case "moderate" -> 2;
      case "severe" -> 3;
      default -> 0;
    };
  }

  private static String strongest(String a, String b) {
    if (a == null) {
      return b;
    }
    return rank(b) > rank(a) ? b : a;
  }

  /** Resolves a part family (door, bumper, lamp...) to a part code with the position said. */
  private String resolve(
      String value, String position, boolean explicit, List<Token> tokens, int ti, int prevPart, int nextPart, VehicleDescription vehicle) {
    boolean rear = "rear".equals(position);
    boolean pickup = vehicle != null && VehicleClass.isPickup(vehicle.make(), vehicle.model(), null);
    boolean knownNonPickup = vehicle != null && vehicle.model() != null && !pickup;
    return switch (value) {
      case "@BUMPER" -> rear ? "REAR_BUMPER_COVER" : "FRT_BUMPER_COVER";
      case "@REINF" -> rear ? "REAR_BUMPER_REINF" : "FRT_BUMPER_REINF";
      case "@FENDER" -> explicit && rear ? "QUARTER_PANEL" : "FENDER";
      case "@LAMP" -> rear ? "TAIL_LAMP" : "HEADLAMP";
      case "@RADAR" -> rear ? "BSM_RADAR" : "FRT_RADAR";
      case "@DOOR" -> rear ? "REAR_DOOR_SHELL" : "FRT_DOOR_SHELL";
      case "@TAILGATE" -> knownNonPickup ? "LIFTGATE" : "TAILGATE_PICKUP";
      case "@WINDOW" -> {
        boolean sideSaid = false;
        for (int j = Math.max(0, prevPart + 1); j < nextPart; j++) {
          sideSaid |= tokens.get(j).kind() == Kind.SIDE;
        }
        if (explicit && "front".equals(position) && !sideSaid) {
          yield "WINDSHIELD";
        }
        if (explicit && rear && !sideSaid) {
          yield "BACK_GLASS";
        }
        yield "DOOR_GLASS";
      }
      default -> value;
    };
  }

  /** A generic "door" next to "rear doors" in the same clause is the same thing said twice. */
  private static void mergeFamilies(List<Mention> mentions) {
    for (Mention generic : new ArrayList<>(mentions)) {
      Set<String> family = FAMILIES.get(generic.part.value());
      if (family == null || generic.explicitPosition) {
        continue;
      }
      for (Mention specific : mentions) {
        boolean coordinated =
            specific.part.start() > generic.part.end()
                && CONJUNCTION.matcher(generic.evidence.substring(generic.part.end(), specific.part.start())).matches();
        if (specific != generic && family.contains(specific.code) && !specific.part.value().startsWith("@") && !coordinated) {
          if (specific.weak || specific.damageInherited) {
            specific.damage = generic.damage;
            specific.weak = false;
            specific.damageInherited = generic.damageInherited;
          }
          if (specific.severity == null) {
            specific.severity = generic.severity;
          }
          mentions.remove(generic);
          break;
        }
      }
    }
  }

  private void assignSides(List<Mention> mentions, List<Token> tokens, List<Integer> partIdx, List<Clause> sentence, int ci, String lastSide) {
    for (Mention m : mentions) {
      boolean perSide = taxonomy.part(m.code).map(Part::perSide).orElse(false);
      if (!perSide) {
        m.sides = List.of("CENTER");
        continue;
      }
      int ti = tokens.indexOf(m.part);
      int k = partIdx.indexOf(ti);
      int prevPart = k <= 0 ? -1 : partIdx.get(k - 1);
      int nextPart = k + 1 < partIdx.size() ? partIdx.get(k + 1) : tokens.size();
      Token both = null;
      Token side = null;
      for (int j = ti - 1; j > prevPart && side == null && both == null; j--) {
        if (tokens.get(j).kind() == Kind.BOTH) {
          both = tokens.get(j);
        } else if (tokens.get(j).kind() == Kind.SIDE) {
          side = tokens.get(j);
        }
      }
      for (int j = ti + 1; j < nextPart && side == null && both == null; j++) {
        if (tokens.get(j).kind() == Kind.SIDE) {
          side = tokens.get(j);
        } else if (tokens.get(j).kind() == Kind.BOTH) {
          both = tokens.get(j);
        }
      }
      if (both == null && side == null && bothInSentence(tokens, sentence, ci)) {
        both = m.part;
      }
      boolean pluralDoors = "@DOOR".equals(m.part.value()) && (m.part.text().endsWith("doors") || both != null);
      String sideSaid = side != null ? side.value().split(":")[0] : nearestSide(tokens, ti);
      if (sideSaid == null) {
        sideSaid = sentenceSide(sentence, ci);
      }
      if (pluralDoors && sideSaid != null) {
        m.sides = List.of(sideSaid);
        m.bothDoors = true;
        continue;
      }
      if (both != null) {
        m.sides = List.of("LEFT", "RIGHT");
        continue;
      }
      String s = side == null ? null : side.value().split(":")[0];
      if (s == null) {
        s = nearestSide(tokens, ti);
      }
      if (s == null) {
        s = sentenceSide(sentence, ci);
      }
      if (s == null) {
        s = lastSide;
      }
      if (s == null) {
        s = "LEFT";
        m.sideDefaulted = true;
      }
      m.sides = List.of(s);
    }
  }

  /** "..., 左右都坏了": both sides said in this clause or a part-less clause after it. */
  private static boolean bothInSentence(List<Token> tokens, List<Clause> sentence, int ci) {
    for (int c = ci + 1; c < sentence.size() && !sentence.get(c).hasParts(); c++) {
      if (!sentence.get(c).of(Kind.BOTH).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static String nearestSide(List<Token> tokens, int ti) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (int j = 0; j < tokens.size(); j++) {
      if (tokens.get(j).kind() == Kind.SIDE && Math.abs(j - ti) < bestDistance) {
        best = tokens.get(j).value().split(":")[0];
        bestDistance = Math.abs(j - ti);
      }
    }
    return best;
  }

  private static String sentenceSide(List<Clause> sentence, int ci) {
    for (int c = ci - 1; c >= 0; c--) {
      List<Token> s = sentence.get(c).of(Kind.SIDE);
      if (!s.isEmpty()) {
        return s.get(s.size() - 1).value().split(":")[0];
      }
    }
    for (int c = ci + 1; c < sentence.size(); c++) {
      List<Token> s = sentence.get(c).of(Kind.SIDE);
      if (!s.isEmpty()) {
        return s.get(0).value().split(":")[0];
      }
    }
    return null;
  }

  /** "front door to quarter panel" names the panels in between too. */
  private static void expandRanges(List<Mention> mentions, Clause clause) {
    for (int k = 0; k + 1 < mentions.size(); k++) {
      Mention a = mentions.get(k);
      Mention b = mentions.get(k + 1);
      int ia = SIDE_CHAIN.indexOf(a.code);
      int ib = SIDE_CHAIN.indexOf(b.code);
      if (ia < 0 || ib < 0 || Math.abs(ia - ib) < 2 || a.part.end() > b.part.start()) {
        continue;
      }
      String gap = clause.text().substring(a.part.end(), b.part.start());
      boolean range = clause.tokens().stream().anyMatch(t -> t.kind() == Kind.RANGE && t.start() >= a.part.end() && t.end() <= b.part.start());
      String rest = gap.replaceAll("(?i)\\b(to|through|thru|all the way to|until|the|from|all|way)\\b|->|到|至|一直", "").trim();
      if (!range || !rest.isEmpty()) {
        continue;
      }
      int step = ia < ib ? 1 : -1;
      List<Mention> between = new ArrayList<>();
      for (int i = ia + step; i != ib; i += step) {
        Mention m = new Mention();
        m.part = b.part;
        m.code = SIDE_CHAIN.get(i);
        m.sides = b.sides;
        m.damage = b.damage != null ? b.damage : a.damage;
        m.damageInherited = b.damageInherited;
        m.severity = b.severity;
        m.negated = b.negated;
        m.evidence = clause.text();
        between.add(m);
      }
      mentions.addAll(k + 1, between);
      k += between.size();
    }
  }

  private List<Damage> toDamages(List<Mention> mentions) {
    Map<String, Damage> strong = new LinkedHashMap<>();
    Map<String, Damage> weak = new LinkedHashMap<>();
    List<Mention> expanded = new ArrayList<>();
    for (Mention m : mentions) {
      expanded.add(m);
      if (m.bothDoors) {
        Mention rear = new Mention();
        rear.part = m.part;
        rear.code = "REAR_DOOR_SHELL";
        rear.sides = m.sides;
        rear.damage = m.damage;
        rear.damageInherited = m.damageInherited;
        rear.severity = m.severity;
        rear.negated = m.negated;
        rear.weak = m.weak;
        rear.evidence = m.evidence;
        m.code = "FRT_DOOR_SHELL";
        expanded.add(rear);
      }
    }
    for (Mention m : expanded) {
      if (m.negated) {
        continue;
      }
      Part part = taxonomy.part(m.code).orElse(null);
      if (part == null) {
        continue;
      }
      String[] typeAndHint = typeOf(m.damage, part);
      String type = typeAndHint[0];
      String severity = severityOf(type, typeAndHint[1], m.severity, part);
      double confidence = 0.85;
      if (m.sideDefaulted) {
        confidence -= 0.25;
      }
      if (m.damageInherited) {
        confidence -= 0.1;
      }
      if (m.damage == null) {
        confidence -= 0.2;
      }
      if (m.weak) {
        confidence -= 0.2;
      }
      for (String side : m.sides) {
        Damage d =
            new Damage(part.code(), side, type, severity, "text", round(confidence), null, m.evidence);
        if (m.weak) {
          weak.putIfAbsent(d.key(), d);
        } else {
          strong.putIfAbsent(d.key(), d);
        }
      }
    }
    weak.forEach(strong::putIfAbsent);
    return new ArrayList<>(strong.values());
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }

  /** Damage type and severity hint of a damage word as it applies to this part. */
  private static String[] typeOf(Token damage, Part part) {
    String value = damage == null ? "generic" : damage.value();
    String[] split = value.split(":");
    String type = split[0];
    String hint = split.length > 1 ? split[1] : null;
    switch (type) {
      case "generic" -> {
        if (part.glass()) {
          type = "crack";
        } else if (BREAKABLE.contains(part.code())) {
          type = "broken";
        } else if ("TIRE".equals(part.code())) {
          type = "puncture";
        } else {
          type = "dent";
        }
      }
      case "chip" -> type = part.glass() ? "crack" : "scratch";
      case "broken" -> type = part.glass() ? "shattered" : "broken";
      case "shattered" -> type = part.glass() ? "shattered" : "broken";
      case "puncture" -> {
        if (!PUNCTURABLE.contains(part.code())) {
          type = part.glass() || BREAKABLE.contains(part.code()) ? "broken" : "crack";
          hint = null;
        }
      }
      case "dent" -> {
        if (part.glass()) {
          type = "severe".equals(hint) ? "shattered" : "crack";
          hint = null;
        }
      }
      default -> {}
    }
    return new String[] {type, hint};
  }

  private static String severityOf(String type, String hint, String word, Part part) {
    return switch (type) {
      case "scratch" -> {
        String s = word != null ? word : hint;
        yield s == null || "minor".equals(s) ? "minor" : "moderate";
      }
      case "dent" -> word != null ? word : hint != null ? hint : "moderate";
      case "bent" -> {
        boolean severe = "severe".equals(word) || "severe".equals(hint) || part.structural();
        yield severe ? "severe" : "moderate";
      }
      case "puncture" -> "severe".equals(hint) ? "severe" : "moderate";
      case "crack" -> "moderate";
      default -> "severe";
    };
  }

  private static String defaultSeverity(String type) {
    return switch (type) {
      case "scratch" -> "minor";
      case "dent", "crack", "bent", "puncture" -> "moderate";
      default -> "severe";
    };
  }
}
