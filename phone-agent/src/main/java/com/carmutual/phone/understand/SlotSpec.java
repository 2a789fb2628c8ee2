package com.carmutual.phone.understand;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * What the extractor needs to know about one slot of a script: its name, type ({@code date, time,
 * yes_no, number, score, plate, member_id, text}), range, whether "I don't know" is an answer
 * (nullable), which way dates lean ({@code past}/{@code future}), its role for free text
 * ({@code name}, {@code location}, {@code comment}), cue words and score labels, and the patterns
 * of a clause that answers a yes/no slot before it is asked ("nobody was injured" said in the description).
 */
@Serdeable
public record SlotSpec(
    String name,
    String type,
    @Nullable Double min,
    @Nullable Double max,
    boolean nullable,
    @Nullable String direction,
    @Nullable String role,
    @Nullable List<String> yesCues,
    @Nullable List<String> noCues,
    @Nullable Map<String, List<String>> labels,
    @Nullable List<String> keywords,
    @Nullable List<String> saidYes,
    @Nullable List<String> saidNo) {

  /** A slot with no volunteered-answer patterns. */
  public SlotSpec(String name, String type, @Nullable Double min, @Nullable Double max, boolean nullable,
      @Nullable String direction, @Nullable String role, @Nullable List<String> yesCues, @Nullable List<String> noCues,
      @Nullable Map<String, List<String>> labels, @Nullable List<String> keywords) {
    this(name, type, min, max, nullable, direction, role, yesCues, noCues, labels, keywords, null, null);
  }

  public List<String> yesCuesOrEmpty() {
    return yesCues == null ? List.of() : yesCues;
  }

  public List<String> noCuesOrEmpty() {
    return noCues == null ? List.of() : noCues;
  }

  public List<String> keywordsOrEmpty() {
    return keywords == null ? List.of() : keywords;
  }

  /** Patterns (regular expressions) of a clause that answers this yes/no slot with yes unasked. */
  public List<String> saidYesOrEmpty() {
    return saidYes == null ? List.of() : saidYes;
  }

  /** Patterns (regular expressions) of a clause that answers this yes/no slot with no unasked. */
  public List<String> saidNoOrEmpty() {
    return saidNo == null ? List.of() : saidNo;
  }
}
