package com.carmutual.vin.match;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The match as the eval set's {@code expected} is shaped: decision and ranked catalog ids. */
@Serdeable
record EvalOutput(String decision, List<String> catalogIds) {
  static EvalOutput of(MatchResult r) {
    return new EvalOutput(r.decision(), r.candidates().stream().filter(MatchResult.Candidate::fits)
        .map(MatchResult.Candidate::catalogId).toList());
  }
}
