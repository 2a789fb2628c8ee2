package com.carmutual.phone.campaign;

import com.carmutual.phone.call.CallEndHook;
import com.carmutual.phone.call.CallStatusListener;
import com.carmutual.phone.call.StoredCall;
import com.carmutual.phone.dialogue.CallState;
import com.carmutual.phone.script.Script;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/**
 * Moves campaign targets on from what happened to their calls: a finished dialogue is done, an
 * answering machine, busy line or no answer is retried while attempts remain.
 */
@Singleton
final class CampaignOutcomes implements CallEndHook, CallStatusListener {
  private static final Set<String> NOT_REACHED = Set.of("busy", "no-answer", "failed", "canceled");

  private final CampaignStore store;
  private final Clock clock;

  CampaignOutcomes(CampaignStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  @Override
  public void onEnd(Connection c, StoredCall call, Script script, CallState state, Map<String, Object> fields) throws SQLException {
    var found = store.byCall(c, call.callSid());
    if (found.isEmpty()) {
      return;
    }
    var camp = found.get().getKey();
    var t = found.get().getValue();
    Instant now = clock.instant();
    if (CallState.VOICEMAIL.equals(state.outcome())) {
      retryIn(c, camp, t, "answering machine", VOICEMAIL_FINAL, now);
      return;
    }
    Db.moveIn(c, camp.id(), t.seq(), Campaigns.CALLING, Campaigns.DONE, t.attempts(), now, state.outcome(), now);
  }

  private static final String VOICEMAIL_FINAL = Campaigns.VOICEMAIL;

  private void retryIn(Connection c, CampaignStore.Campaign camp, CampaignView.TargetView t, String result, String finalStatus, Instant now)
      throws SQLException {
    ZoneId zone = ZoneId.of(t.timeZone());
    if (t.attempts() < camp.maxAttempts()) {
      Instant next = CallingWindow.nextOpening(now.plusSeconds(60L * camp.retryMinutes()), zone);
      Db.moveIn(c, camp.id(), t.seq(), Campaigns.CALLING, Campaigns.PENDING, t.attempts(), next, result, now);
    } else {
      Db.moveIn(c, camp.id(), t.seq(), Campaigns.CALLING, finalStatus, t.attempts(), now, result, now);
    }
  }

  @Override
  public boolean knows(String callSid) {
    return store.db().tx(c -> store.byCall(c, callSid).isPresent());
  }

  @Override
  public void onStatus(String callSid, String callStatus, String answeredBy) {
    if (callStatus == null || !NOT_REACHED.contains(callStatus)) {
      return;
    }
    store.db().tx(c -> {
      var found = store.byCall(c, callSid);
      if (found.isPresent() && Campaigns.CALLING.equals(found.get().getValue().status())) {
        retryIn(c, found.get().getKey(), found.get().getValue(), callStatus, Campaigns.FAILED, clock.instant());
      }
      return null;
    });
  }

  /** Target moves on an open connection. */
  private static final class Db {
    static void moveIn(Connection c, String campaignId, int seq, String from, String to, int attempts, Instant next, String result,
        Instant now) throws SQLException {
      com.carmutual.phone.call.Db.update(c, "update phone_campaign_target set status = ?, attempts = ?, next_attempt_at = ?,"
              + " last_result = ?, updated_at = ? where campaign_id = ? and seq = ? and status = ?",
          to, attempts, next, result, now, campaignId, seq, from);
    }
  }
}
