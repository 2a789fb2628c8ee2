package com.carmutual.vin.match;

import com.carmutual.vin.decode.DecodedVin;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The catalog match of one VIN.
 *
 * @param decision {@code auto} (one row fits), {@code review} (several fit: a person or the hint
 *     must choose), {@code no_match} (the vehicle is not in the catalog)
 * @param confidence the probability that the decision is right: for {@code auto} the top row's, for
 *     {@code review} that the rows listed hold the vehicle, for {@code no_match} that no row can be it
 * @param candidates best first; the rows that fit come before those with conflicts
 * @param tellApart for {@code review}: each attribute on which the remaining rows differ, with
 *     their values ({@code trim: LX | SPORT}), what a person or a better hint must settle
 * @param runId the stored workflow run
 */
@Serdeable
public record MatchResult(
    String vin,
    String decision,
    double confidence,
    List<Candidate> candidates,
    DecodedVin decoded,
    List<String> notes,
    List<String> tellApart,
    @Nullable String runId) {

  /**
   * One catalog row and why it was ranked so.
   *
   * @param confidence the probability that the vehicle can be this row (fitted, see {@code
   *     MatchProbability})
   * @param fits true when the row remains: the evidence does not rule it out
   * @param reasons which attributes agreed ({@code +}) or conflicted ({@code -})
   */
  @Serdeable
  public record Candidate(String catalogId, String description, double score, double confidence, boolean fits,
      List<String> reasons) {}
}
