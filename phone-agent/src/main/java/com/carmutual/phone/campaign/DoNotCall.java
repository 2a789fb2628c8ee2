package com.carmutual.phone.campaign;

import com.carmutual.phone.call.Db;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/** The company's do-not-call list: numbers never dialled by any campaign. */
@Singleton
final class DoNotCall {
  private final Db db;
  private final Clock clock;

  DoNotCall(Db db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Adds {@code number} (already normalised); false if it was on the list. */
  boolean add(String number, String reason, String by) {
    if (contains(number)) {
      return false;
    }
    try {
      db.update("insert into phone_do_not_call (number, reason, added_by, added_at) values (?, ?, ?, ?)",
          number, reason, by, clock.instant());
      return true;
    } catch (Db.DbException e) {
      if (e.duplicateKey()) {
        return false;
      }
      throw e;
    }
  }

  boolean contains(String number) {
    return !db.query("select 1 from phone_do_not_call where number = ?", rs -> 1, number).isEmpty();
  }

  List<DoNotCallEntry> list() {
    return db.query("select number, reason, added_by, added_at from phone_do_not_call order by added_at, number",
        rs -> new DoNotCallEntry(rs.getString(1), rs.getString(2), rs.getString(3), Db.instant(rs, "added_at")));
  }
}
