package com.carmutual.phone.call;

import com.carmutual.phone.dialogue.CallState;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Calls by CallSid in the database, so that any instance can answer any turn. A turn is applied
 * with a conditional update on the turn counter and its TwiML stored in the same transaction, so a
 * duplicate or concurrent webhook for the same turn gets the stored answer and changes nothing.
 */
@Singleton
public final class CallStore {
  private final Db db;
  private final JsonMapper json;

  CallStore(Db db, JsonMapper json) {
    this.db = db;
    this.json = json;
  }

  public Optional<StoredCall> find(String callSid) {
    return db.query("select * from phone_call where call_sid = ?", this::row, callSid).stream().findFirst();
  }

  /** Stores a new call and its first answer (turn 0); false if the call already exists. */
  public boolean create(StoredCall call, String twiml) {
    try {
      return db.tx(c -> {
        Db.update(c, "insert into phone_call (call_sid, script, lang, status, outcome, direction, from_number, to_number,"
                + " campaign_id, answered_by, duration_seconds, turn, state, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            call.callSid(), call.script(), call.lang(), call.status(), call.outcome(), call.direction(), call.from(),
            call.to(), call.campaignId(), call.answeredBy(), call.durationSeconds(), call.turn(), write(call.state()),
            call.createdAt(), call.updatedAt());
        Db.update(c, "insert into phone_call_response (call_sid, turn, twiml, created_at) values (?, ?, ?, ?)",
            call.callSid(), 0, twiml, call.createdAt());
        return true;
      });
    } catch (Db.DbException e) {
      if (e.duplicateKey()) {
        return false;
      }
      throw e;
    }
  }

  /** The answer given to {@code turn} of the call, if that turn was answered. */
  public Optional<String> response(String callSid, int turn) {
    return db.query("select twiml from phone_call_response where call_sid = ? and turn = ?",
        rs -> rs.getString(1), callSid, turn).stream().findFirst();
  }

  /**
   * Applies turn {@code turn}: stores the new state and the answer if the call still expects that
   * turn. False when another request applied it first (the caller then replays the stored answer).
   */
  public boolean advance(String callSid, int turn, CallState state, String twiml, Instant now, CallEndHook.Tx alsoInTx) {
    try {
      return db.tx(c -> {
        int n = Db.update(c, "update phone_call set turn = ?, state = ?, outcome = ?, lang = ?, updated_at = ?"
                + " where call_sid = ? and turn = ?",
            turn + 1, write(state), state.outcome(), state.lang(), now, callSid, turn);
        if (n == 0) {
          return false;
        }
        Db.update(c, "insert into phone_call_response (call_sid, turn, twiml, created_at) values (?, ?, ?, ?)",
            callSid, turn, twiml, now);
        if (alsoInTx != null) {
          alsoInTx.run(c);
        }
        return true;
      });
    } catch (Db.DbException e) {
      if (e.duplicateKey()) {
        return false;
      }
      throw e;
    }
  }

  /** Runs {@code work} in one transaction. */
  public void inTx(CallEndHook.Tx work) {
    db.tx(c -> {
      work.run(c);
      return null;
    });
  }

  /** Replaces the dialogue state without a turn (people's transcript corrections). */
  public void replaceState(String callSid, CallState state, Instant now) {
    db.update("update phone_call set state = ?, outcome = ?, updated_at = ? where call_sid = ?",
        write(state), state.outcome(), now, callSid);
  }

  /** What became of a status callback. */
  enum StatusOutcome {
    /** Stored, and the call record updated. */
    APPLIED,
    /** The same callback (CallSid, CallStatus, sequence) was applied before: nothing changed. */
    REPEATED,
    /** An earlier status than one already applied, or anything after the call ended: nothing changed. */
    OUT_OF_ORDER
  }

  /**
   * Applies a status callback at most once and never backwards: in one transaction (the call's row
   * locked) it is recorded under its key and the call's status, duration and answering-machine verdict
   * updated as far as given.
   */
  StatusOutcome applyStatus(StatusCallback cb, Instant now) {
    try {
      return db.tx(c -> {
        List<String> statuses = new java.util.ArrayList<>(
            Db.query(c, "select status from phone_call where call_sid = ? for update", rs -> rs.getString(1), cb.callSid()));
        boolean repeated = !Db.query(c, "select 1 from phone_call_status_event where call_sid = ? and call_status = ? and event_key = ?",
            rs -> 1, cb.callSid(), cb.status(), cb.eventKey()).isEmpty();
        if (repeated) {
          return StatusOutcome.REPEATED;
        }
        statuses.addAll(Db.query(c, "select call_status from phone_call_status_event where call_sid = ?", rs -> rs.getString(1), cb.callSid()));
        int highest = statuses.stream().mapToInt(StatusCallback::rank).max().orElse(-1);
        boolean ended = statuses.stream().anyMatch(StatusCallback::isFinal);
        if (ended || StatusCallback.rank(cb.status()) < highest) {
          return StatusOutcome.OUT_OF_ORDER;
        }
        Db.update(c, "insert into phone_call_status_event (call_sid, call_status, event_key, duration_seconds, answered_by, received_at)"
            + " values (?, ?, ?, ?, ?, ?)", cb.callSid(), cb.status(), cb.eventKey(), cb.durationSeconds(), cb.answeredBy(), now);
        Db.update(c, "update phone_call set status = ?, duration_seconds = coalesce(?, duration_seconds),"
                + " answered_by = coalesce(?, answered_by), updated_at = ? where call_sid = ?",
            cb.status(), cb.durationSeconds(), cb.answeredBy(), now, cb.callSid());
        return StatusOutcome.APPLIED;
      });
    } catch (Db.DbException e) {
      if (e.duplicateKey()) {
        return StatusOutcome.REPEATED; // the same callback, applied by a concurrent request
      }
      throw e;
    }
  }

  public List<StoredCall> recent(int limit) {
    return db.query("select * from phone_call order by created_at desc limit ?", this::row, limit);
  }

  private StoredCall row(ResultSet rs) throws SQLException {
    int duration = rs.getInt("duration_seconds");
    Integer durationOrNull = rs.wasNull() ? null : duration;
    return new StoredCall(
        rs.getString("call_sid"), rs.getString("script"), rs.getString("lang"), rs.getString("status"),
        rs.getString("outcome"), rs.getString("direction"), rs.getString("from_number"), rs.getString("to_number"),
        rs.getString("campaign_id"), rs.getString("answered_by"), durationOrNull, rs.getInt("turn"),
        read(rs.getString("state")), Db.instant(rs, "created_at"), Db.instant(rs, "updated_at"));
  }

  String write(CallState state) {
    try {
      return new String(json.writeValueAsBytes(state), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  CallState read(String text) {
    try {
      return json.readValue(text, CallState.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
