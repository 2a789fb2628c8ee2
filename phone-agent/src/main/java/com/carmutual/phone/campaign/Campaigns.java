package com.carmutual.phone.campaign;

import com.carmutual.phone.script.Scripts;
import com.carmutual.phone.twilio.TwilioCalls;
import com.carmutual.phone.twilio.TwilioSettings;
import com.carmutual.shared.problem.Problem;
import com.carmutual.shared.problem.ProblemException;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import com.carmutual.phone.privacy.LogMask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outbound campaigns: each number is dialled through Twilio only inside 08:00-21:00 in its own time
 * zone and never when it is on the do-not-call list (checked when the campaign is created and again
 * just before each dial), with answering-machine detection and retries.
 */
@Singleton
final class Campaigns {
  private static final Logger LOG = LoggerFactory.getLogger(Campaigns.class);
  static final String PENDING = "pending";
  static final String CALLING = "calling";
  static final String DONE = "done";
  static final String SKIPPED_DNC = "skipped-dnc";
  static final String FAILED = "failed";
  static final String VOICEMAIL = "voicemail";

  private final CampaignStore store;
  private final DoNotCall doNotCall;
  private final TwilioCalls twilio;
  private final TwilioSettings settings;
  private final Clock clock;

  Campaigns(CampaignStore store, DoNotCall doNotCall, TwilioCalls twilio, TwilioSettings settings, Clock clock) {
    this.store = store;
    this.doNotCall = doNotCall;
    this.twilio = twilio;
    this.settings = settings;
    this.clock = clock;
  }

  CampaignView create(CampaignRequest request, String by) {
    if (!Scripts.NAMES.contains(request.script())) {
      throw ProblemException.invalid("unknown script", List.of(new Problem.FieldError("script", "no script called " + request.script())));
    }
    String lang = request.lang() == null || request.lang().isBlank() ? "en" : request.lang();
    if (!lang.equals("en") && !lang.equals("zh")) {
      throw ProblemException.invalid("unsupported language", List.of(new Problem.FieldError("lang", "en or zh, not " + lang)));
    }
    List<Problem.FieldError> errors = new ArrayList<>();
    Instant now = clock.instant();
    List<CampaignView.TargetView> targets = new ArrayList<>();
    for (int i = 0; i < request.numbers().size(); i++) {
      CampaignRequest.Target t = request.numbers().get(i);
      String number = PhoneNumbers.normalize(t.number());
      ZoneId zone = null;
      try {
        zone = ZoneId.of(t.timeZone());
      } catch (RuntimeException e) {
        errors.add(new Problem.FieldError("numbers[" + i + "].timeZone", "unknown time zone: " + t.timeZone()));
      }
      if (number == null) {
        errors.add(new Problem.FieldError("numbers[" + i + "].number", "not an E.164 number: " + t.number()));
      }
      if (number != null && zone != null) {
        boolean dnc = doNotCall.contains(number);
        targets.add(new CampaignView.TargetView(i, number, zone.getId(), dnc ? SKIPPED_DNC : PENDING, 0, null,
            dnc ? now : CallingWindow.nextOpening(now, zone), dnc ? "on the do-not-call list" : null));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid("the campaign has invalid numbers", errors);
    }
    CampaignStore.Campaign c = new CampaignStore.Campaign("cmp-" + UUID.randomUUID(), request.script(), lang,
        request.maxAttempts() == null ? 3 : request.maxAttempts(), request.retryMinutes() == null ? 60 : request.retryMinutes(), now);
    store.create(c, targets, by);
    return view(c.id());
  }

  CampaignView view(String id) {
    CampaignStore.Campaign c = store.find(id).orElseThrow(() -> ProblemException.notFound("campaign " + id));
    List<CampaignView.TargetView> targets = store.targets(id);
    return new CampaignView(c.id(), c.script(), c.lang(), c.maxAttempts(), c.retryMinutes(), c.createdAt(),
        store.progress(targets), targets);
  }

  /** Dials every target that is due and allowed now; returns how many calls were placed. */
  int dialDue() {
    Instant now = clock.instant();
    int placed = 0;
    for (Map.Entry<String, CampaignView.TargetView> e : store.due(now, 100)) {
      String campaignId = e.getKey();
      CampaignView.TargetView t = e.getValue();
      CampaignStore.Campaign c = store.find(campaignId).orElseThrow();
      ZoneId zone = ZoneId.of(t.timeZone());
      if (doNotCall.contains(t.number())) {
        store.move(campaignId, t.seq(), PENDING, SKIPPED_DNC, t.attempts(), null, now, "on the do-not-call list", now);
        continue;
      }
      if (!CallingWindow.open(now, zone)) {
        store.move(campaignId, t.seq(), PENDING, PENDING, t.attempts(), null, CallingWindow.nextOpening(now, zone),
            "outside the calling window", now);
        continue;
      }
      // lease the target before dialling so that two workers never call the same number twice
      if (!store.move(campaignId, t.seq(), PENDING, CALLING, t.attempts() + 1, null, now.plus(Duration.ofMinutes(30)), "dialling", now)) {
        continue;
      }
      try {
        String callSid = twilio.create(params(c, t));
        store.move(campaignId, t.seq(), CALLING, CALLING, t.attempts() + 1, callSid, now.plus(Duration.ofMinutes(30)), "placed", now);
        placed++;
      } catch (RuntimeException ex) {
        LOG.warn("campaign {} could not call target {} ({}): {}", campaignId, t.seq(), LogMask.phone(t.number()), LogMask.text(ex.getMessage()));
        retryOrFail(c, t.seq(), CALLING, t.attempts() + 1, zone, "not placed: " + ex.getMessage(), FAILED, now);
      }
    }
    return placed;
  }

  /** Schedules another attempt if any are left, else moves the target to {@code finalStatus}. */
  boolean retryOrFail(CampaignStore.Campaign c, int seq, String from, int attempts, ZoneId zone, String result,
      String finalStatus, Instant now) {
    if (attempts < c.maxAttempts()) {
      Instant next = CallingWindow.nextOpening(now.plus(Duration.ofMinutes(c.retryMinutes())), zone);
      return store.move(c.id(), seq, from, PENDING, attempts, null, next, result, now);
    }
    return store.move(c.id(), seq, from, finalStatus, attempts, null, now, result, now);
  }

  private List<Map.Entry<String, String>> params(CampaignStore.Campaign c, CampaignView.TargetView t) {
    String base = settings.publicBase();
    String url = base + "/voice/" + c.script() + "?lang=" + c.lang() + "&zone=" + URLEncoder.encode(t.timeZone(), StandardCharsets.UTF_8)
        + "&campaign=" + c.id();
    List<Map.Entry<String, String>> p = new ArrayList<>();
    p.add(Map.entry("To", t.number()));
    p.add(Map.entry("From", settings.callerId() == null ? "" : settings.callerId()));
    p.add(Map.entry("Url", url));
    p.add(Map.entry("Method", "POST"));
    p.add(Map.entry("StatusCallback", base + "/voice/callbacks/status"));
    p.add(Map.entry("StatusCallbackMethod", "POST"));
    for (String event : List.of("initiated", "ringing", "answered", "completed")) {
      p.add(Map.entry("StatusCallbackEvent", event));
    }
    p.add(Map.entry("MachineDetection", "Enable"));
    p.add(Map.entry("Timeout", "30"));
    p.add(Map.entry("Record", "true"));
    return p;
  }
}
