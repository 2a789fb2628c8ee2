package com.carmutual.phone.call;

/** Told about every status callback (campaigns retry busy and unanswered numbers). */
public interface CallStatusListener {
  /** A status callback of {@code callSid} was applied (each one once, in order). */
  void onStatus(String callSid, String callStatus, String answeredBy);

  /** True when this listener placed {@code callSid} (a call that may end before any webhook reached the service). */
  default boolean knows(String callSid) {
    return false;
  }
}
