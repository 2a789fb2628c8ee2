package com.carmutual.phone.call;

/** Told about every status callback (campaigns retry busy and unanswered numbers). */
public interface CallStatusListener {
  void onStatus(String callSid, String callStatus, String answeredBy);
}
