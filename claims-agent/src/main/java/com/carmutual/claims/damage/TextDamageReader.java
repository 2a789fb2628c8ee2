package com.carmutual.claims.damage;

import com.carmutual.claims.damage.ClauseGrammar.Clause;
import com.carmutual.claims.damage.Lexicon.Kind;
import com.carmutual.claims.damage.Mention.Slot;
import com.carmutual.claims.damage.Tokenizer.Token;
import com.carmutual.claims.taxonomy.Part;
import com.carmutual.claims.taxonomy.Taxonomy;
import com.carmutual.claims.vehicle.VehicleDescription;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads damaged parts from a claim description in English or Chinese, without a model. The
 * {@link Tokenizer} finds the words of the {@link Lexicon}; the {@link ClauseGrammar} ties
 * modifiers, damage words and intensities to parts within a clause; this class carries what a
 * clause leaves open across the sentence and the description (a side said once for several parts,
 * "that side", a damage said in the next sentence, the front or rear of the impact), settles part
 * codes with {@link PartResolver}, and keeps one line per part and side with the main damage
 * ({@link DamageKinds}). Parts said to be fine, doubted, the other vehicle's, or only landmarks are
 * left out. Structured annotations from the report win over the text for the same part and side.
 */
@Singleton
public class TextDamageReader {
  private static final Pattern SENTENCES = Pattern.compile("(?<=[.!?])\\s+|[。！？；;\\n]+");
  private static final Pattern CLAUSES =
      Pattern.compile("[,，、:：()（）]+|\\s+[-–—]+\\s+|—+|\\s+(?:but|however|except|though|although|yet|whereas)\\s+|但是|不过|可是|但");
  private static final Pattern ELLIPSIS = Pattern.compile("\\b(too|also|as well|same|plus one|another|one more)\\b|也|同样|一样");
  private static final Pattern RANGE_WORDS = Pattern.compile("\\b(to|through|thru|until|till)\\b|->|到|至");
  private static final Pattern LEAD_IN =
      Pattern.compile("(?:(?:and|also|plus|but|only|just|merely|it|it's|its|it is|they|they're|which|that|is|are|was|were|has|have|had|got|with|there's|there|is|a|an|some|very|really|pretty|quite|kind of|all|both|now|then|even|just|looks|seems)\\b\\s*)*");
  private static final List<String> SIDE_CHAIN = List.of("FENDER", "FRT_DOOR_SHELL", "REAR_DOOR_SHELL", "QUARTER_PANEL");

