package com.carmutual.phone.call;

import com.carmutual.phone.dialogue.CallState;
import com.carmutual.phone.dialogue.Dialogue;
import com.carmutual.phone.script.Script;
import com.carmutual.phone.script.Scripts;
import com.carmutual.shared.llmops.Annotations;
import com.carmutual.shared.problem.Problem;
import com.carmutual.shared.problem.ProblemException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * People's fixes to what a call captured: each field is checked against its slot's rules, the call
 * is updated, and the fix is recorded as an annotation of task {@code phone.extract} for evaluation.
 */
@Singleton
public final class Corrections {
  private final CallStore store;
  private final Scripts scripts;
  private final Annotations annotations;
  private final Clock clock;

  Corrections(CallStore store, Scripts scripts, Annotations annotations, Clock clock) {
    this.store = store;
    this.scripts = scripts;
    this.annotations = annotations;
    this.clock = clock;
  }

  /** Applies {@code fields} (canonical names, JSON values; null clears) and returns the updated call. */
  public StoredCall correct(String callSid, Map<String, Object> fields, String comment, String author) {
    StoredCall call = store.find(callSid).orElseThrow(() -> ProblemException.notFound("call " + callSid));
    Script script = scripts.get(call.script());
    CallState s = call.state();
    Map<String, String> values = new HashMap<>(s.values());
    List<String> filled = new ArrayList<>(s.filled());
    List<Problem.FieldError> errors = new ArrayList<>();
    for (Map.Entry<String, Object> e : fields.entrySet()) {
      Script.Slot slot = script.slot(e.getKey());
      String canonical = e.getValue() == null ? null : canonical(e.getValue());
      if (slot == null) {
        errors.add(new Problem.FieldError("fields." + e.getKey(), "not a field of script " + script.name()));
      } else if (!Dialogue.valid(slot.spec(), canonical, java.time.LocalDate.parse(s.today()))) {
        errors.add(new Problem.FieldError("fields." + e.getKey(), "not a valid " + slot.spec().type() + ": " + e.getValue()));
      } else {
        if (canonical == null) {
          values.remove(e.getKey());
        } else {
          values.put(e.getKey(), canonical);
        }
        if (!filled.contains(e.getKey())) {
          filled.add(e.getKey());
        }
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid("the correction has invalid fields", errors);
    }
    CallState corrected = new CallState(s.script(), s.lang(), s.zone(), s.today(), Map.copyOf(values), List.copyOf(filled),
        s.pending(), s.attempts(), s.dtmf(), s.outcome(), s.transferAtEnd(), s.transcript());
    Map<String, Object> before = Dialogue.fields(script, s);
    Map<String, Object> after = Dialogue.fields(script, corrected);
    store.replaceState(callSid, corrected, clock.instant());
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("callSid", callSid);
    input.put("script", script.name());
    input.put("transcript", s.transcript());
    annotations.record(new Annotations.Annotation("phone.extract", input, before, after, false, comment, author, null));
    return store.find(callSid).orElseThrow();
  }

  private static String canonical(Object v) {
    if (v instanceof Number n) {
      double d = n.doubleValue();
      return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
    return v.toString().trim();
  }
}
