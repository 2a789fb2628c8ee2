package com.carmutual.phone.call;

import com.carmutual.phone.dialogue.CallState;
import com.carmutual.phone.dialogue.Checked;
import com.carmutual.phone.dialogue.Dialogue;
import com.carmutual.phone.dialogue.Reply;
import com.carmutual.phone.script.Script;
import com.carmutual.phone.script.Scripts;
import com.carmutual.phone.twilio.TwiML;
import com.carmutual.phone.twilio.TwilioSettings;
import com.carmutual.phone.understand.ExtractInput;
import com.carmutual.phone.understand.Extraction;
import com.carmutual.phone.understand.Understanding;
import com.carmutual.shared.llmops.NodeKind;
import com.carmutual.shared.llmops.Workflows;
import com.carmutual.shared.problem.ProblemException;
import com.carmutual.shared.time.BusinessZone;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers Twilio's voice webhooks: starts a call on the first request, runs each later turn as
 * workflow {@code phone.turn} (extract, validate, dialogue) and stores it, replays the stored answer
 * for a turn already applied, and records status callbacks.
 */
@Singleton
public final class CallService {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CallService.class);
  private static final Set<String> MACHINE = Set.of("machine_start", "machine_end_beep", "machine_end_silence", "machine_end_other", "fax");

  private final CallStore store;
  private final Scripts scripts;
  private final Understanding understanding;
  private final Workflows workflows;
  private final Clock clock;
  private final BusinessZone businessZone;
  private final TwilioSettings twilio;
  private final List<CallEndHook> hooks;
  private final List<CallStatusListener> statusListeners;
  private final Transports transports;
  private final JsonMapper json;

  CallService(CallStore store, Scripts scripts, Understanding understanding, Workflows workflows, Clock clock,
      BusinessZone businessZone, TwilioSettings twilio, List<CallEndHook> hooks, List<CallStatusListener> statusListeners,
      Transports transports, JsonMapper json) {
    this.store = store;
    this.scripts = scripts;
    this.understanding = understanding;
    this.workflows = workflows;
    this.clock = clock;
    this.businessZone = businessZone;
    this.twilio = twilio;
    this.hooks = hooks;
    this.statusListeners = statusListeners;
    this.transports = transports;
    this.json = json;
  }

  /**
   * The TwiML for one webhook. {@code turn} is null on the call's first request; {@code lang},
   * {@code zone} and {@code campaign} come from the URL the call was set up with.
   */
  public String answer(String scriptName, Integer turn, String lang, String zone, String campaign, Map<String, String> params) {
    Script script = scripts.get(scriptName);
    String callSid = params.get("CallSid");
    if (callSid == null || !callSid.matches("[A-Za-z0-9]{2,64}")) {
      throw ProblemException.badRequest("missing-call-sid", "CallSid is missing or malformed");
    }
    if (turn == null) {
      return start(script, callSid, lang, zone, campaign, params);
    }
    StoredCall call = store.find(callSid).orElseThrow(() -> ProblemException.notFound("call " + callSid));
    if (!call.script().equals(script.name())) {
      throw ProblemException.badRequest("wrong-script", "call " + callSid + " runs script " + call.script());
    }
    if (turn < call.turn()) {
      return replay(callSid, turn);
    }
    if (turn > call.turn()) {
      throw new ProblemException(HttpStatus.CONFLICT, "turn-ahead",
          "call " + callSid + " expects turn " + call.turn() + ", not " + turn);
    }
    return step(script, call, turn, params);
  }

  private String start(Script script, String callSid, String lang, String zone, String campaign, Map<String, String> params) {
    if (store.find(callSid).isPresent()) {
      return replay(callSid, 0);
    }
    Instant now = clock.instant();
    String language = "zh".equals(lang) ? "zh" : "en";
    ZoneId callZone = zone(zone);
    Dialogue.Step step;
    String answeredBy = params.get("AnsweredBy");
    if (answeredBy != null && MACHINE.contains(answeredBy)) {
      step = Dialogue.voicemail(script, language, callZone, now);
    } else {
      step = Dialogue.start(script, language, callZone, now);
    }
    boolean relay = transports.relay(script.name(), params.get("To")) && !CallState.DONE.equals(step.state().pending());
    String twiml = relay
        ? TwiML.relay(step.reply(), relayUrl(script.name()) + "?lang=" + language, relayEndedUrl(script.name()))
        : TwiML.write(step.reply(), actionUrl(script.name(), 1), twilio.transferNumber());
    StoredCall call = new StoredCall(callSid, script.name(), language, initialStatus(params), step.state().outcome(),
        params.get("Direction"), params.get("From"), params.get("To"), blankToNull(campaign), answeredBy, null, 1,
        step.state(), now, now);
    if (!store.create(call, twiml)) {
      return replay(callSid, 0);
    }
    if (CallState.DONE.equals(step.state().pending())) {
      ended(call, script, step.state());
    }
    return twiml;
  }

  private String step(Script script, StoredCall call, int turn, Map<String, String> params) {
    String speech = blankToNull(params.get("SpeechResult"));
    String digits = blankToNull(params.get("Digits"));
    Double confidence = parseDouble(params.get("Confidence"));
    Dialogue.Step step = apply(script, call, turn, speech, digits, confidence,
        st -> TwiML.write(st.reply(), actionUrl(script.name(), turn + 1), twilio.transferNumber()), null);
    return step == null ? replay(call.callSid(), turn) : TwiML.write(step.reply(), actionUrl(script.name(), turn + 1), twilio.transferNumber());
  }

  /**
   * Runs one turn as workflow {@code phone.turn} (extract, validate, dialogue) and stores it with
   * what was sent ({@code render}); null when another request applied this turn first.
   */
  private Dialogue.Step apply(Script script, StoredCall call, int turn, String speech, String digits, Double confidence,
      java.util.function.Function<Dialogue.Step, String> render, java.util.function.Consumer<Reply> early) {
    Instant now = clock.instant();
    CallState state = call.state();
    TurnInput input = new TurnInput(call.callSid(), script.name(), turn, speech, digits, confidence);
    java.util.concurrent.atomic.AtomicReference<Dialogue.Step> result = new java.util.concurrent.atomic.AtomicReference<>();
    workflows.run("phone.turn", input, run -> {
      ExtractInput in = Dialogue.extractInput(script, state, speech, digits);
      // nodes record compact inputs and outputs: the slot list and the transcript would only repeat the script and the call
      Extraction x = CallState.DONE.equals(state.pending())
          ? new Extraction(List.of(), Extraction.NONE)
          : run.node("extract", NodeKind.LLM, new ExtractNodeInput(script.name(), in.expecting(), speech, digits, state.today()),
              () -> understanding.extract(in));
      Checked checked = run.node("validate", NodeKind.DETERMINISTIC, x, () -> Dialogue.validate(script, state, x));
      return run.node("dialogue", NodeKind.DETERMINISTIC, checked, () -> {
        Dialogue.Step s = Dialogue.advance(script, state, speech, digits, confidence, checked, now);
        result.set(s);
        if (early != null) {
          early.accept(s.reply()); // streamed at once; the turn is stored right after
        }
        return new DialogueNodeOutput(s.state().pending(), s.state().attempts(), s.state().outcome(), s.reply());
      });
    });
    Dialogue.Step step = result.get();
    boolean ends = !CallState.DONE.equals(state.pending()) && CallState.DONE.equals(step.state().pending());
    CallEndHook.Tx endWork = ends ? c -> runHooks(c, call, script, step.state()) : null;
    if (!store.advance(call.callSid(), turn, step.state(), render.apply(step), now, endWork)) {
      return null;
    }
    if (ends) {
      hooks.forEach(h -> h.afterCommit(call.callSid()));
    }
    return step;
  }

  /**
   * A ConversationRelay session opened for {@code callSid}: the greeting to speak when the call was
   * not started by this service's webhook (the TwiML's welcome greeting has already said it otherwise).
   */
  public Optional<Reply> relaySetup(String scriptName, String callSid, String lang, Map<String, String> params) {
    Script script = scripts.get(scriptName);
    if (store.find(callSid).isPresent()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    String language = "zh".equals(lang) ? "zh" : "en";
    Dialogue.Step step = Dialogue.start(script, language, businessZone.zone(), now);
    StoredCall call = new StoredCall(callSid, script.name(), language, "in-progress", step.state().outcome(),
        params.get("Direction"), params.get("From"), params.get("To"), null, null, null, 1, step.state(), now, now);
    return store.create(call, reply(step.reply())) ? Optional.of(step.reply()) : Optional.empty();
  }

  /**
   * One caller turn over ConversationRelay (a final transcript, or keys): {@code speak} gets the reply
   * as soon as the dialogue has it, before the turn is stored, so the first token leaves at once. If
   * another instance applied this turn first, its stored reply is spoken instead.
   */
  public void relayTurn(String callSid, String speech, String digits, java.util.function.Consumer<Reply> speak) {
    StoredCall call = store.find(callSid).orElseThrow(() -> ProblemException.notFound("call " + callSid));
    Script script = scripts.get(call.script());
    boolean[] spoken = {false};
    Dialogue.Step step = apply(script, call, call.turn(), blankToNull(speech), blankToNull(digits), null, st -> reply(st.reply()),
        r -> {
          spoken[0] = true;
          speak.accept(r);
        });
    if (step == null) {
      LOG.warn("turn {} of {} was applied elsewhere first", call.turn(), callSid);
      if (!spoken[0]) {
        store.response(callSid, call.turn()).map(this::readReply).ifPresent(speak);
      }
    }
  }

  /** Twilio's request after a ConversationRelay session ends: hand over to a person or hang up. */
  public String relayEnded(String scriptName, Map<String, String> params) {
    String callSid = params.get("CallSid");
    StoredCall call = callSid == null ? null : store.find(callSid).orElse(null);
    Reply.Action action = call != null && CallState.TRANSFERRED.equals(call.outcome()) || call != null && call.state().transferAtEnd()
        ? Reply.Action.TRANSFER : Reply.Action.HANGUP;
    String lang = call == null ? "en" : call.state().lang();
    return TwiML.write(new Reply(lang, List.of(), action, false, null, List.of()), actionUrl(scriptName, 0), twilio.transferNumber());
  }

  private String reply(Reply reply) {
    try {
      return json.writeValueAsString(reply);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Reply readReply(String text) {
    try {
      return json.readValue(text, Reply.class);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void ended(StoredCall call, Script script, CallState state) {
    store.inTx(c -> runHooks(c, call, script, state));
    hooks.forEach(h -> h.afterCommit(call.callSid()));
  }

  private void runHooks(java.sql.Connection c, StoredCall call, Script script, CallState state) throws java.sql.SQLException {
    Map<String, Object> fields = Dialogue.fields(script, state);
    for (CallEndHook h : hooks) {
      h.onEnd(c, call, script, state, fields);
    }
  }

  /**
   * Twilio's status callback, applied at most once and never backwards (see {@link CallStore#applyStatus});
   * the listeners (campaign retries) hear only a callback that was applied. A call neither answered here
   * nor placed by a campaign is unknown: refused with 404, nothing stored.
   */
  public void status(Map<String, String> params) {
    StatusCallback cb = StatusCallback.of(params);
    boolean known = store.find(cb.callSid()).isPresent() || statusListeners.stream().anyMatch(l -> l.knows(cb.callSid()));
    if (!known) {
      LOG.warn("status callback {} for unknown call {} refused", cb.status(), cb.callSid());
      throw new ProblemException(HttpStatus.NOT_FOUND, "unknown-call", "no call " + cb.callSid() + " was answered or placed here");
    }
    CallStore.StatusOutcome outcome = store.applyStatus(cb, clock.instant());
    switch (outcome) {
      case APPLIED -> statusListeners.forEach(l -> l.onStatus(cb.callSid(), cb.status(), cb.answeredBy()));
      case REPEATED -> LOG.info("status callback {} of {} repeated; nothing changed", cb.status(), cb.callSid());
      case OUT_OF_ORDER -> LOG.warn("status callback {} of {} comes after a later status; nothing changed", cb.status(), cb.callSid());
    }
  }

  private String replay(String callSid, int turn) {
    return store.response(callSid, turn)
        .orElseThrow(() -> new ProblemException(HttpStatus.CONFLICT, "turn-in-progress", "turn " + turn + " of " + callSid + " is not answered yet"));
  }

  /** The WebSocket URL of a ConversationRelay session for {@code script}. */
  public String relayUrl(String script) {
    return twilio.publicBase().replaceFirst("^http", "ws") + "/voice/relay/" + URLEncoder.encode(script, StandardCharsets.UTF_8);
  }

  private String relayEndedUrl(String script) {
    return twilio.publicBase() + "/voice/" + URLEncoder.encode(script, StandardCharsets.UTF_8) + "/relay-ended";
  }

  /** The URL Twilio posts the next answer to. */
  public String actionUrl(String script, int turn) {
    return twilio.publicBase() + "/voice/" + URLEncoder.encode(script, StandardCharsets.UTF_8) + "?turn=" + turn;
  }

  private ZoneId zone(String zone) {
    try {
      return zone == null || zone.isBlank() ? businessZone.zone() : ZoneId.of(zone);
    } catch (RuntimeException e) {
      throw ProblemException.badRequest("bad-zone", "unknown time zone: " + zone);
    }
  }

  private static String initialStatus(Map<String, String> params) {
    String s = params.get("CallStatus");
    return s == null || s.isBlank() ? "in-progress" : s;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static Double parseDouble(String s) {
    try {
      return s == null || s.isBlank() ? null : Double.valueOf(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
