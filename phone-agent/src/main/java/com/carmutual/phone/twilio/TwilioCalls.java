package com.carmutual.phone.twilio;

import java.util.List;
import java.util.Map;

/** Places outbound calls through Twilio's REST Calls API. */
public interface TwilioCalls {

  /**
   * Creates a call ({@code POST /2010-04-01/Accounts/{AccountSid}/Calls.json}) with the given form
   * parameters (To, From, Url, StatusCallback, MachineDetection, ...; repeated names allowed) and
   * returns its CallSid.
   */
  String create(List<Map.Entry<String, String>> params);
}
