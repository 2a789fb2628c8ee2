package com.carmutual.phone.claims;

import com.carmutual.phone.call.CallEndHook;
import com.carmutual.phone.call.Db;
import com.carmutual.phone.call.StoredCall;
import com.carmutual.phone.dialogue.CallState;
import com.carmutual.phone.script.Script;
import com.carmutual.phone.privacy.LogMask;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The claims to file for completed {@code fnol} calls. A row is written in the same transaction as
 * the call's last turn (so no completed call is lost), delivered with the idempotency key
 * {@code phone-<CallSid>}, and retried with backoff until claims-agent accepts it. Each delivery
 * first leases its row with a conditional update, so two instances never send the same row at once.
 * A permanent refusal (see {@link ClaimFiler.ClaimRefusedException}) ends the retries: the row
 * becomes {@code rejected} with the problem in {@code last_error}, logged at ERROR for a person.
 */
@Singleton
public final class ClaimOutbox implements CallEndHook {
  private static final Logger LOG = LoggerFactory.getLogger(ClaimOutbox.class);
  private static final Duration LEASE = Duration.ofMinutes(2);
  private static final Duration MAX_BACKOFF = Duration.ofMinutes(30);

  private final Db db;
  private final ClaimFiler filer;
  private final JsonMapper json;
  private final Clock clock;
  /**
   * Delivers right after a call's last turn commits: one thread and one waiting pass at most. A pass
   * delivers every due row, so a kick that finds one already waiting is dropped, never queued.
   */
  private final ThreadPoolExecutor kicker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1), r -> {
    Thread t = new Thread(r, "phone-claim-outbox");
    t.setDaemon(true);
    return t;
  }, new ThreadPoolExecutor.DiscardPolicy());
  private final boolean deliverOnCommit;

  ClaimOutbox(Db db, ClaimFiler filer, JsonMapper json, Clock clock,
      @io.micronaut.context.annotation.Value("${phone.workers.enabled:true}") boolean deliverOnCommit) {
    this.db = db;
    this.filer = filer;
    this.json = json;
    this.clock = clock;
    this.deliverOnCommit = deliverOnCommit;
  }

  /** One outbox row. */
  public record Entry(String callSid, String status, int attempts, @Nullable String claimId, @Nullable String lastError, Instant nextAttemptAt) {}

  @Override
  public void onEnd(Connection c, StoredCall call, Script script, CallState state, Map<String, Object> fields) throws SQLException {
    if (!script.filesClaim() || !CallState.COMPLETED.equals(state.outcome())) {
      return;
    }
    boolean exists = !Db.query(c, "select 1 from phone_claim_outbox where call_sid = ?", rs -> 1, call.callSid()).isEmpty();
    if (exists) {
      return;
    }
    Instant now = clock.instant();
    Db.update(c, "insert into phone_claim_outbox (call_sid, payload, status, attempts, next_attempt_at, created_at, updated_at)"
            + " values (?, ?, 'pending', 0, ?, ?, ?)",
        call.callSid(), write(report(call, state, fields)), now, now, now);
  }

  @Override
  public void afterCommit(String callSid) {
    if (deliverOnCommit) {
      kicker.execute(this::deliverQuietly);
    }
  }

  private void deliverQuietly() {
    try {
      deliverDue();
    } catch (RuntimeException e) {
      LOG.warn("claim outbox pass failed: {}", LogMask.text(e.getMessage()));
    }
  }

  /** Passes waiting to run (at most one). */
  int waitingPasses() {
    return kicker.getQueue().size();
  }

  @PreDestroy
  void stop() {
    kicker.shutdownNow();
  }

  /** The claims-agent report built from a call's fields. */
  static Map<String, Object> report(StoredCall call, CallState state, Map<String, Object> fields) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("memberId", fields.get("member_id"));
    r.put("reporterName", fields.get("caller_name"));
    r.put("lossDate", fields.get("loss_date"));
    r.put("lossTime", fields.get("loss_time"));
    r.put("lossPlace", fields.get("loss_location"));
    r.put("description", fields.get("description"));
    r.put("injuries", fields.get("injuries"));
    r.put("policeReport", fields.get("police_report"));
    r.put("otherPartyInvolved", fields.get("other_party_involved"));
    r.put("vehicleDrivable", fields.get("vehicle_drivable"));
    r.put("plate", fields.get("plate"));
    r.put("language", state.lang());
    r.put("source", "phone");
    r.put("callSid", call.callSid());
    r.values().removeIf(java.util.Objects::isNull);
    return r;
  }

  /** Delivers every row that is due; returns how many were accepted. */
  public synchronized int deliverDue() {
    Instant now = clock.instant();
    List<String[]> due = db.query(
        "select call_sid, status, next_attempt_at from phone_claim_outbox where status in ('pending', 'sending')"
            + " and next_attempt_at <= ? order by next_attempt_at limit 50",
        rs -> new String[] {rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant().toString()}, now);
    int filed = 0;
    for (String[] row : due) {
      String callSid = row[0];
      int leased = db.update("update phone_claim_outbox set status = 'sending', next_attempt_at = ?, updated_at = ?"
              + " where call_sid = ? and status = ? and next_attempt_at = ?",
          now.plus(LEASE), now, callSid, row[1], Instant.parse(row[2]));
      if (leased == 0) {
        continue; // another instance took it
      }
      String payload = db.query("select payload from phone_claim_outbox where call_sid = ?", rs -> rs.getString(1), callSid).get(0);
      int attempts = db.query("select attempts from phone_claim_outbox where call_sid = ?", rs -> rs.getInt(1), callSid).get(0) + 1;
      try {
        String claimId = filer.file("phone-" + callSid, read(payload));
        db.update("update phone_claim_outbox set status = 'filed', attempts = ?, claim_id = ?, last_error = null, updated_at = ?"
            + " where call_sid = ?", attempts, claimId, clock.instant(), callSid);
        filed++;
        LOG.info("filed claim {} for call {} after {} attempt(s)", claimId, callSid, attempts);
      } catch (ClaimFiler.ClaimRefusedException e) {
        db.update("update phone_claim_outbox set status = 'rejected', attempts = ?, last_error = ?, updated_at = ? where call_sid = ?",
            attempts, e.getMessage(), clock.instant(), callSid);
        LOG.error("claim for call {} REJECTED by claims-agent (HTTP {}), not retried; needs a person: {}", callSid, e.status(),
            LogMask.text(e.getMessage()));
      } catch (RuntimeException e) {
        Duration backoff = Duration.ofSeconds(Math.min(MAX_BACKOFF.toSeconds(), 30L << Math.min(attempts - 1, 10)));
        db.update("update phone_claim_outbox set status = 'pending', attempts = ?, last_error = ?, next_attempt_at = ?,"
            + " updated_at = ? where call_sid = ?", attempts, e.getMessage(), clock.instant().plus(backoff), clock.instant(), callSid);
        LOG.warn("claim for call {} not filed (attempt {}), retrying in {}: {}", callSid, attempts, backoff, LogMask.text(e.getMessage()));
      }
    }
    return filed;
  }

  public Optional<Entry> find(String callSid) {
    return db.query("select * from phone_claim_outbox where call_sid = ?",
        rs -> new Entry(rs.getString("call_sid"), rs.getString("status"), rs.getInt("attempts"), rs.getString("claim_id"),
            rs.getString("last_error"), Db.instant(rs, "next_attempt_at")), callSid).stream().findFirst();
  }

  private String write(Map<String, Object> report) {
    try {
      return new String(json.writeValueAsBytes(report), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> read(String payload) {
    try {
      return json.readValue(payload, Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
