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
  private final AtomicInteger waiting = new AtomicInteger();
  private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

  RelayCall(String script, String lang) {
    this.script = script;
    this.lang = lang;
  }

  /**
   * Runs {@code work} after everything queued before it on this session; false (and nothing queued)
   * when {@code maxWaiting} messages of this session already wait. When the executor refuses the work
   * (its threads and queue are full), {@code refused} runs instead.
   */
  synchronized boolean then(Runnable work, java.util.concurrent.Executor executor, int maxWaiting, Runnable refused) {
    if (waiting.get() >= maxWaiting) {
      return false;
    }
    waiting.incrementAndGet();
    tail = tail.handle((ok, err) -> null)
        .thenRunAsync(() -> {
          waiting.decrementAndGet();
          work.run();
        }, executor)
        .exceptionally(err -> {
          Throwable cause = err instanceof java.util.concurrent.CompletionException && err.getCause() != null ? err.getCause() : err;
          if (cause instanceof java.util.concurrent.RejectedExecutionException) {
            waiting.decrementAndGet();
            refused.run();
          }
          return null;
        });
    return true;
  }
}
