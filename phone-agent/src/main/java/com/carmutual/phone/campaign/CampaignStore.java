package com.carmutual.phone.campaign;

import com.carmutual.phone.call.Db;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Campaigns and their targets in the database. */
@Singleton
final class CampaignStore {
  private final Db db;

  CampaignStore(Db db) {
    this.db = db;
  }

  record Campaign(String id, String script, String lang, int maxAttempts, int retryMinutes, Instant createdAt) {}

  void create(Campaign c, List<CampaignView.TargetView> targets, String by) {
    db.tx(conn -> {
      Db.update(conn, "insert into phone_campaign (id, script, lang, max_attempts, retry_minutes, created_by, created_at)"
          + " values (?, ?, ?, ?, ?, ?, ?)", c.id(), c.script(), c.lang(), c.maxAttempts(), c.retryMinutes(), by, c.createdAt());
      for (CampaignView.TargetView t : targets) {
        Db.update(conn, "insert into phone_campaign_target (campaign_id, seq, number, time_zone, status, attempts, call_sid,"
                + " next_attempt_at, last_result, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            c.id(), t.seq(), t.number(), t.timeZone(), t.status(), t.attempts(), t.callSid(), t.nextAttemptAt(),
            t.lastResult(), c.createdAt());
      }
      return null;
    });
  }

  Optional<Campaign> find(String id) {
    return db.query("select * from phone_campaign where id = ?", rs -> new Campaign(rs.getString("id"), rs.getString("script"),
        rs.getString("lang"), rs.getInt("max_attempts"), rs.getInt("retry_minutes"), Db.instant(rs, "created_at")), id)
        .stream().findFirst();
  }

  List<CampaignView.TargetView> targets(String id) {
    return db.query("select * from phone_campaign_target where campaign_id = ? order by seq", CampaignStore::target, id);
  }

  /** Targets whose next attempt is due, oldest first. */
  List<Map.Entry<String, CampaignView.TargetView>> due(Instant now, int limit) {
    return db.query("select * from phone_campaign_target where status = 'pending' and next_attempt_at <= ?"
        + " order by next_attempt_at, campaign_id, seq limit ?", rs -> Map.entry(rs.getString("campaign_id"), target(rs)), now, limit);
  }

  /** Moves a target from {@code fromStatus}; false if another worker moved it first. */
  boolean move(String campaignId, int seq, String fromStatus, String toStatus, int attempts, String callSid,
      Instant nextAttemptAt, String lastResult, Instant now) {
    return db.update("update phone_campaign_target set status = ?, attempts = ?, call_sid = coalesce(?, call_sid),"
            + " next_attempt_at = ?, last_result = ?, updated_at = ? where campaign_id = ? and seq = ? and status = ?",
        toStatus, attempts, callSid, nextAttemptAt, lastResult, now, campaignId, seq, fromStatus) == 1;
  }

  /** The campaign target that placed {@code callSid}, with its campaign. */
  Optional<Map.Entry<Campaign, CampaignView.TargetView>> byCall(Connection c, String callSid) throws SQLException {
    List<Map.Entry<String, CampaignView.TargetView>> rows = Db.query(c,
        "select * from phone_campaign_target where call_sid = ?", rs -> Map.entry(rs.getString("campaign_id"), target(rs)), callSid);
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Campaign camp = Db.query(c, "select * from phone_campaign where id = ?", rs -> new Campaign(rs.getString("id"),
        rs.getString("script"), rs.getString("lang"), rs.getInt("max_attempts"), rs.getInt("retry_minutes"),
        Db.instant(rs, "created_at")), rows.get(0).getKey()).get(0);
    return Optional.of(Map.entry(camp, rows.get(0).getValue()));
  }

  Map<String, Integer> progress(List<CampaignView.TargetView> targets) {
    Map<String, Integer> out = new LinkedHashMap<>();
    out.put("total", targets.size());
    for (CampaignView.TargetView t : targets) {
      out.merge(t.status(), 1, Integer::sum);
    }
    return out;
  }

  Db db() {
    return db;
  }

  private static CampaignView.TargetView target(java.sql.ResultSet rs) throws SQLException {
    return new CampaignView.TargetView(rs.getInt("seq"), rs.getString("number"), rs.getString("time_zone"), rs.getString("status"),
        rs.getInt("attempts"), rs.getString("call_sid"), Db.instant(rs, "next_attempt_at"), rs.getString("last_result"));
  }
}
