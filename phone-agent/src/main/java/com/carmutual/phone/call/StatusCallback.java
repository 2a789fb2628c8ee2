package com.carmutual.phone.call;

import com.carmutual.shared.problem.Problem;
import com.carmutual.shared.problem.ProblemException;
import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * One Twilio status callback, checked. {@code eventKey} identifies it among the callbacks of the same
 * call and status: Twilio's {@code SequenceNumber}, else its {@code Timestamp}, else empty.
 */
record StatusCallback(String callSid, String status, String eventKey, @Nullable Integer durationSeconds, @Nullable String answeredBy) {
  /** Twilio's call statuses in the order a call goes through them; the last five all end a call. */
  private static final List<String> ORDER = List.of("queued", "initiated", "ringing", "in-progress");
  private static final List<String> FINAL = List.of("completed", "busy", "no-answer", "canceled", "failed");

  static StatusCallback of(Map<String, String> params) {
    String callSid = params.get("CallSid");
    if (callSid == null || !callSid.matches("[A-Za-z0-9]{2,64}")) {
      throw ProblemException.badRequest("missing-call-sid", "CallSid is missing or malformed");
    }
    String status = blankToNull(params.get("CallStatus"));
    if (status == null || rank(status) < 0) {
      throw ProblemException.invalid("not a Twilio call status",
          List.of(new Problem.FieldError("CallStatus", "not one of " + ORDER + " or " + FINAL + ": " + cut(status))));
    }
    String sequence = blankToNull(params.get("SequenceNumber"));
    String timestamp = blankToNull(params.get("Timestamp"));
    if (sequence != null && !sequence.matches("\\d{1,9}")) {
      throw ProblemException.invalid("bad SequenceNumber", List.of(new Problem.FieldError("SequenceNumber", "not a number: " + cut(sequence))));
    }
    if (timestamp != null && timestamp.length() > 64) {
      throw ProblemException.invalid("bad Timestamp", List.of(new Problem.FieldError("Timestamp", "longer than 64 characters")));
    }
    String duration = blankToNull(params.get("CallDuration"));
    if (duration != null && !duration.trim().matches("\\d{1,7}")) {
      throw ProblemException.invalid("bad CallDuration", List.of(new Problem.FieldError("CallDuration", "not a number of seconds: " + cut(duration))));
    }
    String answeredBy = blankToNull(params.get("AnsweredBy"));
    if (answeredBy != null && answeredBy.length() > 32) {
      throw ProblemException.invalid("bad AnsweredBy", List.of(new Problem.FieldError("AnsweredBy", "longer than 32 characters")));
    }
    return new StatusCallback(callSid, status, sequence != null ? "seq:" + sequence : timestamp != null ? "ts:" + timestamp : "",
        duration == null ? null : Integer.valueOf(duration.trim()), answeredBy);
  }

  /**
   * Where {@code status} stands in a call's life: queued 0 … in-progress 3, every final status 4; -1 for
   * what is not a Twilio status.
   */
  static int rank(@Nullable String status) {
    if (status == null) {
      return -1;
    }
    int i = ORDER.indexOf(status);
    return i >= 0 ? i : FINAL.contains(status) ? ORDER.size() : -1;
  }

  static boolean isFinal(@Nullable String status) {
    return FINAL.contains(status);
  }

  private static String cut(String s) {
    return s == null ? "nothing" : s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
