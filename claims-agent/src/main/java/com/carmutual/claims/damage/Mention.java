package com.carmutual.claims.damage;

import com.carmutual.claims.damage.Tokenizer.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * One mention of a part in a clause, with what the grammar attached to it: the modifiers in front
 * of it (possibly coordinated: "front and rear", "LF and RF"), the side or position said after it,
 * its damage words and intensities, and whether it is negated, doubted, the other vehicle's, or
 * only a landmark for another part ("the handle" in "a crease beside the handle").
 */
final class Mention {
  /** A coordinated modifier group in front of a part: "left front", "both rear". */
  record Slot(String side, String pos, boolean both, boolean all) {}

  final Token part;
  final int clauseIndex;
  final String clauseText;
  String value;
  String impliedPos;
  final List<Slot> slots = new ArrayList<>();
  int prefixStart;
  String postSide;
  String postPos;
  boolean postBoth;
  boolean thatSide;
  final List<Token> predicates = new ArrayList<>();
  final List<Token> negatedPredicates = new ArrayList<>();
  final List<Token> intensities = new ArrayList<>();
  final List<Token> negatedIntensities = new ArrayList<>();
  int spanEnd;
  boolean negatedPart;
  boolean doubted;
  boolean otherVehicle;
  boolean locative;
  boolean landmark;
  boolean inherited;
  boolean dropped;
  /** Resolved part codes with their sides, filled by the reader. */
  final List<String[]> resolved = new ArrayList<>();
  boolean sideDefaulted;

  Mention(Token part, int clauseIndex, String clauseText) {
    this.part = part;
    this.clauseIndex = clauseIndex;
    this.clauseText = clauseText;
    this.value = part.value();
    this.impliedPos = part.hint();
    this.prefixStart = part.start();
    this.spanEnd = part.end();
  }

  boolean hasDamage() {
    return predicates.stream().anyMatch(t -> t.kind() == Lexicon.Kind.DAMAGE && !"impact".equals(t.value()));
  }

  boolean hasPredicate() {
    return !predicates.isEmpty() || !negatedPredicates.isEmpty();
  }

  /** True when everything said of the part denies damage ("is fine", "no dents", "still works"). */
  boolean denied() {
    boolean positive = predicates.stream().anyMatch(t -> t.kind() == Lexicon.Kind.DAMAGE);
    return !positive && (negatedPart || !negatedPredicates.isEmpty());
  }

  boolean ownSideFromSlots() {
    return slots.stream().anyMatch(s -> s.side() != null);
  }

  boolean ownSide() {
    return postSide != null || postBoth || thatSide || slots.stream().anyMatch(s -> s.side() != null || s.both() || s.all());
  }

  boolean ownPos() {
    return postPos != null || impliedPos != null || slots.stream().anyMatch(s -> s.pos() != null);
  }
}
