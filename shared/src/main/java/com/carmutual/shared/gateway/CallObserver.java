package com.carmutual.shared.gateway;

/**
 * Told about every finished structured and chat call on the caller's thread, after its trace and
 * listeners: challengers in shadow and live guardrails. Must return quickly (it is on the request
 * path) and never throw; heavy work belongs on its own executor.
 */
public interface CallObserver {
  void observe(ObservedCall call);
}
