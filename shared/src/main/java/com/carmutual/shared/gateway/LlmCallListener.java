package com.carmutual.shared.gateway;

/** Told about every finished gateway call (after it is traced), for example to update metrics. */
public interface LlmCallListener {
  void onCall(LlmCallEvent event);
}