  private final Lexicon lexicon = new Lexicon();
  private final Tokenizer tokenizer = new Tokenizer(lexicon);
  private final ClauseGrammar grammar = new ClauseGrammar();
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
    String severity = a.severity() == null ? DamageKinds.severity(type, null, null, null, part) : a.severity().toLowerCase(Locale.ROOT);
    return new Damage(part.code(), side, type, severity, "annotation", 1.0, null, "structured annotation in the report");
  }

  private static String normaliseSide(String side) {
    if (side == null) {
      return "LEFT";
    }
    return switch (side.trim().toUpperCase(Locale.ROOT)) {
      case "R", "RIGHT", "PASSENGER", "RH" -> "RIGHT";
      default -> "LEFT";
    };
  }

  List<Damage> readText(String description, VehicleDescription vehicle) {
    String text = tokenizer.normalise(description);
    List<List<Clause>> sentences = new ArrayList<>();
    int index = 0;
    for (String s : SENTENCES.split(text)) {
      List<String> pieces = clauses(s);
      List<Clause> clauses = new ArrayList<>();
      for (String piece : pieces) {
        clauses.add(grammar.read(index++, piece, tokenizer.tokenize(piece)));
      }
      if (!clauses.isEmpty()) {
        sentences.add(clauses);
      }
    }
    inherit(sentences);
    Discourse discourse = new Discourse(sentences);
    List<Mention> all = new ArrayList<>();
    sentences.forEach(s -> s.forEach(c -> all.addAll(c.mentions())));
    for (int i = 0; i < all.size(); i++) {
      resolve(all.get(i), discourse, vehicle, all.subList(0, i));
    }
    expandRanges(sentences);
    boolean anyDamageWord = sentences.stream().flatMap(List::stream).flatMap(c -> c.tokens().stream()).anyMatch(t -> t.kind() == Kind.DAMAGE);
    for (Mention m : all) {
      // a part named with no damage word at all is not confirmed damage, unless the report only lists parts
      m.dropped |= !m.hasPredicate() && anyDamageWord;
    }
    return toDamages(all);
  }

  /**
   * Clauses of a sentence; a clause naming parts but no damage joins the next one ("front bumper,
   * grille and hood all smashed"), a clause of only sides or intensities joins the one before
   * ("dented door, rear right", "..., all minor").
   */
  private List<String> clauses(String sentence) {
    List<String> out = new ArrayList<>();
    for (String c : CLAUSES.split(sentence)) {
      if (c.isBlank()) {
        continue;
      }
      String piece = c.trim();
      List<Token> tokens = tokenizer.tokenize(piece);
      boolean parts = tokens.stream().anyMatch(t -> t.kind() == Kind.PART);
      boolean said = tokens.stream().anyMatch(t -> t.kind() == Kind.DAMAGE || t.kind() == Kind.FINE || t.kind() == Kind.WORKS);
      boolean modifiers = tokens.stream().anyMatch(t -> t.kind() == Kind.SIDE || t.kind() == Kind.POS || t.kind() == Kind.SEV || t.kind() == Kind.BOTH);
      if (!out.isEmpty() && !parts && !said && modifiers) {
        out.set(out.size() - 1, out.get(out.size() - 1) + ", " + piece);
        continue;
      }
      out.add(piece);
    }
    List<String> merged = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      String piece = out.get(i);
      while (i + 1 < out.size() && namesPartsOnly(piece)) {
        piece = piece + ", " + out.get(++i);
      }
      merged.add(piece);
    }
    return merged;
  }

  private boolean namesPartsOnly(String piece) {
    List<Token> tokens = tokenizer.tokenize(piece);
    return tokens.stream().anyMatch(t -> t.kind() == Kind.PART)
        && tokens.stream().noneMatch(t -> t.kind() == Kind.DAMAGE || t.kind() == Kind.FINE || t.kind() == Kind.WORKS || t.kind() == Kind.NOT);
  }

  /**
   * A part with no damage word takes the one said without a part in its sentence ("keyed all along
   * the right: fender, doors") or in the next sentence ("...a trolley hit the left door. Small
   * dent."); damage words and intensities in a part-less clause after a part go with it ("...,
   * deep and long").
   */
  private static void inherit(List<List<Clause>> sentences) {
    for (int si = 0; si < sentences.size(); si++) {
      List<Clause> sentence = sentences.get(si);
      for (int ci = 0; ci < sentence.size(); ci++) {
        Clause c = sentence.get(ci);
        if (!c.hasParts()) {
          continue;
        }
        for (Mention m : c.mentions()) {
          if (m.hasDamage() || !m.negatedPredicates.isEmpty() || m.negatedPart) {
            continue;
          }
          Mention antecedent = ELLIPSIS.matcher(c.text()).find() && ci > 0 ? lastMention(sentence, ci) : null;
          if (antecedent != null && !m.hasPredicate()) {
            // 引擎盖上好几个小坑，车顶也有; "..., the roof too": the same damage again
            m.predicates.addAll(antecedent.predicates);
            m.intensities.addAll(antecedent.intensities);
            m.inherited = true;
            continue;
          }
          if (m.locative && !m.hasPredicate()) {
            m.dropped = true;
            continue;
          }
          Clause source = partless(sentence, ci);
          if (source == null && si + 1 < sentences.size() && sentences.get(si + 1).stream().noneMatch(Clause::hasParts)) {
            source = sentences.get(si + 1).stream().filter(x -> !x.freePredicates().isEmpty()).findFirst().orElse(null);
          }
          if (source != null) {
            take(m, source);
            m.inherited = true;
          }
        }
        for (int after = ci + 1; after < sentence.size() && !sentence.get(after).hasParts(); after++) {
          Clause trailing = sentence.get(after);
          if (!saysNoSubject(trailing)) {
            break;
          }
          Mention last = c.mentions().get(c.mentions().size() - 1);
          for (Token t : trailing.freePredicates()) {
            if (t.kind() == Kind.DAMAGE && !last.inherited && !trailingNegated(trailing, t)) {
              last.predicates.add(t);
            }
          }
          last.intensities.addAll(trailing.freeIntensities());
          // "尾灯也坏了，左右都坏了", "headlights broken, both of them"
          last.postBoth |= trailing.tokens().stream().anyMatch(t -> t.kind() == Kind.BOTH || t.kind() == Kind.ALL);
        }
      }
    }
  }

  /** A part-less clause that goes on about the part before it ("..., and cracked", "..., 还裂了"), not one about something else ("exhaust bent"). */
  private static boolean saysNoSubject(Clause clause) {
    Token first = clause.tokens().stream().filter(t -> t.kind() == Kind.DAMAGE || t.kind() == Kind.SEV || t.kind() == Kind.FINE).findFirst().orElse(null);
    if (first == null) {
      return true;
    }
    StringBuilder lead = new StringBuilder(clause.text().substring(0, first.start()));
    for (Token t : clause.tokens()) {
      if (t.end() <= first.start() && List.of(Kind.SIDE, Kind.POS, Kind.BOTH, Kind.ALL, Kind.THAT_SIDE, Kind.PAINT).contains(t.kind())) {
        for (int i = t.start(); i < t.end(); i++) {
          lead.setCharAt(i, ' ');
        }
      }
    }
    String before = lead.toString().replace(" ", "").isEmpty() ? "" : lead.toString().trim();
    if (before.chars().anyMatch(c -> c >= 128)) {
      return before.length() <= 2 || before.matches("[后来又被也还都而且并然接着同时就有个一点再]*");
    }
    return LEAD_IN.matcher(before).matches();
  }

  private static boolean trailingNegated(Clause clause, Token t) {
    return clause.tokens().stream().anyMatch(n -> n.kind() == Kind.NOT && n.end() <= t.start());
  }

  private static Mention lastMention(List<Clause> sentence, int ci) {
    for (int c = ci - 1; c >= 0; c--) {
      List<Mention> ms = sentence.get(c).mentions().stream().filter(x -> x.hasDamage()).toList();
      if (!ms.isEmpty()) {
        return ms.get(ms.size() - 1);
      }
    }
    return null;
  }

  private static Clause partless(List<Clause> sentence, int ci) {
    for (int c = ci - 1; c >= 0; c--) {
      if (!sentence.get(c).hasParts() && !sentence.get(c).freePredicates().isEmpty()) {
        return sentence.get(c);
      }
    }
    for (int c = ci + 1; c < sentence.size() && !sentence.get(c).hasParts(); c++) {
      if (!sentence.get(c).freePredicates().isEmpty() && saysNoSubject(sentence.get(c))) {
        return sentence.get(c);
      }
    }
    return null;
  }

  private static void take(Mention m, Clause source) {
    for (Token t : source.freePredicates()) {
      if (t.kind() == Kind.DAMAGE && !trailingNegated(source, t)) {
        m.predicates.add(t);
      } else {
        m.negatedPredicates.add(t);
      }
    }
    m.intensities.addAll(source.freeIntensities());
  }

  /** Sides and front/rear said anywhere in the description, in reading order, for what a clause leaves open. */
  private static final class Discourse {
    private final List<Token> sides = new ArrayList<>();
    private final Map<Token, Integer> order = new HashMap<>();
    private final Map<Token, Integer> sentenceOf = new HashMap<>();
    private final List<List<Clause>> sentences;

    Discourse(List<List<Clause>> sentences) {
      this.sentences = sentences;
      int n = 0;
      for (int si = 0; si < sentences.size(); si++) {
        for (Clause c : sentences.get(si)) {
          for (Token t : c.tokens()) {
            order.put(t, n++);
            sentenceOf.put(t, si);
            if (t.kind() == Kind.SIDE) {
              sides.add(t);
            }
          }
        }
      }
    }

    /** The side said last before the part, else the first said after it in its sentence. */
    String sideAround(Mention m, boolean beforeOnly) {
      int at = order.getOrDefault(m.part, -1);
      Token before = null;
      Token after = null;
      for (Token t : sides) {
        int o = order.get(t);
        if (o < at) {
          before = t;
        } else if (after == null && o > at && sentenceOf.get(t).equals(sentenceOf.get(m.part))) {
          after = t;
        }
      }
      Token chosen = before != null ? before : beforeOnly ? null : after;
      return chosen == null ? null : chosen.value().split(":")[0];
    }

    /** Front or rear of the impact near the part: its clause, its sentence, then the whole description. */
    String area(Mention m) {
      Integer si = sentenceOf.get(m.part);
      if (si == null) {
        return null;
      }
      for (Clause c : sentences.get(si)) {
        if (c.index() == m.clauseIndex) {
          String a = vote(List.of(c), m);
          if (a != null) {
            return a;
          }
        }
      }
      String a = vote(sentences.get(si), m);
      if (a != null) {
        return a;
      }
      List<Clause> everything = new ArrayList<>();
      sentences.forEach(everything::addAll);
      return vote(everything, m);
    }

    private static String vote(List<Clause> clauses, Mention self) {
      int front = 0;
      int rear = 0;
      for (Clause c : clauses) {
        for (Token t : c.freeSides()) {
          String p = t.kind() == Kind.POS ? t.value() : t.value().contains(":") ? t.value().split(":")[1] : null;
          front += "front".equals(p) ? 1 : 0;
          rear += "rear".equals(p) ? 1 : 0;
        }
        for (Mention m : c.mentions()) {
          if (m == self || m.dropped || m.value.equals("@DOOR") || m.value.endsWith("DOOR_SHELL") || m.value.equals("@WINDOW")) {
            continue;
          }
          String p = explicitArea(m);
          front += "front".equals(p) ? 1 : 0;
          rear += "rear".equals(p) ? 1 : 0;
        }
      }
      return front > rear ? "front" : rear > front ? "rear" : null;
    }

    private static String explicitArea(Mention m) {
      for (Slot s : m.slots) {
        if (s.pos() != null) {
          return s.pos();
        }
      }
      if (m.postPos != null) {
        return m.postPos;
      }
      return m.impliedPos != null ? m.impliedPos : ClauseGrammar.impliedPosition(m.value);
    }
  }

  private void resolve(Mention m, Discourse discourse, VehicleDescription vehicle, List<Mention> earlier) {
    if (m.dropped || m.denied() || m.doubted || m.otherVehicle || m.landmark) {
      m.dropped = true;
      return;
    }
    if ("@WINDOW".equals(m.value) && !m.ownPos() && !m.ownSide() && !earlier.isEmpty()) {
      // "mirror folded back and the glass popped out": the glass of the lamp or mirror just named
      Mention before = earlier.get(earlier.size() - 1);
      if (!before.resolved.isEmpty() && before.clauseIndex >= m.clauseIndex - 1
          && List.of("MIRROR", "HEADLAMP", "TAIL_LAMP", "FOG_LAMP").contains(before.resolved.get(0)[0])) {
        m.resolved.addAll(before.resolved);
        return;
      }
    }
    if (m.value.startsWith("@") && !m.ownPos() && !m.ownSide() && ClauseGrammar.family(m.value) != null) {
      // "the windshield ... a crack across the glass": a part named generally after a precise one is that one
      for (int i = earlier.size() - 1; i >= 0; i--) {
        Mention e = earlier.get(i);
        if (e != m && !e.resolved.isEmpty() && ClauseGrammar.family(m.value).equals(ClauseGrammar.family(e.value))) {
          m.resolved.addAll(e.resolved);
          return;
        }
      }
    }
    boolean punctured = m.predicates.stream().anyMatch(t -> t.value().startsWith("puncture"));
    List<Slot> slots = m.slots.isEmpty() ? List.of(new Slot(null, null, false, false)) : m.slots;
    for (Slot slot : slots) {
      String pos = slot.pos() != null ? slot.pos() : m.postPos != null ? m.postPos : m.impliedPos;
      boolean ownPos = pos != null;
      if (pos == null && m.value.startsWith("@")) {
        pos = discourse.area(m);
      }
      boolean sideSaid = slot.side() != null || slot.both() || m.postSide != null || m.postBoth || m.thatSide;
      boolean both = slot.both() || m.postBoth;
      boolean all = slot.all();
      String side = slot.side() != null ? slot.side() : m.postSide;
      if (side == null && m.thatSide) {
        side = discourse.sideAround(m, true);
      }
      boolean defaulted = false;
      if (side == null) {
        side = discourse.sideAround(m, false);
      }
      if (side == null) {
        side = "LEFT";
        defaulted = true;
      }
      boolean pluralDoors = "@DOOR".equals(m.value) && !ownPos && (both || all || m.part.text().endsWith("doors"));
      if (pluralDoors) {
        // "the two doors on the left", 右侧两个门: both doors of that side; "every door", 四个门: all four
        List<String> doorSides = all || (both && defaulted) ? List.of("LEFT", "RIGHT") : List.of(side);
        List<String> doors = both && defaulted && !all ? List.of("FRT_DOOR_SHELL") : List.of("FRT_DOOR_SHELL", "REAR_DOOR_SHELL");
        for (String door : doors) {
          for (String s : doorSides) {
            m.resolved.add(new String[] {door, s});
          }
        }
        continue;
      }
      String code = PartResolver.resolve(m.value, pos, ownPos, sideSaid, punctured, vehicle);
      Part part = code == null ? null : taxonomy.part(code).orElse(null);
      if (part == null) {
        continue;
      }
      if (!part.perSide()) {
        m.resolved.add(new String[] {code, "CENTER"});
      } else if ((both || all) && !(slot.side() != null || m.postSide != null)) {
        m.resolved.add(new String[] {code, "LEFT"});
        m.resolved.add(new String[] {code, "RIGHT"});
      } else {
        m.resolved.add(new String[] {code, side});
        m.sideDefaulted |= defaulted;
      }
    }
  }

  /**
   * "fender through rear door", 从前门一直划到后门: a range along one side names the panels in
   * between too, and what is said of its start goes for its end.
   */
  private static void expandRanges(List<List<Clause>> sentences) {
    for (List<Clause> sentence : sentences) {
      Mention a = null;
      for (Clause c : sentence) {
        for (Mention b : c.mentions()) {
          if (b.dropped || b.resolved.size() != 1) {
            continue;
          }
          if (a != null && rangeBetween(a, b, c)) {
            extend(a, b);
          }
          a = b;
        }
      }
    }
  }

  private static boolean rangeBetween(Mention a, Mention b, Clause c) {
    if (a.clauseIndex == b.clauseIndex) {
      return a.part.end() <= b.prefixStart && RANGE_WORDS.matcher(c.text().substring(a.part.end(), b.prefixStart)).find();
    }
    boolean firstInClause = c.mentions().stream().noneMatch(m -> m.part.start() < b.part.start());
    return firstInClause && c.tokens().stream().anyMatch(t -> t.kind() == Kind.RANGE && t.end() <= b.prefixStart);
  }

  private static void extend(Mention a, Mention b) {
    int ia = SIDE_CHAIN.indexOf(a.resolved.get(0)[0]);
    int ib = SIDE_CHAIN.indexOf(b.resolved.get(0)[0]);
    if (ia < 0 || ib < 0 || !a.resolved.get(0)[1].equals(b.resolved.get(0)[1])) {
      return;
    }
    if (!b.hasDamage()) {
      b.predicates.addAll(a.predicates);
    } else if (!a.hasDamage()) {
      a.predicates.addAll(b.predicates);
    }
    if (b.intensities.isEmpty()) {
      b.intensities.addAll(a.intensities);
    } else if (a.intensities.isEmpty()) {
      a.intensities.addAll(b.intensities);
    }
    for (int i = Math.min(ia, ib) + 1; i < Math.max(ia, ib); i++) {
      b.resolved.add(new String[] {SIDE_CHAIN.get(i), b.resolved.get(0)[1]});
    }
  }

  private List<Damage> toDamages(List<Mention> mentions) {
    Map<String, Damage> out = new LinkedHashMap<>();
    Map<String, Boolean> specific = new HashMap<>();
    for (Mention m : mentions) {
      if (m.dropped) {
        continue;
      }
      for (String[] codeSide : m.resolved) {
        Part part = taxonomy.part(codeSide[0]).orElseThrow();
        Damage d = damage(m, part, codeSide[1]);
        Damage before = out.get(d.key());
        boolean said = m.hasDamage();
        // "damage to the tail light ... tail light cracked": a damage word beats a mere mention of damage
        boolean wins = before == null || (said && !specific.get(d.key())) || (said == specific.get(d.key()) && outranks(d, before));
        if (wins) {
          out.put(d.key(), d);
          specific.put(d.key(), said);
        }
      }
    }
    return new ArrayList<>(out.values());
  }

  private static boolean outranks(Damage a, Damage b) {
    int ra = DamageKinds.rank(a.damageType());
    int rb = DamageKinds.rank(b.damageType());
    return ra != rb ? ra > rb : DamageKinds.order(a.severity()) > DamageKinds.order(b.severity());
  }

  private static Damage damage(Mention m, Part part, String side) {
    String type = null;
    String hint = null;
    for (Token t : m.predicates) {
      if (t.kind() != Kind.DAMAGE) {
        continue;
      }
      String candidate = t.value().startsWith("impact") ? "impact" : DamageKinds.typeOn(t.value(), part, part.painted());
      if (type == null || DamageKinds.rank(candidate) > DamageKinds.rank(type)) {
        type = candidate;
        hint = DamageKinds.hint(t.value());
      } else if (candidate.equals(type)) {
        hint = DamageKinds.strongest(hint, DamageKinds.hint(t.value()));
      }
    }
    boolean noWord = type == null;
    if (type == null || "impact".equals(type)) {
      // 车窗被砸了: a smash with no other word breaks what it hits
      boolean smash = m.predicates.stream().anyMatch(t -> t.value().equals("impact:smash"));
      type = DamageKinds.typeOn(smash ? "broken" : "impact", part, part.painted());
    }
    String said = null;
    for (Token t : m.intensities) {
      said = DamageKinds.strongest(said, t.value());
    }
    if (!m.negatedIntensities.isEmpty() && said == null) {
      said = "minor";
    }
    String span = m.clauseText.substring(Math.min(m.prefixStart, m.clauseText.length()), Math.min(m.spanEnd, m.clauseText.length()));
    if ("missing".equals(type) && DamageKinds.partly(span)) {
      type = "torn";
    }
    String severity = DamageKinds.severity(type, hint, said, DamageKinds.sizeCm(span), part);
    double confidence = 0.85;
    if (m.sideDefaulted && part.perSide()) {
      confidence -= 0.3;
    }
    if (m.inherited) {
      confidence -= 0.1;
    }
    if (noWord) {
      confidence -= 0.25;
    }
    return new Damage(part.code(), side, type, severity, "text", Math.round(confidence * 100) / 100.0, null, m.clauseText);
  }
}
