package com.carmutual.shared.gateway;

import com.carmutual.shared.gateway.redact.Redactor;

/**
 * Puts real values back into streamed text, where a placeholder such as {@code [PHONE_1]} may be
 * cut across two pieces: text from an unclosed {@code [} that could still become a placeholder is
 * held back (at most {@link #MAX_PLACEHOLDER} characters) until it closes or cannot.
 */
final class StreamRestorer {
  static final int MAX_PLACEHOLDER = 40;

  private final Redactor.Session session;
  private final StringBuilder held = new StringBuilder();

  StreamRestorer(Redactor.Session session) {
    this.session = session;
  }

  /** What can be delivered of {@code piece} now (maybe empty). */
  String accept(String piece) {
    if (session == null || session.placeholders().isEmpty()) {
      return piece;
    }
    held.append(piece);
    int open = held.lastIndexOf("[");
    int cut = held.length();
    if (open >= 0 && held.indexOf("]", open) < 0 && held.length() - open < MAX_PLACEHOLDER
        && couldBePlaceholder(held, open)) {
      cut = open;
    }
    String ready = session.restore(held.substring(0, cut));
    held.delete(0, cut);
    return ready;
  }

  /** What is still held back, at the end of the stream. */
  String flush() {
    String rest = session == null ? "" : session.restore(held.toString());
    held.setLength(0);
    return rest;
  }

  private static boolean couldBePlaceholder(CharSequence s, int open) {
    for (int i = open + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
        return false;
      }
    }
    return true;
  }
}
