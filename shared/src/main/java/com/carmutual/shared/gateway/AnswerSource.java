package com.carmutual.shared.gateway;

import java.util.Optional;

/**
 * Answers a structured call without a model, for example from a human annotation of a close
 * enough input (annotation reply). The gateway asks every source before calling any provider and
 * traces a hit with outcome {@code answered_by_source}.
 */
public interface AnswerSource {

  /** An answer for {@code task} on this input (given as JSON), if this source has one. */
  Optional<PresetAnswer> answer(String task, String inputJson);

  /** The answer as JSON of the task's output type, and where it came from (e.g. {@code annotation:<id>}). */
  record PresetAnswer(String outputJson, String source) {}
}
