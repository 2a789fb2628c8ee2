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
 * @param candidates best first; the rows that fit come before those with conflicts
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
    @Nullable String runId) {

  /**
   * One catalog row and why it was ranked so.
   *
   * @param fits true when the row agrees with everything the VIN and hint tell
   * @param reasons which attributes agreed ({@code +}) or conflicted ({@code -})
   */
  @Serdeable
  public record Candidate(String catalogId, String description, double score, double confidence, boolean fits,
      List<String> reasons) {}
}
