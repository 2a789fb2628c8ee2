package com.carmutual.phone.relay;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one ConversationRelay session remembers besides the stored call: its CallSid, the language
 * Twilio speaks, keys pressed so far, and which reply is current (an interrupt makes it stale).
 * Messages of a session are handled one after another, in order.
 */
final class RelayCall {
  final String script;
  volatile String callSid;
  volatile String lang;
  volatile boolean keysOnly;
  volatile Integer numDigits;
  final StringBuilder keys = new StringBuilder();
  final AtomicInteger generation = new AtomicInteger();
  private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

  RelayCall(String script, String lang) {
    this.script = script;
    this.lang = lang;
  }

  /** Runs {@code work} after everything queued before it on this session. */
  synchronized void then(Runnable work, java.util.concurrent.Executor executor) {
    tail = tail.handle((ok, err) -> null).thenRunAsync(work, executor);
  }
}
