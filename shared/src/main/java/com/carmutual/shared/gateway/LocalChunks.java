package com.carmutual.shared.gateway;

import java.util.ArrayList;
import java.util.List;

/**
 * The local provider's answer as stream pieces: one per word with the space after it, or per
 * Chinese phrase up to its punctuation, so a listener sees a stream like a remote model's.
 */
final class LocalChunks {
  private LocalChunks() {}

  static List<String> of(String text) {
    List<String> out = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\n' || "，。？！；、".indexOf(c) >= 0) {
        out.add(text.substring(from, i + 1));
        from = i + 1;
      }
    }
    if (from < text.length()) {
      out.add(text.substring(from));
    }
    return out;
  }
}
