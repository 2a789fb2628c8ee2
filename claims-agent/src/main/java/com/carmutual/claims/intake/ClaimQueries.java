package com.carmutual.claims.intake;

import com.carmutual.claims.photo.KnownPhoto;
import com.carmutual.claims.photo.PhotoFacts;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reads that must not scan whole tables: photos of other claims that may duplicate new ones
 * (by SHA-256 and by each 16-bit quarter of the dHash, all indexed, at most {@code limit} rows),
 * and the adjusters' queue (status and flag code filtered, ordered and paged in SQL on indexes).
 * The SQL is assembled only from fixed fragments; every value is a parameter.
 */
@Singleton
class ClaimQueries {
  /** Queue orders by their API name; the tie-break on id makes pages stable. */
  static final Map<String, String> ORDERS =
      Map.of(
          "newest", "c.created_at desc, c.id desc",
          "oldest", "c.created_at asc, c.id asc",
          "total", "c.estimate_total desc nulls last, c.id asc",
          "flags", "c.flag_count desc, c.created_at desc, c.id desc");

  private final JdbcOperations jdbc;
  private final TransactionOperations<Connection> tx;

  ClaimQueries(JdbcOperations jdbc, TransactionOperations<Connection> tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  /**
   * Stored photos that are byte-identical to one of {@code photos} or share a dHash quarter with
   * one: every pair within 3 bits is found (four quarters, so at least one is unchanged), and most
   * closer re-saves and resizes besides; {@link com.carmutual.claims.photo.PhotoChecks} then
   * measures the real distance.
   */
  List<KnownPhoto> candidates(List<PhotoFacts> photos, int limit) {
    Set<String> shas = new LinkedHashSet<>();
    List<Set<String>> quarters = List.of(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>());
    for (PhotoFacts p : photos) {
      shas.add(p.sha256());
      if (p.dhash() != null) {
        for (int q = 0; q < 4; q++) {
          quarters.get(q).add(quarter(p.dhash(), q));
        }
      }
    }
    if (shas.isEmpty()) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder("select claim_id, file_name, sha256, dhash from claim_photos where sha256 in (").append(marks(shas.size())).append(')');
    List<String> args = new ArrayList<>(shas);
    for (int q = 0; q < 4; q++) {
      if (!quarters.get(q).isEmpty()) {
        sql.append(" or dhash_q").append(q).append(" in (").append(marks(quarters.get(q).size())).append(')');
        args.addAll(quarters.get(q));
      }
    }
    sql.append(" order by created_at desc limit ?");
    return tx.executeRead(status -> jdbc.prepareStatement(sql.toString(), ps -> {
      int i = bind(ps, args);
      ps.setInt(i, limit);
      List<KnownPhoto> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new KnownPhoto(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        }
      }
      return out;
    }));
  }

  /** One page of the queue; {@code sort} must be a key of {@link #ORDERS}. */
  List<ClaimRow> queue(String status, String flag, String sort, int limit, int offset) {
    StringBuilder sql = new StringBuilder("select c.* from claims c");
    List<String> args = new ArrayList<>();
    if (flag != null) {
      sql.append(" join claim_flag_codes f on f.claim_id = c.id and f.code = ?");
      args.add(flag);
    }
    if (status != null) {
      sql.append(" where c.status = ?");
      args.add(status);
    }
    sql.append(" order by ").append(ORDERS.get(sort)).append(" limit ? offset ?");
    return tx.executeRead(s -> jdbc.prepareStatement(sql.toString(), ps -> {
      int i = bind(ps, args);
      ps.setInt(i, limit);
      ps.setInt(i + 1, offset);
      try (ResultSet rs = ps.executeQuery()) {
        return jdbc.entityStream(rs, ClaimRow.class).toList();
      }
    }));
  }

  /** Replaces the claim's indexed flag codes (inside the caller's transaction). */
  void replaceFlagCodes(String claimId, Set<String> codes) {
    jdbc.prepareStatement("delete from claim_flag_codes where claim_id = ?", ps -> {
      ps.setString(1, claimId);
      return ps.executeUpdate();
    });
    if (codes.isEmpty()) {
      return;
    }
    jdbc.prepareStatement("insert into claim_flag_codes (claim_id, code) values (?, ?)", ps -> {
      for (String code : codes) {
        ps.setString(1, claimId);
        ps.setString(2, code);
        ps.addBatch();
      }
      return ps.executeBatch();
    });
  }

  /** Quarter {@code q} (0-3) of a 16-hex-digit dHash, as stored in column {@code dhash_q<q>}. */
  static String quarter(String dhash, int q) {
    return dhash.substring(4 * q, 4 * q + 4);
  }

  private static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  private static int bind(PreparedStatement ps, List<String> args) throws SQLException {
    int i = 1;
    for (String a : args) {
      ps.setString(i++, a);
    }
    return i;
  }
}
