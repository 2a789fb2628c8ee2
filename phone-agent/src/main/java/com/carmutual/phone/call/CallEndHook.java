package com.carmutual.phone.call;

import com.carmutual.phone.dialogue.CallState;
import com.carmutual.phone.script.Script;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * Work that must happen in the same transaction as the turn that ends a call (queueing the claim,
 * marking the campaign target), so a call can never end without it, nor do it twice.
 */
public interface CallEndHook {
  void onEnd(Connection c, StoredCall call, Script script, CallState state, Map<String, Object> fields)
      throws SQLException;

  /** Called once the ending turn has committed, e.g. to start delivery at once rather than on the next poll. */
  default void afterCommit(String callSid) {}

  /** Work on the turn's open transaction. */
  @FunctionalInterface
  interface Tx {
    void run(Connection c) throws SQLException;
  }
}
